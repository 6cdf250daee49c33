/// One problem found in a rules directory, printed `file:line: message`.
public struct RuleProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }
    public var severity: Severity
    public var location: SourceLocation?
    public var message: String

    public init(_ severity: Severity = .error, at location: SourceLocation?, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public var description: String {
        let prefix = severity == .warning ? "warning: " : ""
        if let location { return "\(location): \(prefix)\(message)" }
        return prefix + message
    }
}

/// The rules could not be loaded: every problem found, in file order.
public struct RuleLoadError: Error, Sendable, CustomStringConvertible {
    public var problems: [RuleProblem]
    public var errors: [RuleProblem] { problems.filter { $0.severity == .error } }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
