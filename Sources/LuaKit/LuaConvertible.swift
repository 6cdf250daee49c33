import CLua

/// A Swift value that can be pushed onto Lua's stack.
public protocol LuaPushable {
    func push(to stack: LuaStack)
}

/// A Swift value that can be read from Lua's stack.
public protocol LuaReadable {
    static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> Self
}

/// Both ways.
public typealias LuaConvertible = LuaPushable & LuaReadable

/// A Lua value that does not have the expected type.
public struct LuaConversionError: Error, Sendable, CustomStringConvertible {
    /// The type the host asked for.
    public var expected: String
    /// The type Lua had.
    public var found: String
    /// A conversion error.
    public init(expected: String, found: String) {
        self.expected = expected
        self.found = found
    }
    /// `<expected> expected, got <found>`.
    public var description: String { "\(expected) expected, got \(found)" }
}

extension LuaValue: LuaConvertible {
    /// Pushes the value on `stack`.
    public func push(to stack: LuaStack) { stack.push(self) }
    /// Reads the value at `index` of `stack`.
    /// - Throws: `LuaConversionError` when the value there has another type.
    public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> LuaValue {
        stack.value(at: index)
    }
}

extension Bool: LuaConvertible {
    /// Pushes the value on `stack`.
    public func push(to stack: LuaStack) { stack.push(self) }
    /// Reads the value at `index` of `stack`.
    /// - Throws: `LuaConversionError` when the value there has another type.
    public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> Bool {
        guard lua_type(stack.state.L, index) == LUA_TBOOLEAN else {
            throw LuaConversionError(expected: "boolean", found: stack.typeName(at: index))
        }
        return stack.truthy(at: index)
    }
}

extension Int: LuaConvertible {
    /// Pushes the value on `stack`.
    public func push(to stack: LuaStack) { stack.push(self) }
    /// Reads the value at `index` of `stack`.
    /// - Throws: `LuaConversionError` when the value there has another type.
    public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> Int {
        if let value = stack.integer(at: index) { return value }
        let found = stack.number(at: index) != nil ? "number with a fractional part" : stack.typeName(at: index)
        throw LuaConversionError(expected: "integer", found: found)
    }
}

extension Double: LuaConvertible {
    /// Pushes the value on `stack`.
    public func push(to stack: LuaStack) { stack.push(self) }
    /// Reads the value at `index` of `stack`.
    /// - Throws: `LuaConversionError` when the value there has another type.
    public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> Double {
        guard let value = stack.number(at: index) else {
            throw LuaConversionError(expected: "number", found: stack.typeName(at: index))
        }
        return value
    }
}

extension String: LuaConvertible {
    /// Pushes the value on `stack`.
    public func push(to stack: LuaStack) { stack.push(self) }
    /// Reads the value at `index` of `stack`.
    /// - Throws: `LuaConversionError` when the value there has another type.
    public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> String {
        guard let value = stack.string(at: index) else {
            throw LuaConversionError(expected: "string", found: stack.typeName(at: index))
        }
        return value
    }
}

extension Optional: LuaPushable where Wrapped: LuaPushable {
    /// Pushes the value on `stack`.
    public func push(to stack: LuaStack) {
        if let self { self.push(to: stack) } else { stack.pushNil() }
    }
}

extension Optional: LuaReadable where Wrapped: LuaReadable {
    /// Reads the value at `index` of `stack`.
    /// - Throws: `LuaConversionError` when the value there has another type.
    public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> Wrapped? {
        stack.isNil(index) ? nil : try Wrapped.read(from: stack, at: index)
    }
}

extension Array: LuaPushable where Element: LuaPushable {
    /// Pushes a sequence table `{e1, e2, ...}`.
    public func push(to stack: LuaStack) {
        stack.pushTable(array: count)
        for (i, element) in enumerated() {
            element.push(to: stack)
            stack.setIndex(i + 1, in: -2)
        }
    }
}

extension Array: LuaReadable where Element: LuaReadable {
    /// Reads the sequence `t[1..#t]` (raw).
    public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> [Element] {
        let L = stack.state.L
        guard lua_type(L, index) == LUA_TTABLE else {
            throw LuaConversionError(expected: "table", found: stack.typeName(at: index))
        }
        let table = lua_absindex(L, index)
        let n = Int(lua_rawlen(L, table))
        var result: [Element] = []
        result.reserveCapacity(n)
        var i = 1
        while i <= n {
            lua_rawgeti(L, table, lua_Integer(i))
            defer { stack.pop() }
            result.append(try Element.read(from: stack, at: -1))
            i += 1
        }
        return result
    }
}

extension Dictionary: LuaPushable where Key == String, Value: LuaPushable {
    /// Pushes a table with string keys.
    public func push(to stack: LuaStack) {
        stack.pushTable(fields: count)
        for (key, value) in self {
            value.push(to: stack)
            stack.setField(key, in: -2)
        }
    }
}

extension Dictionary: LuaReadable where Key == String, Value: LuaReadable {
    /// Reads the string-keyed entries of a table (raw); other keys are an error.
    public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> [String: Value] {
        let L = stack.state.L
        guard lua_type(L, index) == LUA_TTABLE else {
            throw LuaConversionError(expected: "table", found: stack.typeName(at: index))
        }
        let table = lua_absindex(L, index)
        var result: [String: Value] = [:]
        lua_pushnil(L)
        while lua_next(L, table) != 0 {
            guard lua_type(L, -2) == LUA_TSTRING, let key = stack.state.stringValue(at: -2) else {
                let found = stack.typeName(at: -2)
                stack.pop(2)
                throw LuaConversionError(expected: "string key", found: found)
            }
            do {
                result[key] = try Value.read(from: stack, at: -1)
            } catch {
                stack.pop(2)
                throw error
            }
            stack.pop()
        }
        return result
    }
}

extension LuaTable: LuaConvertible {
    /// Pushes the value on `stack`.
    public func push(to stack: LuaStack) { reference.push() }
    /// Reads the value at `index` of `stack`.
    /// - Throws: `LuaConversionError` when the value there has another type.
    public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> LuaTable {
        guard lua_type(stack.state.L, index) == LUA_TTABLE else {
            throw LuaConversionError(expected: "table", found: stack.typeName(at: index))
        }
        return LuaTable(reference: LuaReference(state: stack.state, at: index))
    }
}

extension LuaFunction: LuaConvertible {
    /// Pushes the value on `stack`.
    public func push(to stack: LuaStack) { reference.push() }
    /// Reads the value at `index` of `stack`.
    /// - Throws: `LuaConversionError` when the value there has another type.
    public static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> LuaFunction {
        guard lua_type(stack.state.L, index) == LUA_TFUNCTION else {
            throw LuaConversionError(expected: "function", found: stack.typeName(at: index))
        }
        return LuaFunction(reference: LuaReference(state: stack.state, at: index))
    }
}
