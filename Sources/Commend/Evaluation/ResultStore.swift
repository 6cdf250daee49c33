import LuaKit

/// What finished awards and scorings published for the `ctx` functions of
/// later ones. Written by the coordinator between parallel passes only.
// @unchecked Sendable: `publish` runs on the coordinating thread while no
// worker runs; workers only read, during passes.
final class ResultStore: @unchecked Sendable {
    struct AwardState {
        /// Per subject row of the award's kind: nil when it does not apply.
        var eligible: [Bool?]
        var awarded: [Bool]
    }
    struct ScoringState {
        var total: [Double?]
        var rank: [Int?]
        var grade: [String?]
    }
    enum State {
        case award(AwardState)
        case scoring(ScoringState)
    }

    /// Whether each declaration applies in the phase.
    private let applicable: PerDeclaration<Bool>
    private var states: PerDeclaration<State?>
    /// What each published state answers through `ctx` in C, in the order
    /// of `ContextLookups` (awarded, eligible; total, rank, grade).
    private(set) var columns: PerDeclaration<[LuaLookupColumn]?>

    init(rules: RuleSet, applicable: Set<DeclarationID>) {
        self.applicable = PerDeclaration(awards: rules.awards.count, scorings: rules.scorings.count) { applicable.contains($0) }
        states = PerDeclaration(awards: rules.awards.count, scorings: rules.scorings.count) { _ in nil }
        columns = PerDeclaration(awards: rules.awards.count, scorings: rules.scorings.count) { _ in nil }
    }

    func applies(_ id: DeclarationID) -> Bool { applicable[id] }
    func state(_ id: DeclarationID) -> State? { states[id] }
    /// Publishes the final state of `id`, whose subjects are indexed by `index`.
    func publish(_ id: DeclarationID, _ state: State, index: LuaRowIndex) {
        states[id] = state
        switch state {
        case .award(let award):
            columns[id] = [.flags(award.awarded, index: index), .flags(award.eligible, index: index)]
        case .scoring(let scoring):
            columns[id] = [.numbers(scoring.total, index: index), .integers(scoring.rank, index: index),
                           .labels(scoring.grade, index: index)]
        }
    }

    func award(_ id: DeclarationID) -> AwardState? {
        if case .award(let state)? = states[id] { return state }
        return nil
    }
    /// The host memory the run's results may take (shared by every worker).
    var budget = ResultBudget(limit: nil)
}

/// An award or scoring needs another one that is not finished yet.
struct DependencyNeeded: Error, Sendable {
    var id: DeclarationID
}
