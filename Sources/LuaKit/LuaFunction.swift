import CLua
import LuaGlue

/// A Lua function held from Swift. Every call is protected: Lua errors come
/// back as `LuaError`, limits as their own kinds.
public struct LuaFunction {
    /// The function held in the registry of its state.
    public let reference: LuaReference
    var state: LuaState { reference.state }

    init(reference: LuaReference) { self.reference = reference }

    /// Calls with any number of arguments and returns every result.
    @discardableResult
    public func call<each A: LuaPushable>(_ arguments: repeat each A) throws -> [LuaValue] {
        let state = self.state
        let base = state.top
        let stack = LuaStack(state: state)
        reference.push()
        var count: Int32 = 0
        for argument in repeat each arguments {
            argument.push(to: stack)
            count += 1
        }
        try state.protectedCall(nargs: count, nresults: clua_multret)
        var results: [LuaValue] = []
        var index = base + 1
        while index <= state.top {
            results.append(state.value(at: index))
            index += 1
        }
        lua_settop(state.L, base)
        return results
    }

    /// Calls and reads exactly `results` results with `read` (indices -results ... -1),
    /// without building `LuaValue`s: the fast path for hot loops.
    public func call<each A: LuaPushable, R>(
        _ arguments: repeat each A, results: Int32, read: (LuaStack) throws -> R
    ) throws -> R {
        let state = reference.state
        let base = state.top
        let stack = LuaStack(state: state)
        reference.push()
        var count: Int32 = 0
        for argument in repeat each arguments {
            argument.push(to: stack)
            count += 1
        }
        try state.protectedCall(nargs: count, nresults: results)
        defer { lua_settop(state.L, base) }
        return try read(stack)
    }
}

extension LuaFunction {
    /// Where a Lua function was written (`nil` for Swift or C functions).
    public var definition: (chunk: String, line: Int)? {
        var record = lua_Debug()
        reference.push()
        lua_getinfo(state.L, ">S", &record)
        guard record.linedefined > 0 else { return nil }
        let chunk = withUnsafeBytes(of: record.short_src) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        return (chunk, Int(record.linedefined))
    }
}

extension LuaFunction {
    /// The hot path: calls with two values already on the stack and leaves
    /// exactly `results` results on top, for the caller to read and then
    /// remove with `stack.pop(results)`. Not generic, so a call from another
    /// module costs no generic metadata.
    public func call(_ first: LuaSlot, _ second: LuaSlot, leavingResults results: Int32) throws {
        let state = reference.state
        let L = state.L
        _ = lua_rawgeti(L, clua_registryindex, lua_Integer(reference.ref))
        lua_pushvalue(L, first.index)
        lua_pushvalue(L, second.index)
        try state.protectedCall(nargs: 2, nresults: results)
    }
}
