import CLua
import LuaGlue

/// The one place where LuaKit reads and writes Lua's stack.
extension LuaState {
    var top: Int32 { lua_gettop(L) }

    func pop(_ n: Int32 = 1) { lua_settop(L, -n - 1) }

    func stringValue(at index: Int32) -> String? {
        guard lua_type(L, index) == LUA_TSTRING || lua_type(L, index) == LUA_TNUMBER else { return nil }
        var length = 0
        guard let pointer = lua_tolstring(L, index, &length) else { return nil }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// The string at `index` if it is valid UTF-8 (one copy, no array).
    func validStringValue(at index: Int32) -> String? {
        var length = 0
        guard let pointer = lua_tolstring(L, index, &length) else { return nil }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(validating: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    func bytesValue(at index: Int32) -> [UInt8] {
        var length = 0
        guard let pointer = lua_tolstring(L, index, &length) else { return [] }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    func pushString(_ string: String) {
        var string = string
        string.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                _ = lua_pushlstring(L, $0.baseAddress, $0.count)
            }
        }
    }

    func pushBytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                _ = lua_pushlstring(L, $0.baseAddress, $0.count)
            }
        }
    }

    /// Reads any value; tables, functions and other objects become references.
    func value(at index: Int32) -> LuaValue {
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE: return .nil
        case LUA_TBOOLEAN: return .bool(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(L, index) != 0 { return .integer(Int(lua_tointegerx(L, index, nil))) }
            return .number(lua_tonumberx(L, index, nil))
        case LUA_TSTRING:
            if let string = validStringValue(at: index) { return .string(string) }
            return .bytes(bytesValue(at: index))
        case LUA_TTABLE:
            return .table(LuaTable(reference: LuaReference(state: self, at: index)))
        case LUA_TFUNCTION:
            return .function(LuaFunction(reference: LuaReference(state: self, at: index)))
        default:
            return .other(LuaReference(state: self, at: index))
        }
    }

    func push(_ value: LuaValue) {
        switch value {
        case .nil: lua_pushnil(L)
        case .bool(let b): lua_pushboolean(L, b ? 1 : 0)
        case .integer(let i): lua_pushinteger(L, lua_Integer(i))
        case .number(let d): lua_pushnumber(L, d)
        case .string(let s): pushString(s)
        case .bytes(let b): pushBytes(b)
        case .table(let t): t.reference.push()
        case .function(let f): f.reference.push()
        case .other(let r): r.push()
        }
    }
}

/// Typed access to the stack for conversions (`LuaPushable`, `LuaReadable`).
/// Indices follow Lua: positive from the bottom, negative from the top.
public struct LuaStack {
    // unowned(unsafe): a stack lives only while its state runs a call, and
    // a counted reference costs more than the call itself.
    unowned(unsafe) let state: LuaState

    /// Pushes `nil`.
    public func pushNil() { lua_pushnil(state.L) }
    /// Pushes a boolean.
    public func push(_ value: Bool) { lua_pushboolean(state.L, value ? 1 : 0) }
    /// Pushes an integer.
    public func push(_ value: Int) { lua_pushinteger(state.L, lua_Integer(value)) }
    /// Pushes a number.
    public func push(_ value: Double) { lua_pushnumber(state.L, value) }
    /// Pushes a string (UTF-8 bytes).
    public func push(_ value: String) { state.pushString(value) }
    /// Pushes a value.
    public func push(_ value: LuaValue) { state.push(value) }

    /// Whether the value at `index` is `nil` or absent.
    public func isNil(_ index: Int32) -> Bool { lua_type(state.L, index) <= LUA_TNIL }
    /// The value at `index`.
    public func value(at index: Int32) -> LuaValue { state.value(at: index) }
    /// The string at `index`, or nil when it is not a string.
    public func string(at index: Int32) -> String? { lua_type(state.L, index) == LUA_TSTRING ? state.stringValue(at: index) : nil }
    /// The integer at `index` (a number with an exact integer value too), or nil.
    public func integer(at index: Int32) -> Int? {
        guard lua_type(state.L, index) == LUA_TNUMBER else { return nil }
        var ok: Int32 = 0
        let value = lua_tointegerx(state.L, index, &ok)
        return ok != 0 ? Int(value) : nil
    }
    /// The number at `index`, or nil when it is not a number.
    public func number(at index: Int32) -> Double? {
        guard lua_type(state.L, index) == LUA_TNUMBER else { return nil }
        return lua_tonumberx(state.L, index, nil)
    }
    /// Whether the value at `index` is neither `nil` nor `false`.
    public func truthy(at index: Int32) -> Bool { lua_toboolean(state.L, index) != 0 }
    /// Lua's name of the type at `index`.
    public func typeName(at index: Int32) -> String { String(cString: clua_typename(state.L, index)) }

