import LuaKit

/// Reads one declaration table (`award "x" { ... }`, a criterion, a quota...)
/// and records every problem instead of stopping at the first.
struct TableReader {
    let table: LuaTable
    /// How messages name the table: `award "lao-dong-gioi"`, `criterion 2 of award "x"`.
    let what: String
    let location: SourceLocation
    var problems: [RuleProblem] = []

    init(_ table: LuaTable, what: String, at location: SourceLocation) {
        self.table = table
        self.what = what
        self.location = location
    }

    mutating func problem(_ message: String, at location: SourceLocation? = nil, _ severity: RuleProblem.Severity = .error) {
        problems.append(RuleProblem(severity, at: location ?? self.location, "\(what): \(message)"))
    }

    /// Flags keys that are not in `allowed`, suggesting near misses.
    mutating func checkKeys(_ allowed: [String]) {
        for (key, value) in table.pairs {
            guard case .string(let name) = key else {
                if case .integer = key { problem("unexpected list entry \(key); expected only named keys (\(allowed.joined(separator: ", ")))") }
                else { problem("unexpected key \(key)") }
                continue
            }
            if !allowed.contains(name) {
                problem("unknown key \"\(name)\"\(Suggestion.hint(for: name, in: allowed))", at: functionLocation(value))
            }
        }
    }

    func functionLocation(_ value: LuaValue) -> SourceLocation? {
        guard case .function(let f) = value, let d = f.definition else { return nil }
        return SourceLocation(file: d.chunk, line: d.line)
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        switch table[key] {
        case .string(let s): return s
        case .nil:
            if required { problem("missing \"\(key)\"") }
            return nil
        case let other:
            problem("\"\(key)\" must be a string, found \(other.typeName)")
            return nil
        }
    }

    mutating func number(_ key: String, required: Bool = false) -> Double? {
        switch table[key] {
        case .integer(let i): return Double(i)
        case .number(let d) where d.isFinite: return d
        case .nil:
            if required { problem("missing \"\(key)\"") }
            return nil
        case let other:
            problem("\"\(key)\" must be a number, found \(other.typeName == "number" ? other.description : other.typeName)")
            return nil
        }
    }

    mutating func integer(_ key: String, required: Bool = false) -> Int? {
        switch table[key] {
        case .integer(let i): return i
        case .number(let d) where d == d.rounded() && abs(d) < 1e15: return Int(d)
        case .nil:
            if required { problem("missing \"\(key)\"") }
            return nil
        case let other:
            problem("\"\(key)\" must be an integer, found \(other.typeName == "number" ? other.description : other.typeName)")
            return nil
        }
    }

    mutating func function(_ key: String, required: Bool = false) -> LuaFunction? {
        switch table[key] {
        case .function(let f): return f
        case .nil:
            if required { problem("missing \"\(key)\" (a function)") }
            return nil
        case let other:
            problem("\"\(key)\" must be a function, found \(other.typeName)")
            return nil
        }
    }

    mutating func table(_ key: String, required: Bool = false) -> LuaTable? {
        switch table[key] {
        case .table(let t): return t
        case .nil:
            if required { problem("missing \"\(key)\" (a table)") }
            return nil
        case let other:
            problem("\"\(key)\" must be a table, found \(other.typeName)")
            return nil
        }
    }

    /// A string that names something: within `Bounds.idBytes`.
    mutating func id(_ key: String, what: String) -> String? {
        guard let id = string(key, required: true) else { return nil }
        if let message = Bounds.idProblem(id, what: what) {
            problem(message)
            return String(id.prefix(Bounds.idBytes))
        }
        return id
    }

    /// The entries 1...#t of a list key, each a table; other entries are
    /// flagged. Beyond `atMost` entries, the list is refused and only the
    /// first `atMost` are read.
    mutating func tableList(_ key: String, required: Bool = false, atMost: Int = .max, what: String = "") -> [LuaTable] {
        guard let list = table(key, required: required) else { return [] }
        var result: [LuaTable] = []
        var entries = list.array
        if entries.count > atMost {
            problem("\(entries.count) \(what) are too many: at most \(atMost) are allowed")
            entries.removeLast(entries.count - atMost)
        }
        for (index, value) in entries.enumerated() {
            if case .table(let t) = value { result.append(t) }
            else { problem("entry \(index + 1) of \"\(key)\" must be a table, found \(value.typeName)") }
        }
        return result
    }

    mutating func stringList(_ key: String) -> [String]? {
        guard let list = table(key) else { return nil }
        var result: [String] = []
        for (index, value) in list.array.enumerated() {
            if case .string(let s) = value { result.append(s) }
            else { problem("entry \(index + 1) of \"\(key)\" must be a string, found \(value.typeName)") }
        }
        return result
    }

    mutating func subject(_ key: String = "subject", default defaultKind: SubjectKind?) -> SubjectKind {
        guard let text = string(key, required: defaultKind == nil) else { return defaultKind ?? .member }
        if let kind = SubjectKind(rawValue: text) { return kind }
        problem("\"\(key)\" must be \"member\" or \"unit\", found \"\(text)\"\(Suggestion.hint(for: text, in: ["member", "unit"]))")
        return defaultKind ?? .member
    }
}
