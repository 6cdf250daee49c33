/// One record of a CSV file: its line and its cells as bytes. Valid only
/// while the file's bytes are.
struct CSVRecord {
    let bytes: Bytes
    let spans: SpanBuffer
    /// The line the record starts on (the header is line 1).
    let line: Int

    /// The number of cells.
    var count: Int { spans.count }

    /// Calls `body` with the content of cell `i` (quotes removed).
    func cell<R>(_ i: Int, _ body: (Bytes) -> R) -> R {
        let span = spans[i]
        let raw = Bytes(rebasing: bytes[span.start..<span.end])
        guard span.escaped else { return body(raw) }
        var out: [UInt8] = []
        CSVScanner.unescape(raw, into: &out)
        return out.withUnsafeBufferPointer(body)
    }

    /// True when cell `i` holds nothing but blanks.
    func isBlank(_ i: Int) -> Bool {
        let span = spans[i]
        if span.end == span.start { return true }
        return cell(i) { $0.trimmed().isEmpty }
    }

    /// True when every cell is blank (an empty line, or `;;;` left by a spreadsheet).
    var isBlank: Bool {
        for i in 0..<count where !isBlank(i) { return false }
        return true
    }

    /// Cell `i` as trimmed NFC text.
    func text(_ i: Int) -> String {
        cell(i) { NFC.string($0.trimmed()) }
    }
}
