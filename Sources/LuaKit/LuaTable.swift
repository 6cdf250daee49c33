import CLua
import LuaGlue

/// A Lua table held from Swift. All access is raw: no metamethod runs, so
/// reading or writing never executes script code.
public struct LuaTable {
    /// The table held in the registry of its state.
    public let reference: LuaReference
    var state: LuaState { reference.state }

    init(reference: LuaReference) { self.reference = reference }

    /// Raw `t[key]`.
    public subscript(key: String) -> LuaValue {
        get {
            reference.push()
            state.pushString(key)
            _ = lua_rawget(state.L, -2)
            defer { state.pop(2) }
            return state.value(at: -1)
        }
        nonmutating set {
            reference.push()
            state.pushString(key)
            state.push(newValue)
            lua_rawset(state.L, -3)
            state.pop()
        }
    }

    /// Raw `t[i]`.
    public subscript(index: Int) -> LuaValue {
        get {
            reference.push()
            _ = lua_rawgeti(state.L, -1, lua_Integer(index))
            defer { state.pop(2) }
            return state.value(at: -1)
        }
        nonmutating set {
            reference.push()
            state.push(newValue)
            lua_rawseti(state.L, -2, lua_Integer(index))
            state.pop()
        }
    }

    /// The raw length (`#t` without `__len`).
    public var count: Int {
        reference.push()
        defer { state.pop() }
        return Int(lua_rawlen(state.L, -1))
    }

    /// Every (key, value) pair, in `next` order. Keys that are NaN cannot exist.
    public var pairs: [(key: LuaValue, value: LuaValue)] {
        var result: [(LuaValue, LuaValue)] = []
        reference.push()
        lua_pushnil(state.L)
        while lua_next(state.L, -2) != 0 {
            result.append((state.value(at: -2), state.value(at: -1)))
            state.pop()
        }
        state.pop()
        return result
    }

    /// The values at 1...count.
    public var array: [LuaValue] { (0..<count).map { self[$0 + 1] } }

    /// The metatable, if any (raw: ignores `__metatable`).
    public var metatable: LuaTable? {
        get {
            reference.push()
            defer { state.pop() }
            guard lua_getmetatable(state.L, -1) != 0 else { return nil }
            return LuaTable(reference: LuaReference(poppingFrom: state))
        }
        nonmutating set {
            reference.push()
            if let newValue { newValue.reference.push() } else { lua_pushnil(state.L) }
            lua_setmetatable(state.L, -2)
            state.pop()
        }
    }

    /// A proxy that reads through to this table and raises
    /// "cannot assign to 'k': NAME is read-only" on any write; its metatable
    /// is protected and `pairs` and `#` see the real contents.
    public func readOnly(name: String) -> LuaTable {
        reference.push()
        cg_push_readonly(state.L, -1, name)
        let proxy = LuaReference(poppingFrom: state)
        state.pop()
        return LuaTable(reference: proxy)
    }
}

extension LuaState {
    /// A new empty table.
    public func newTable(arrayCapacity: Int = 0, fieldCapacity: Int = 0) -> LuaTable {
        lua_createtable(L, Int32(arrayCapacity), Int32(fieldCapacity))
        return LuaTable(reference: LuaReference(poppingFrom: self))
    }

    /// The real global table (not what sandboxed chunks see).
    public var globals: LuaTable {
        lua_rawgeti(L, clua_registryindex, clua_ridx_globals)
        return LuaTable(reference: LuaReference(poppingFrom: self))
    }
}
