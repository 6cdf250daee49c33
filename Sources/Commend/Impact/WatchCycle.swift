/// What one cycle of a `Watcher` found and did.
public struct WatchCycle: Sendable {
    /// What a cycle that evaluated produced.
    public enum Outcome: Sendable {
        /// A new good result; `changes` against the previous good one (nil for the first).
        case evaluated(EvaluationResult, changes: Impact?, warnings: [RuleProblem])
        /// The reload failed; `Watcher.lastGood` still holds the previous result.
        case failed(WatchFailure)
    }

    /// 0 for the first evaluation, then 1, 2, … for each poll.
    public var number: Int
    /// Files added, removed or changed since the previous cycle, shown as
    /// `<rules>/<path>` or `<data>/<path>`, sorted within each directory.
    public var changedFiles: [String]
    /// nil when nothing changed and nothing was evaluated.
    public var outcome: Outcome?

    /// A cycle; see the properties.
    public init(number: Int, changedFiles: [String], outcome: Outcome?) {
        self.number = number
        self.changedFiles = changedFiles
        self.outcome = outcome
    }
}
