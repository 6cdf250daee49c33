import LuaKit

/// A rule failed while evaluating: a script error, a limit, a cycle of
/// cross references. Printed `file:line: award "x", criterion "c", subject S: message`.
public struct RuleError: Error, Sendable, CustomStringConvertible {
    /// What failed.
    public enum Kind: String, Sendable {
        case script, memory, instructionLimit = "instruction limit", timeLimit = "time limit", cycle, reference

        /// A limit of the run (memory, instructions, time): it stops the run,
        /// whatever `pcall` the scripts wrap around it.
        public var isLimit: Bool { self == .memory || self == .instructionLimit || self == .timeLimit }
    }
    /// What failed.
    public var kind: Kind
    /// Where in the rule files, when known.
    public var location: SourceLocation?
    /// `award "x"` or `scoring "y"`.
    public var declaration: String?
    /// `criterion "c"`, `item "i"`, `applies`, `order`, `bonus`, `penalty`.
    public var part: String?
    /// The id of the subject being evaluated, if any.
    public var subject: String?
    /// The message without place or declaration.
    public var message: String
    /// Lua's traceback, when there was one.
    public var traceback: String?

    /// A rule error; see the properties.
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

    /// `file:line: award "x", criterion "c", subject S: message`, with the parts that are known.
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
    /// The message.
    public var description: String
    /// An error with this message.
    public init(_ description: String) { self.description = description }
}
