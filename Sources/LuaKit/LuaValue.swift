/// A Lua value seen from Swift. Integers and floats stay apart, as in Lua 5.4.
public enum LuaValue {
    case `nil`
    case bool(Bool)
    case integer(Int)
    case number(Double)
    /// A string that is valid UTF-8 (it may contain NUL characters).
    case string(String)
    /// A string that is not valid UTF-8, byte for byte.
    case bytes([UInt8])
    case table(LuaTable)
    case function(LuaFunction)
    /// Userdata, threads: held, passed back, not inspected.
    case other(LuaReference)

    /// Lua's truth: everything but `nil` and `false`.
    public var isTruthy: Bool {
        switch self {
        case .nil: false
        case .bool(let b): b
        default: true
        }
    }

    /// Whether the value is `nil`.
    public var isNil: Bool { if case .nil = self { true } else { false } }

    /// The Lua type name (`"nil"`, `"number"`, `"string"`, ...).
    public var typeName: String {
        switch self {
        case .nil: "nil"
        case .bool: "boolean"
        case .integer, .number: "number"
        case .string, .bytes: "string"
        case .table: "table"
        case .function: "function"
        case .other: "userdata"
        }
    }
}

extension LuaValue: CustomStringConvertible {
    /// The value as Lua would show it, for messages.
    public var description: String {
        switch self {
        case .nil: "nil"
        case .bool(let b): String(b)
        case .integer(let i): String(i)
        case .number(let d): LuaValue.format(d)
        case .string(let s): s
        case .bytes(let b): String(decoding: b, as: UTF8.self)
        case .table: "table"
        case .function: "function"
        case .other: "userdata"
        }
    }

    /// Formats a float as Lua's `%.14g` does.
    public static func format(_ d: Double) -> String {
        if d.isNaN { return d.sign == .minus ? "-nan" : "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == d.rounded(), abs(d) < 1e15 { return String(format: "%.1f", d) }
        return String(format: "%.14g", d)
    }
}

import Foundation

extension LuaValue: Equatable {
    /// Lua's raw equality for scalars; references compare by identity of the object.
    public static func == (a: LuaValue, b: LuaValue) -> Bool {
        switch (a, b) {
        case (.nil, .nil): true
        case let (.bool(x), .bool(y)): x == y
        case let (.integer(x), .integer(y)): x == y
        case let (.number(x), .number(y)): x == y
        case let (.integer(x), .number(y)), let (.number(y), .integer(x)): Double(x) == y
        case let (.string(x), .string(y)): x == y
        case let (.bytes(x), .bytes(y)): x == y
        case let (.table(x), .table(y)): x.reference.isSame(as: y.reference)
        case let (.function(x), .function(y)): x.reference.isSame(as: y.reference)
        case let (.other(x), .other(y)): x.isSame(as: y)
        default: false
        }
    }
}
