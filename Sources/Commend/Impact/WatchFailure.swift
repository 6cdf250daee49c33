/// Why a watch cycle could not produce a new result. The last good result stays.
public struct WatchFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Rules or data.
    public enum Kind: String, Sendable, Hashable {
        /// The rules do not load (`RuleSet.check` problems) or a rule failed while evaluating.
        case rules
        /// The data does not load, or the phase is not one of the plan's.
        case data
    }

    /// Whether the rules or the data failed.
    public var kind: Kind
    /// One line each, `file:line: message` where a line is known.
    public var messages: [String]

    /// A failure with one message per line.
    public init(kind: Kind, messages: [String]) {
        self.kind = kind
        self.messages = messages
    }

    /// The messages, one per line.
    public var description: String { messages.joined(separator: "\n") }
}
