import Foundation

/// Loads data.json: `{"units": [...], "members": [...], "phases": {"dot1":
/// {"units": [...], "members": [...]}}, "history": [...]}`, through a
/// `DatasetBuilder`, so that its rows get the same conversions and checks as
/// CSV files. Rows are named by their index: `data.json: units[3] (id "U1")`.
enum JSONDataReader {
    static func load(url: URL, file: String, schema: FieldSchema, phases: [String]) throws -> Dataset {
        let data: Data
        do {
            data = Data(try FileBytes.read(url))
        } catch {
            throw DataError(issues: [DataIssue(path: file, message: "cannot read the file: \(error)")])
        }
        return try load(data: data, file: file, schema: schema, phases: phases)
    }

    /// Loads data.json's bytes; `file` names them in messages.
    static func load(data: Data, file: String, schema: FieldSchema, phases: [String]) throws -> Dataset {
        try load(root: decode(data, file: file), file: file, schema: schema, phases: phases)
    }

    /// The same from a value already decoded (a part of a request's body).
    static func load(root: JSONValue, file: String, schema: FieldSchema, phases: [String]) throws -> Dataset {
        var builder = DatasetBuilder(schema: schema, phases: phases, source: file)
        guard case .object(let top) = root else {
            throw DataError(issues: [DataIssue(path: file, message: "expected an object with \"units\" and \"members\", found \(root.kindName)")])
        }
        for key in ["units", "members"] where top[key] == nil {
            builder.report(DataIssue(path: file, message: "missing \"\(key)\"; data.json needs \"units\" and \"members\""))
        }
        for key in top.keys.sorted() {
            let value = top[key]!
            switch key {
            case "units":
                rows(value, section: "units", file: file, &builder) { b, fields, i in b.addUnit(fields, line: i) }
            case "members":
                rows(value, section: "members", file: file, &builder) { b, fields, i in b.addMember(fields, line: i) }
            case "history":
                rows(value, section: "history", file: file, &builder) { b, fields, i in b.addHistory(fields, line: i) }
            case "phases":
                phaseFacts(value, file: file, &builder)
            default:
                builder.report(DataIssue(path: file, message:
                    "unknown key \"\(key)\" (expected units, members, phases, history)"))
            }
        }
        return try builder.build()
    }

    private static func decode(_ data: Data, file: String) throws -> JSONValue {
        let start = try data.withUnsafeBytes { raw -> Int in
            let b = raw.bindMemory(to: UInt8.self)
            guard let start = TextEncoding.textStart(b) else {
                throw DataError(issues: [DataIssue(path: file, message: "file is UTF-16; save it as UTF-8")])
            }
            if let bad = TextEncoding.invalidUTF8(b, from: start) {
                throw DataError(issues: [DataIssue(path: file, line: bad.line,
                                                   message: TextEncoding.message(for: bad, hint: ""))])
            }
            return start
        }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data.dropFirst(start))
        } catch {
            throw DataError(issues: [DataIssue(path: file, message: "invalid JSON: \(describe(error))")])
        }
    }

    private static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return "\(error)"
    }

    private static func phaseFacts(_ value: JSONValue, file: String, _ builder: inout DatasetBuilder) {
        guard case .object(let byPhase) = value else {
            builder.report(DataIssue(path: file, location: "phases", message: "expected an object of phases, found \(value.kindName)"))
            return
        }
        for phase in byPhase.keys.sorted() {
            guard case .object(let facts) = byPhase[phase]! else {
                builder.report(DataIssue(path: file, location: "phases.\(phase)",
                    message: "expected an object with \"units\" and \"members\", found \(byPhase[phase]!.kindName)"))
                continue
            }
            builder.notePhase(phase)
            for key in facts.keys.sorted() {
                let section = "phases.\(phase).\(key)"
                switch key {
                case "units":
                    rows(facts[key]!, section: section, file: file, &builder) { b, fields, i in
                        b.addPhaseFacts(phase: phase, kind: .unit, fields, line: i)
                    }
                case "members":
                    rows(facts[key]!, section: section, file: file, &builder) { b, fields, i in
                        b.addPhaseFacts(phase: phase, kind: .member, fields, line: i)
                    }
                default:
                    builder.report(DataIssue(path: file, location: "phases.\(phase)",
                        message: "unknown key \"\(key)\" (expected units, members)"))
                }
            }
        }
    }

    /// Hands every object of an array to `add` as cells; reports anything else.
    private static func rows(_ value: JSONValue, section: String, file: String, _ builder: inout DatasetBuilder,
                             add: (inout DatasetBuilder, [String: DatasetBuilder.Cell], Int) -> Void) {
        guard case .array(let items) = value else {
            builder.report(DataIssue(path: file, location: section, message: "expected an array, found \(value.kindName)"))
            return
        }
        for (index, item) in items.enumerated() {
            guard case .object(let object) = item else {
                builder.report(DataIssue(path: file, location: "\(section)[\(index)]",
                                         message: "expected an object, found \(item.kindName)"))
                continue
            }
            var fields: [String: DatasetBuilder.Cell] = [:]
            for (key, v) in object {
                switch v {
                case .null: continue
                case .bool(let b): fields[key] = .value(.bool(b))
                case .int(let i): fields[key] = .value(.int(i))
                case .number(let d): fields[key] = .value(.number(d))
                case .string(let s): fields[key] = .value(.string(s))
                case .array, .object:
                    var id: String?
                    if case .string(let s)? = object["id"] { id = s }
                    let place = RowPlace(file: file, origin: .list(section: section), line: index, id: id)
                    builder.report(place.issue(column: key, "expected a text, a number or true/false, found \(v.kindName)"))
                }
            }
            add(&builder, fields, index)
        }
    }
}
