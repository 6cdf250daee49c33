import LuaKit

/// A rule failed while evaluating: a script error, a limit, a cycle of
/// cross references. Printed `file:line: award "x", criterion "c", subject S: message`.
public struct RuleError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case script, memory, instructionLimit = "instruction limit", timeLimit = "time limit", cycle, reference

        /// A limit of the run (memory, instructions, time): it stops the run,
        /// whatever `pcall` the scripts wrap around it.
        public var isLimit: Bool { self == .memory || self == .instructionLimit || self == .timeLimit }
    }
    public var kind: Kind
    public var location: SourceLocation?
    /// `award "x"` or `scoring "y"`.
    public var declaration: String?
    /// `criterion "c"`, `item "i"`, `applies`, `order`, `bonus`, `penalty`.
    public var part: String?
    public var subject: String?
    public var message: String
    public var traceback: String?

    public init(kind: Kind, location: SourceLocation?, declaration: String? = nil, part: String? = nil,
                subject: String? = nil, message: String, traceback: String? = nil) {
        self.kind = kind
        self.location = location
        self.declaration = declaration
        self.part = part
        self.subject = subject
        self.message = message
        self.traceback = traceback
    }

    public var description: String {
        var context: [String] = []
        if let declaration { context.append(declaration) }
        if let part { context.append(part) }
        if let subject { context.append("subject \(subject)") }
        let prefix = location.map { "\($0): " } ?? ""
        return prefix + (context.isEmpty ? "" : context.joined(separator: ", ") + ": ") + message
    }

    init(_ error: LuaError, declaration: String?, part: String?, subject: String?, fallback: SourceLocation?) {
        let kind: Kind = switch error.kind {
        case .memory: .memory
        case .instructionLimit: .instructionLimit
        case .timeLimit: .timeLimit
        default: .script
        }
        let location = error.chunk.flatMap { chunk in error.line.map { SourceLocation(file: chunk, line: $0) } } ?? fallback
        var message = error.message
        if let inner = error.underlying as? RuleError, inner.kind == .reference { message = inner.message }
        self.init(kind: kind, location: location, declaration: declaration, part: part, subject: subject,
                  message: message, traceback: error.traceback)
    }
}

/// The evaluation could not start: an unknown phase, a bad option.
public struct EvaluationError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
