import LuaKit

/// Deep equality and printing of Lua values for `t.eq`, and rows for `t.evaluate`.
enum TestValues {
    static func equal(_ a: LuaValue, _ b: LuaValue, depth: Int = 0) -> Bool {
        guard depth < 50 else { return false }
        switch (a, b) {
        case let (.table(x), .table(y)):
            let px = x.pairs, py = y.pairs
            guard px.count == py.count else { return false }
            for (key, value) in px {
                guard let other = py.first(where: { $0.key == key }) else { return false }
                if !equal(value, other.value, depth: depth + 1) { return false }
            }
            return true
        default:
            return a == b
        }
    }

    static func render(_ value: LuaValue, depth: Int = 0) -> String {
        switch value {
        case .string(let s): return "\"\(s)\""
        case .table(let t):
            guard depth < 4 else { return "{...}" }
            let array = t.array
            var parts = array.map { render($0, depth: depth + 1) }
            let keyed = t.pairs.filter { pair in
                if case .integer(let i) = pair.key, i >= 1, i <= array.count { return false }
                return true
            }.map { pair -> String in
                let key = if case .string(let s) = pair.key { s } else { "[\(render(pair.key))]" }
                return "\(key) = \(render(pair.value, depth: depth + 1))"
            }.sorted()
            parts += keyed
            return "{" + parts.joined(separator: ", ") + "}"
        default: return value.description
        }
    }

    /// A Lua row as dataset cells: strings are parsed like CSV cells, other
    /// values are checked against the declared type.
    static func cells(_ row: LuaTable) -> [String: DatasetBuilder.Cell] {
        var fields: [String: DatasetBuilder.Cell] = [:]
        for (key, value) in row.pairs {
            guard case .string(let name) = key else { continue }
            switch value {
            case .string(let s): fields[name] = .text(s)
            case .integer(let i): fields[name] = .value(.int(i))
            case .number(let d): fields[name] = .value(.number(d))
            case .bool(let b): fields[name] = .value(.bool(b))
            default: continue
            }
        }
        return fields
    }
}
