import CLua
import LuaGlue

/// Functions called one after the other with the same arguments in a single
/// protected call: a gate, parts and tails. A host loop that calls several
/// small functions per item pays for one protected call instead of one per
/// function; each function still gets the whole per-call instruction budget.
///
/// The gate (when given) runs first; a falsy result ends the sequence. Then
/// every part runs, then every tail, or, with `tailsNeedAllParts`, the tails
/// only when every part's first result was truthy. A missing function gives
/// `nil, nil` and counts as falsy.
public struct LuaSequence {
    let plan: LuaTable
    let caller: LuaFunction
    /// How many parts the sequence has.
    public let parts: Int
    /// How many tails the sequence has.
    public let tails: Int

    /// A sequence in `state`: `gate` first (its falsy result skips the rest), then `parts`, then `tails`.
    public init(state: LuaState, gate: LuaFunction?, parts: [LuaFunction?], tails: [LuaFunction?], tailsNeedAllParts: Bool) {
        let plan = state.newTable(arrayCapacity: 4 + parts.count + tails.count)
        plan[1] = gate.map { .function($0) } ?? .bool(false)
        plan[2] = .integer(parts.count)
        plan[3] = .integer(tails.count)
        plan[4] = .bool(tailsNeedAllParts)
        for (i, function) in (parts + tails).enumerated() {
            plan[5 + i] = function.map { .function($0) } ?? .bool(false)
        }
        self.plan = plan
        self.parts = parts.count
        self.tails = tails.count
        cg_push_sequence(state.L)
        caller = LuaFunction(reference: LuaReference(poppingFrom: state))
    }

    /// Which function a failed call was in.
    public enum Step: Equatable, Sendable {
        case gate
        case part(Int)
        case tail(Int)
    }

    /// Calls the sequence with two values already on the stack and gives
    /// `read` its results (the gate's, then two per function that ran),
    /// which are popped when `read` returns. On error, `step` tells where
    /// it happened. (Not generic: a hot loop calls it once per item, and a
    /// generic call across modules looks up type metadata every time.)
    public func call(_ first: LuaSlot, _ second: LuaSlot, _ read: (LuaSequenceResults) throws -> Void) throws {
        let state = caller.reference.state
        let base = lua_gettop(state.L)
        try call(first, second)
        defer { lua_settop(state.L, base) }
        try read(LuaSequenceResults(stack: state.stack, gate: base + 1, parts: parts))
    }

    private func call(_ first: LuaSlot, _ second: LuaSlot) throws {
        let state = caller.reference.state
        let L = state.L
        let base = lua_gettop(L)
        _ = lua_rawgeti(L, clua_registryindex, lua_Integer(caller.reference.ref))
        _ = lua_rawgeti(L, clua_registryindex, lua_Integer(plan.reference.ref))
        lua_pushvalue(L, first.index)
        lua_pushvalue(L, second.index)
        do {
            try state.protectedCall(nargs: 3, nresults: clua_multret)
        } catch {
            // A limit is blamed on the function that hit it, even when it
            // was hit inside pcall and noticed only after that function returned.
            let raw = Int(state.isTripped ? state.runtime.pointee.trip_step : state.runtime.pointee.sequence_step)
            let step: Step = raw < 0 ? .gate : raw < parts ? .part(raw) : .tail(raw - parts)
            throw SequenceError(step: step, error: error)
        }
    }

    /// A failure inside a sequence: the error and the function it came from.
    public struct SequenceError: Error {
        /// The function that failed.
        public var step: Step
        /// What it threw.
        public var error: any Error
    }
}
