/// Finds bytes that are not valid UTF-8 (files saved in a legacy code page).
enum UTF8Validation {
    /// The first invalid byte's offset, or nil when all of `b` is valid UTF-8.
    static func firstInvalid(in bytes: Span<UInt8>, from start: Int = 0) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalid(in: $0, from: start) }
    }

    private static func firstInvalid(in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = b.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let n = b.count
        var i = start
        while i < n {
            // Skip ASCII eight bytes at a time.
            while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < n else { break }
            let c = base[i]
            if c < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let second = base[i + 1]
            guard second >= low, second <= high else { return i }
            for k in 2..<length where base[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// The offset just after the end of the line that holds `offset`.
    static func endOfLine(in b: Span<UInt8>, at offset: Int) -> Int {
        var i = offset
        while i < b.count, b[i] != ASCII.lf, b[i] != ASCII.cr { i += 1 }
        return i
    }
}
