/// One problem found in a rules directory, printed `file:line: message`.
public struct RuleProblem: Sendable, Hashable, CustomStringConvertible {
    /// An error stops the loading; a warning does not.
    public enum Severity: String, Sendable, Hashable { case error, warning }
    /// Error or warning.
    public var severity: Severity
    /// Where, when known.
    public var location: SourceLocation?
    /// The message without the place.
    public var message: String

    /// A problem at `location`.
    public init(_ severity: Severity = .error, at location: SourceLocation?, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `file:line: message`, with `warning: ` before the message of a warning.
    public var description: String {
        let prefix = severity == .warning ? "warning: " : ""
        if let location { return "\(location): \(prefix)\(message)" }
        return prefix + message
    }
}

/// The rules could not be loaded: every problem found, in file order.
public struct RuleLoadError: Error, Sendable, CustomStringConvertible {
    /// Every problem found, errors and warnings.
    public var problems: [RuleProblem]
    /// The problems that are errors.
    public var errors: [RuleProblem] { problems.filter { $0.severity == .error } }
    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