    /// Creates a table with room for `array` and `fields` entries and pushes it.
    public func pushTable(array: Int = 0, fields: Int = 0) { lua_createtable(state.L, Int32(array), Int32(fields)) }
    /// `t[key] = value` (raw) for the table at `table`, value popped from the top.
    public func setField(_ key: String, in table: Int32) {
        let table = lua_absindex(state.L, table)
        state.pushString(key)
        lua_rotate(state.L, -2, 1)
        lua_rawset(state.L, table)
    }
    /// `t[i] = value` (raw) for the table at `table`, value popped from the top.
    public func setIndex(_ i: Int, in table: Int32) { lua_rawseti(state.L, table, lua_Integer(i)) }
    /// Pops `n` values.
    public func pop(_ n: Int32 = 1) { state.pop(n) }
    /// The index of the top value (the number of values).
    public var top: Int32 { state.top }
}

extension LuaStack {
    /// `t[key] = value` where `value` is pushed by the caller just before.
    public func setField(_ key: String) { setField(key, in: -2) }

    /// `t[key] = value` (raw) for the table on top of the stack.
    public func field<T: LuaPushable>(_ key: String, _ value: T) {
        state.pushString(key)
        value.push(to: self)
        lua_rawset(state.L, -3)
    }
}

extension LuaState {
    /// The stack of this state.
    public var stack: LuaStack { LuaStack(state: self) }
}

/// A value already on the stack, passed again by position (no registry
/// reference): for hot loops that call several functions with the same
/// argument.
public struct LuaSlot: LuaPushable {
    let index: Int32
    /// Pushes a copy of the value at this index.
    public func push(to stack: LuaStack) { lua_pushvalue(stack.state.L, index) }
}

extension LuaStack {
    /// The value on top of the stack as a slot that stays until `pop`.
    public var topSlot: LuaSlot { LuaSlot(index: lua_gettop(state.L)) }

    /// Pushes `value` and returns its slot.
    public func pushSlot<T: LuaPushable>(_ value: T) -> LuaSlot {
        value.push(to: self)
        return topSlot
    }

    /// The string at `index`, or nil for other types (numbers are not converted).
    public func stringOnly(at index: Int32) -> String? {
        lua_type(state.L, index) == LUA_TSTRING ? state.stringValue(at: index) : nil
    }
}

extension LuaStack {
    /// Runs `body` and then removes whatever it left on the stack. (Not
    /// generic, for the same reason as `LuaSequence.call`.)
    public func preserving(_ body: () throws -> Void) rethrows {
        let base = lua_gettop(state.L)
        defer { lua_settop(state.L, base) }
        try body()
    }

    /// Pushes a new table with `count` array items; `push(i)` pushes item
    /// `i + 1` (one value).
    public func pushArray(count: Int, _ push: (Int) -> Void) {
        lua_createtable(state.L, Int32(count), 0)
        for i in 0..<count {
            push(i)
            lua_rawseti(state.L, -2, lua_Integer(i + 1))
        }
    }

    /// Takes the table on top of the stack off it, as a reference; nil
    /// (and nothing popped) when the top is not a table.
    public func popTable() -> LuaTable? {
        guard lua_type(state.L, -1) == LUA_TTABLE else { return nil }
        return LuaTable(reference: LuaReference(poppingFrom: state))
    }

    /// Pushes a new table holding the same values at 1...#table (a shallow
    /// copy of a sequence).
    public func pushArrayCopy(of table: LuaTable) {
        let L = state.L
        table.reference.push()
        let source = lua_gettop(L)
        let count = lua_rawlen(L, source)
        lua_createtable(L, Int32(count), 0)
        var i: lua_Integer = 1
        while i <= lua_Integer(count) {
            lua_rawgeti(L, source, i)
            lua_rawseti(L, -2, i)
            i += 1
        }
        lua_rotate(L, source, 1)
        lua_settop(L, -2)
    }
}
