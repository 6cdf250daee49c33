import CLua
import LuaGlue

/// A function of a chunk that assigns to a variable of the chunk's top
/// level (a file-level `local`, or `_ENV`): state kept from one call to the
/// next, found in the chunk's instructions before it runs.
public struct SharedStateWrite: Sendable, Hashable {
    /// The line of the assignment.
    public var line: Int
    /// The variable's name.
    public var name: String
}

/// A chunk refused because some of its functions keep state between calls
/// (`LuaSandbox.refusesSharedState`).
public struct SharedStateError: Error, Sendable, CustomStringConvertible {
    /// The chunk's name.
    public var chunk: String
    /// Every such assignment.
    public var writes: [SharedStateWrite]
    /// What the kept state would spoil (`LuaSandboxPolicy.Wording.sharedState`).
    public var reason: String

    /// An error for these writes of `chunk`; `reason` says what they would spoil.
    public init(chunk: String, writes: [SharedStateWrite], reason: String = LuaSandboxPolicy.Wording.neutral.sharedState) {
        self.chunk = chunk
        self.writes = writes
        self.reason = reason
    }

    /// The message for one write, without its position; `reason` is what
    /// the kept state would spoil.
    public static func message(_ write: SharedStateWrite, reason: String) -> String {
        "a function assigns to '\(write.name)', a variable that every call shares (a local of the file, or of the function that made it): it would keep state from one call to the next, so \(reason); use a local of the function instead, or compute the value once at the top level"
    }

    /// One line per write, `chunk:line: message`.
    public var description: String {
        writes.map { "\(chunk):\($0.line): \(Self.message($0, reason: reason))" }.joined(separator: "\n")
    }
}

extension LuaFunction {
    /// The assignments of nested functions to variables of this chunk's top
    /// level or, with `calledOften`, the assignments of this function (and
    /// of the functions it makes) to variables from outside it, in the order
    /// of the source; nil when they cannot be found (the function is not a
    /// Lua function of this Lua version).
    public func sharedStateWrites(calledOften: Bool = false, max: Int = 32) -> [SharedStateWrite]? {
        let state = reference.state
        reference.push()
        defer { state.pop() }
        var found = [cg_upvalue_write](repeating: cg_upvalue_write(), count: max)
        let count = Int(cg_shared_upvalue_writes(state.L, -1, calledOften ? 1 : 0, &found, Int32(max)))
        guard count >= 0 else { return nil }
        return found.prefix(Swift.min(count, max)).map { write in
            var write = write
            let name = withUnsafeBytes(of: &write.name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            return SharedStateWrite(line: Int(write.line), name: name)
        }
    }
}
