/// Decides whether a file's bytes can be read as UTF-8 text.
enum TextEncoding {
    /// Bytes that are not UTF-8: the first bad byte, its line, and how many
    /// further lines have bad bytes.
    struct InvalidUTF8 {
        var byte: UInt8
        var line: Int
        var moreLines: Int
    }

    static let utf16Message = "file is UTF-16; save it as UTF-8 (CSV UTF-8 in Excel)"

    /// Where the text starts (after a UTF-8 byte-order mark), or nil for a
    /// UTF-16 file (its byte-order mark, or NUL bytes between the letters).
    static func textStart(_ b: Span<UInt8>) -> Int? {
        if b.count >= 2, (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) {
            return nil
        }
        let start = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
        for i in start..<min(b.count, start + 512) where b[i] == 0 {
            return nil
        }
        return start
    }

    /// The bytes from `start` on that are not UTF-8, or nil when all are.
    static func invalidUTF8(_ b: Span<UInt8>, from start: Int) -> InvalidUTF8? {
        guard let first = UTF8Validation.firstInvalid(in: b, from: start) else { return nil }
        var moreLines = 0
        var next = UTF8Validation.endOfLine(in: b, at: first)
        while let bad = UTF8Validation.firstInvalid(in: b, from: next) {
            moreLines += 1
            next = UTF8Validation.endOfLine(in: b, at: bad)
        }
        return InvalidUTF8(byte: b[first], line: LineCounter.line(at: first, in: b, from: start),
                           moreLines: moreLines)
    }

    /// `invalid UTF-8 (byte 0xE9), and on 2 more lines; save the file as UTF-8 (CSV UTF-8 in Excel)`.
    static func message(for bad: InvalidUTF8, hint: String = " (CSV UTF-8 in Excel)") -> String {
        let hex = "0x" + String(bad.byte, radix: 16, uppercase: true)
        let also = bad.moreLines == 0 ? "" : ", and on \(bad.moreLines) more line\(bad.moreLines == 1 ? "" : "s")"
        return "invalid UTF-8 (byte \(hex))\(also); save the file as UTF-8\(hint)"
    }
}

/// Counts lines the way the CSV reader does: LF, CRLF and a lone CR each end one.
enum LineCounter {
    /// The 1-based line of the byte at `offset`, counting from `start`.
    static func line(at offset: Int, in b: Span<UInt8>, from start: Int) -> Int {
        var line = 1
        var i = start
        while i < offset {
            if b[i] == ASCII.lf {
                line += 1
            } else if b[i] == ASCII.cr, i + 1 >= b.count || b[i + 1] != ASCII.lf {
                line += 1
            }
            i += 1
        }
        return line
    }
}
