import CLua
import LuaGlue

/// A Lua object held in the registry; released when the Swift owner goes away.
public final class LuaReference {
    let state: LuaState
    let ref: Int32

    /// References the value at `index` of the state's stack (not popped).
    init(state: LuaState, at index: Int32) {
        self.state = state
        lua_pushvalue(state.L, index)
        ref = luaL_ref(state.L, clua_registryindex)
    }

    /// References the value on top of the stack and pops it.
    init(poppingFrom state: LuaState) {
        self.state = state
        ref = luaL_ref(state.L, clua_registryindex)
    }

    deinit {
        luaL_unref(state.L, clua_registryindex, ref)
    }

    func push() {
        _ = lua_rawgeti(state.L, clua_registryindex, lua_Integer(ref))
    }

    func isSame(as other: LuaReference) -> Bool {
        guard state === other.state else { return false }
        push()
        other.push()
        defer { state.pop(2) }
        return lua_rawequal(state.L, -1, -2) != 0
    }
}
