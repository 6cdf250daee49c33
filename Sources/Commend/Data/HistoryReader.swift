import Foundation

/// Reads `history.csv` (subject, award, year).
enum HistoryReader {
    /// The entries of the file, or nil when it could not be read (problems are logged).
    static func read(_ document: CSVDocument, interner: StringInterner,
                     log: inout IssueLog) -> [HistoryEntry]? {
        document.withText(log: &log) { text, log in
            let (record, bodyStart, bodyLine) = text.header()
            guard var header = CSVHeader(record, file: text.file, required: HistoryAssembler.columns, log: &log) else {
                return nil
            }
            let positions = HistoryAssembler.columns.map { header.position(of: $0)! }
            var assembler = HistoryAssembler(file: text.file, origin: .spreadsheet, interner: interner)
            let end = text.records(from: bodyStart, line: bodyLine) { record in
                header.checkExtraCells(record, log: &log)
                assembler.addRow(line: record.line, log: &log) { converter, i, problem in
                    guard positions[i] < record.count else { return nil }
                    return record.cell(positions[i]) { converter.convert($0, problem: &problem) }
                }
            }
            return text.check(end, log: &log) ? assembler.entries : nil
        }
    }
}

extension HistoryEntry {
    /// Reads a file shaped like `history.csv` (columns `subject`, `award`,
    /// `year`; same separators, encodings and checks), for tools that keep
    /// history elsewhere (`commend history import`). Problems are thrown as
    /// one `DataError` naming `file` and each line.
    public static func read(csv url: URL, file: String) throws -> [HistoryEntry] {
        var log = IssueLog()
        let entries = CSVDocument(url: url, file: file, log: &log).flatMap {
            HistoryReader.read($0, interner: StringInterner(), log: &log)
        }
        try log.throwIfAny()
        return entries ?? []
    }
}
