extension DatasetBuilder {
    /// Converts the pending rows of one table. Columns: the standard ones
    /// that occur (name, kind, parent, cluster / name, unit), then the others
    /// by name.
    func assemble(_ rows: [PendingRow], _ spec: TableSpec, _ interner: StringInterner,
                  _ log: inout IssueLog) -> SubjectRows {
        let rows = rows.map { PendingRow(fields: Self.normalizedKeys($0.fields), line: $0.line) }
        var names = Set<String>()
        for row in rows { names.formUnion(row.fields.keys) }
        names.remove("id")
        let standard = spec.standard.filter { names.contains($0) }
        let columns = standard + names.subtracting(standard).sorted()
        var assembler = TableAssembler(file: source, origin: .list(section: spec.section), columns: columns,
                                       spec: spec, schema: schema, decimalComma: false, interner: interner)
        assembler.reserve(rows: rows.count)
        for row in rows {
            assembler.addRow(line: row.line, log: &log) { converter, c, problem in
                Self.convert(row.fields[c < 0 ? "id" : columns[c]], with: &converter, problem: &problem)
            }
        }
        return assembler.finish()
    }

    /// Column names trimmed and in NFC, like the header of a CSV file.
    static func normalizedKeys(_ fields: [String: Cell]) -> [String: Cell] {
        var result: [String: Cell] = [:]
        for (key, cell) in fields {
            let name = NFC.normalize(key.trimmingBlanks())
            if result[name] == nil { result[name] = cell }
        }
        return result
    }

    /// Converts a cell given in code (Swift strings are always UTF-8).
    static func convert(_ cell: Cell?, with converter: inout FieldConverter,
                        problem: inout FieldConverter.Problem?) -> Value? {
        let result: Result<Value?, FieldConverter.Problem>
        switch cell {
        case nil: return nil
        case .text(let t)?: result = converter.convert(text: t)
        case .value(let v)?: result = converter.convert(value: v)
        }
        switch result {
        case .success(let value): return value
        case .failure(let p): problem = p; return nil
        }
    }
}

extension String {
    /// Without surrounding spaces, tabs and line breaks.
    func trimmingBlanks() -> String {
        withUTF8Bytes { $0.extracting($0.trimmedRange).string }
    }
}
