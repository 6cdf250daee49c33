/// Splits CSV bytes into records of cells (RFC 4180): quoted cells may hold
/// separators, doubled quotes and line breaks; records end at LF, CRLF or a
/// lone CR. Cells are returned as byte ranges, without copying.
struct CSVScanner {
    /// One cell of a record: a byte range of the file.
    struct Cell {
        var start: Int
        var end: Int
        /// The range is a quoted cell with doubled quotes or text after the
        /// closing quote, still to be unescaped (`CSVRecord.cell`).
        var escaped: Bool
    }

    private let bytes: [UInt8]
    private let separator: UInt8
    /// The offset of the next record.
    private(set) var position: Int
    /// The row number of the next record, as a spreadsheet numbers rows
    /// (a quoted line break does not start a new row).
    private(set) var line: Int
    /// Set when a quoted cell runs to the end of the file: the line it starts on.
    private(set) var unclosedQuoteLine: Int?

    /// Scans `bytes` from offset `start`, whose line is `line`.
    init(_ bytes: [UInt8], from start: Int, line: Int = 1, separator: UInt8) {
        self.bytes = bytes
        self.position = start
        self.line = line
        self.separator = separator
    }

    /// Reads the next record into `cells`; returns the line it starts on, or
    /// nil at the end of the file.
    mutating func next(into cells: CellBuffer) -> Int? {
        cells.removeAll()
        let bytes = self.bytes // shares the storage; lent while `scan` changes `self`
        return bytes.withSpan { scan($0, into: cells) }
    }

    private mutating func scan(_ base: Span<UInt8>, into cells: CellBuffer) -> Int? {
        let n = base.count
        guard position < n else { return nil }
        let recordLine = line
        let sep = separator
        let ends: UInt64 = (1 << UInt64(sep)) | (1 << UInt64(ASCII.lf)) | (1 << UInt64(ASCII.cr))
        var i = position
        while true {
            if i < n, base[i] == ASCII.quote {
                let cellLine = line
                let open = i
                i += 1
                let contentStart = i
                var contentEnd = n
                var escaped = false
                while true {
                    guard i < n else { unclosedQuoteLine = cellLine; break }
                    let c = base[i]
                    if c == ASCII.quote {
                        if i + 1 < n, base[i + 1] == ASCII.quote { escaped = true; i += 2; continue }
                        contentEnd = i
                        i += 1
                        break
                    }
                    // A line break inside quotes stays in the cell: a
                    // spreadsheet numbers rows, not text lines.
                    i += 1
                }
                if i < n, base[i] != sep, base[i] != ASCII.lf, base[i] != ASCII.cr {
                    escaped = true // text after the closing quote is kept
                    while i < n, base[i] != sep, base[i] != ASCII.lf, base[i] != ASCII.cr { i += 1 }
                }
                cells.append(escaped ? Cell(start: open, end: i, escaped: true)
                                     : Cell(start: contentStart, end: contentEnd, escaped: false))
            } else {
                let start = i
                while i < n {
                    let c = base[i]
                    // The bytes that end a cell (separator, LF, CR) are all below 64.
                    if c < 64, (ends >> UInt64(c)) & 1 != 0 { break }
                    i += 1
                }
                cells.append(Cell(start: start, end: i, escaped: false))
            }
            guard i < n else { break }
            let c = base[i]
            i += 1
            if c == sep { continue }
            if c == ASCII.cr, i < n, base[i] == ASCII.lf { i += 1 }
            line += 1
            break
        }
        position = i
        return recordLine
    }

    /// The content of an escaped quoted cell: quotes removed, doubled quotes
    /// as one, text after the closing quote appended.
    static func unescape(_ b: Span<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var i = 1 // after the opening quote
        while i < b.count {
            let c = b[i]
            if c == ASCII.quote {
                if i + 1 < b.count, b[i + 1] == ASCII.quote { out.append(ASCII.quote); i += 2; continue }
                out.append(b.extracting((i + 1)...))
                return
            }
            out.append(c)
            i += 1
        }
    }
}
