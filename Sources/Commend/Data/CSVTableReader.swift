/// Reads the CSV file of one table (`units.csv`, `phases/dot1/members.csv`)
/// into `SubjectRows`.
enum CSVTableReader {
    /// The rows of the file, or nil when it could not be read as a table
    /// (problems are logged).
    static func read(_ document: CSVDocument, spec: TableSpec, schema: FieldSchema,
                     interner: StringInterner, log: inout IssueLog) -> SubjectRows? {
        document.withText(log: &log) { text, log in
            let (record, bodyStart, bodyLine) = text.header()
            guard var header = CSVHeader(record, file: text.file, required: spec.required,
                                           known: TableSpec(kind: spec.kind, phase: nil).standard + schema.fields(for: spec.kind).keys.sorted(), log: &log) else {
                return nil
            }
            let columns = header.names.filter { $0 != "id" }
            let idPosition = header.position(of: "id")!
            let positions = columns.map { header.position(of: $0)! }
            var assembler = TableAssembler(file: text.file, origin: .spreadsheet, columns: columns, spec: spec,
                                           schema: schema, decimalComma: text.decimalComma, interner: interner)
            assembler.reserve(rows: estimateRows(text, bodyStart))
            let end = text.records(from: bodyStart, line: bodyLine) { record in
                header.checkExtraCells(record, log: &log)
                assembler.addRow(line: record.line, log: &log) { converter, c, problem in
                    let p = c < 0 ? idPosition : positions[c]
                    guard p < record.count else { return nil }
                    return record.cell(p) { converter.convert($0, problem: &problem) }
                }
            }
            return text.check(end, log: &log) ? assembler.finish() : nil
        }
    }

    /// About the number of records from `start` on (a little more), from the
    /// line breaks in the first 64 KiB, to reserve storage once.
    static func estimateRows(_ text: CSVText, _ start: Int) -> Int {
        let sample = start..<min(text.bytes.count, start + (1 << 16))
        guard !sample.isEmpty else { return 0 }
        var lines = 1
        for b in text.bytes[sample] where b == ASCII.lf { lines += 1 }
        return Int(Double(lines) * Double(text.bytes.count - start) / Double(sample.count) * 1.1) + 16
    }
}
