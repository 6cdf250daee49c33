import CLua

/// The results of one call of a `LuaSequence`, read in place on the stack:
/// valid only inside the closure given to `LuaSequence.call`, after which
/// they are popped.
public struct LuaSequenceResults {
    // Inlinable: read millions of times, one call less per result.
    @usableFromInline let stack: LuaStack
    /// Stack index of the gate's result.
    @usableFromInline let gate: Int32
    @usableFromInline let parts: Int

    init(stack: LuaStack, gate: Int32, parts: Int) {
        self.stack = stack
        self.gate = gate
        self.parts = parts
    }

    /// Whether the gate passed. When it did not, nothing else ran and no
    /// other result may be read.
    @inlinable public var gatePassed: Bool { stack.truthy(at: gate) }

    /// The first (`.value`) or second (`.detail`) result of a function of the sequence.
    @inlinable public func result(_ step: LuaSequence.Step, _ which: Which = .value) -> LuaResult {
        let position: Int
        switch step {
        case .gate: return LuaResult(stack: stack, index: gate)
        case .part(let p): position = p
        case .tail(let t): position = parts + t
        }
        return LuaResult(stack: stack, index: gate + 1 + 2 * Int32(position) + (which == .detail ? 1 : 0))
    }

    /// Every result in order: the gate's, then two per function that ran.
    public var values: [LuaValue] {
        (gate...stack.top).map { stack.value(at: $0) }
    }

    /// Which of the two results of a function.
    public enum Which: Sendable {
        case value, detail
    }
}

/// One result of a Lua call, read in place (see `LuaSequenceResults`).
public struct LuaResult {
    @usableFromInline let stack: LuaStack
    @usableFromInline let index: Int32

    @usableFromInline init(stack: LuaStack, index: Int32) {
        self.stack = stack
        self.index = index
    }

    /// Whether the value is `nil` (or absent).
    public var isNil: Bool { stack.isNil(index) }
    /// Lua's truth: everything but `nil` and `false`.
    public var isTruthy: Bool { stack.truthy(at: index) }
    /// The integer, or nil when it is not an integer-valued number.
    public var integer: Int? { stack.integer(at: index) }
    /// The number, or nil when it is not a number (strings are not converted).
    public var number: Double? { stack.number(at: index) }
    /// The Lua type name (`"table"`), for messages.
    public var typeName: String { stack.typeName(at: index) }
    /// The value, converted (a copy for tables and functions: a reference).
    public var value: LuaValue { stack.value(at: index) }
    /// The string, through `cache`; nil when it is not a string.
    public func string(cache: inout LuaStringCache) -> String? { cache.string(at: index, in: stack) }
}
