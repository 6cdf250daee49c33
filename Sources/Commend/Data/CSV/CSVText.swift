/// The UTF-8 text of a CSV file (it shares the document's bytes): its
/// header record, then the records of its body.
struct CSVText {
    let file: String
    let bytes: [UInt8]
    /// Where the text starts (after a byte-order mark).
    let start: Int
    let separator: UInt8

    /// A comma may stand for the decimal point (`;`- and tab-separated files).
    var decimalComma: Bool { separator != ASCII.comma }

    /// The first record, and where (offset, line) the body after it starts.
    func header() -> (record: CSVRecord, bodyStart: Int, bodyLine: Int) {
        var scanner = CSVScanner(bytes, from: start, separator: separator)
        let cells = CellBuffer()
        let line = scanner.next(into: cells)!
        return (CSVRecord(bytes: bytes, cells: cells, line: line), scanner.position, scanner.line)
    }

    /// How reading the records ended.
    enum End {
        /// At the end of the file.
        case complete
        /// At a quoted cell that is never closed, starting on this line.
        case unclosedQuote(line: Int)
    }

    /// Calls `body` with every record from offset `start` (on `line`) that
    /// has a non-blank cell, until a quoted cell is never closed.
    func records(from start: Int, line: Int, _ body: (CSVRecord) -> Void) -> End {
        var scanner = CSVScanner(bytes, from: start, line: line, separator: separator)
        let cells = CellBuffer()
        while let recordLine = scanner.next(into: cells) {
            if let quoteLine = scanner.unclosedQuoteLine { return .unclosedQuote(line: quoteLine) }
            let record = CSVRecord(bytes: bytes, cells: cells, line: recordLine)
            if !record.isBlank { body(record) }
        }
        return .complete
    }

    /// Logs why reading ended early; returns true when it read to the end.
    func check(_ end: End, log: inout IssueLog) -> Bool {
        switch end {
        case .complete:
            return true
        case .unclosedQuote(let line):
            log.add(DataIssue(path: file, line: line,
                              message: "a quoted cell starting on this line is not closed (missing \")"))
        }
        return false
    }
}
