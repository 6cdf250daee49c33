import Foundation

/// A read-only run of UTF-8 bytes (a cell, a header name).
typealias Bytes = UnsafeBufferPointer<UInt8>

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
    static let zero: UInt8 = 0x30
    static let semicolon: UInt8 = 0x3B
}

extension Array where Element == UInt8 {
    /// Whether the array holds exactly these bytes (memcmp).
    func same(as other: Bytes) -> Bool {
        count == other.count && withUnsafeBufferPointer { $0.same(as: other) }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether both hold the same bytes (memcmp, not element by element).
    func same(as other: Bytes) -> Bool {
        guard count == other.count else { return false }
        guard count > 0, let a = baseAddress, let b = other.baseAddress else { return true }
        return memcmp(a, b, count) == 0
    }

    /// The bytes without surrounding spaces, tabs, line breaks and no-break
    /// spaces (U+00A0, which spreadsheets leave in cells).
    func trimmed() -> Bytes {
        guard let base = baseAddress else { return self }
        var start = 0
        var end = count
        while start < end {
            let b = base[start]
            if b == ASCII.space || b == ASCII.tab || b == ASCII.lf || b == ASCII.cr {
                start += 1
            } else if b == 0xC2, start + 1 < end, base[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            let b = base[end - 1]
            if b == ASCII.space || b == ASCII.tab || b == ASCII.lf || b == ASCII.cr {
                end -= 1
            } else if b == 0xA0, end - 2 >= start, base[end - 2] == 0xC2 {
                end -= 2
            } else {
                break
            }
        }
        return Bytes(rebasing: self[start..<end])
    }
}
