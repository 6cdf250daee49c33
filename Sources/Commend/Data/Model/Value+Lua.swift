import LuaKit

/// A cell's value as a Lua value (strings, integers, numbers, booleans).
extension Value: LuaPushable {
    /// Pushes the value as a Lua boolean, integer, number or string.
    public func push(to stack: LuaStack) {
        switch self {
        case .bool(let b): stack.push(b)
        case .int(let i): stack.push(i)
        case .number(let d): stack.push(d)
        case .string(let s): stack.push(s)
        }
    }
}
