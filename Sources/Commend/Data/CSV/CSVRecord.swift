/// One record of a CSV file: its line and its cells as byte ranges of the
/// file's bytes (shared, not copied).
struct CSVRecord {
    let bytes: [UInt8]
    let cells: CellBuffer
    /// The line the record starts on (the header is line 1).
    let line: Int

    /// The number of cells.
    var count: Int { cells.count }

    /// Calls `body` with the content of cell `i` (quotes removed).
    func cell<R>(_ i: Int, _ body: (Span<UInt8>) -> R) -> R {
        let cell = cells[i]
        return bytes.withSpan { all in
            let raw = all.extracting(cell.start..<cell.end)
            guard cell.escaped else { return body(raw) }
            var out: [UInt8] = []
            CSVScanner.unescape(raw, into: &out)
            return out.withSpan(body)
        }
    }

    /// True when cell `i` holds nothing but blanks.
    func isBlank(_ i: Int) -> Bool {
        let range = cells[i]
        if range.end == range.start { return true }
        return cell(i) { $0.isBlank }
    }

    /// True when every cell is blank (an empty line, or `;;;` left by a spreadsheet).
    var isBlank: Bool {
        for i in 0..<count where !isBlank(i) { return false }
        return true
    }

    /// Cell `i` as trimmed NFC text.
    func text(_ i: Int) -> String {
        cell(i) { NFC.string($0.extracting($0.trimmedRange)) }
    }
}
