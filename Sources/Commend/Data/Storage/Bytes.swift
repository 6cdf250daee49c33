import Foundation

/// The byte constants the CSV reader and the text parsers look for.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let semicolon: UInt8 = 0x3B
}

// Runs of UTF-8 bytes (a file, a cell, a header name, a string's text)
// travel through the engine as `Span<UInt8>`: a bounds-checked view that
// cannot outlive the array or string it borrows. Spans are lent by the
// closures below (`Array.span` and `String.utf8.span` need macOS 26, the
// `Span` type itself deploys back to the package's macOS 15). The few
// operations that need the raw memory (memcmp, copying into a string or an
// array) live here too, each inside the `withUnsafe…` closure that lends
// the pointer: no pointer leaves it.

extension Array where Element == UInt8 {
    /// Calls `body` with a view of the bytes, valid during the call.
    func withSpan<R>(_ body: (Span<UInt8>) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { try body(Span(_unsafeElements: $0)) }
    }
}

extension Data {
    /// Calls `body` with a view of the bytes, valid during the call.
    func withSpan<R>(_ body: (Span<UInt8>) throws -> R) rethrows -> R {
        try withUnsafeBytes { try body(Span(_unsafeElements: $0.bindMemory(to: UInt8.self))) }
    }
}

extension String {
    /// Calls `body` with a view of the string's UTF-8 bytes, valid during the call.
    func withUTF8Bytes<R>(_ body: (Span<UInt8>) throws -> R) rethrows -> R {
        var s = self
        return try s.withUTF8 { try body(Span(_unsafeElements: $0)) }
    }
}

extension Span where Element == UInt8 {
    /// Whether both hold the same bytes (memcmp, not element by element).
    func same(as other: Span<UInt8>) -> Bool {
        guard count == other.count else { return false }
        guard count > 0 else { return true }
        return withUnsafeBufferPointer { a in
            other.withUnsafeBufferPointer { b in memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
    }

    /// Whether the bytes are exactly those of `array`.
    func same(as array: [UInt8]) -> Bool {
        count == array.count && array.withSpan { same(as: $0) }
    }

    /// The bytes as a string (valid UTF-8 expected; invalid bytes become U+FFFD).
    var string: String {
        withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    /// The offsets of the bytes without surrounding spaces, tabs, line
    /// breaks and no-break spaces (U+00A0, which spreadsheets leave in
    /// cells); `extracting(trimmedRange)` is the trimmed view.
    var trimmedRange: Range<Int> {
        var start = 0
        var end = count
        while start < end {
            let b = self[start]
            if b == ASCII.space || b == ASCII.tab || b == ASCII.lf || b == ASCII.cr {
                start += 1
            } else if b == 0xC2, start + 1 < end, self[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            let b = self[end - 1]
            if b == ASCII.space || b == ASCII.tab || b == ASCII.lf || b == ASCII.cr {
                end -= 1
            } else if b == 0xA0, end - 2 >= start, self[end - 2] == 0xC2 {
                end -= 2
            } else {
                break
            }
        }
        return start..<end
    }

    /// Whether the bytes are all blanks (see `trimmedRange`).
    var isBlank: Bool { trimmedRange.isEmpty }
}

extension Array where Element == UInt8 {
    /// Appends the bytes of `span` (one copy, no per-byte loop).
    mutating func append(_ span: Span<UInt8>) {
        span.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// Appends the UTF-8 bytes of a literal.
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}
