/// An error raised by Lua code, by the loader, or by a limit.
///
/// It carries everything needed to act on it from a log line: what kind of
/// failure it is, the message, the chunk and line where it happened, and the
/// Lua traceback.
public struct LuaError: Error, Sendable, CustomStringConvertible {
    /// What failed.
    public enum Kind: String, Sendable, Hashable {
        /// The chunk does not compile (or is not text).
        case syntax
        /// A runtime error: `error(...)`, a failed operation, a Swift closure that threw.
        case runtime
        /// The memory cap was exceeded.
        case memory
        /// An instruction budget (per run or per call) was exhausted.
        case instructionLimit = "instruction limit"
        /// The wall-clock deadline passed.
        case timeLimit = "time limit"
        /// The host stopped the run on purpose (see `LuaInterrupt`).
        case interrupted
    }

    /// What failed.
    public var kind: Kind
    /// The message without its `chunk:line:` prefix.
    public var message: String
    /// The chunk name as Lua prints it (for example `scripts/main.lua`), when known.
    public var chunk: String?
    /// The line in `chunk`, when known.
    public var line: Int?
    /// Lua's `stack traceback:` text, when there was one.
    public var traceback: String?
    /// The Swift error thrown by a closure, or the `LuaInterrupt` payload.
    public var underlying: (any Error)?

    /// An error; see the properties.
    public init(kind: Kind, message: String, chunk: String? = nil, line: Int? = nil,
                traceback: String? = nil, underlying: (any Error)? = nil) {
        self.kind = kind
        self.message = message
        self.chunk = chunk
        self.line = line
        self.traceback = traceback
        self.underlying = underlying
    }

    /// `chunk:line: message`, as Lua prints it.
    public var description: String {
        if let chunk, let line { return "\(chunk):\(line): \(message)" }
        if let chunk { return "\(chunk): \(message)" }
        return message
    }

    /// Splits Lua's "chunk:line: message\nstack traceback:..." text.
    init(kind: Kind, luaMessage text: String) {
        var body = text
        var traceback: String?
        if let range = text.range(of: "\nstack traceback:") {
            body = String(text[..<range.lowerBound])
            traceback = String(text[range.lowerBound...].dropFirst())
        }
        let (chunk, line, message) = LuaError.splitPosition(body)
        self.init(kind: kind, message: message, chunk: chunk, line: line, traceback: traceback)
    }

    /// `"a/b.lua:12: text"` → ("a/b.lua", 12, "text").
    static func splitPosition(_ text: String) -> (String?, Int?, String) {
        // Syntax errors of chunks named "[string ...]" contain ':' only after the name.
        var index = text.startIndex
        while let colon = text[index...].firstIndex(of: ":") {
            let afterColon = text.index(after: colon)
            let digits = text[afterColon...].prefix(while: \.isNumber)
            if !digits.isEmpty, digits.endIndex < text.endIndex, text[digits.endIndex] == ":" {
                let chunk = String(text[..<colon])
                var rest = text[text.index(after: digits.endIndex)...]
                if rest.first == " " { rest = rest.dropFirst() }
                return (chunk, Int(digits), String(rest))
            }
            index = afterColon
        }
        return (nil, nil, text)
    }
}

/// Thrown by a Swift closure to stop the whole run on purpose. Unlike other
/// errors it cannot be caught by `pcall` in the script: the state is tripped,
/// and the call that started the run fails with kind `.interrupted` and this
/// value as `underlying`.
public struct LuaInterrupt: Error, Sendable {
    /// Why the host stopped the run.
    public var message: String
    /// What the host attached, handed back in `LuaError.underlying`.
    public var payload: (any Sendable)?
    /// An interrupt with `message` and an optional payload.
    public init(_ message: String, payload: (any Sendable)? = nil) {
        self.message = message
        self.payload = payload
    }
}
