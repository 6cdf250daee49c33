/// The compact binary form of cache entries: unsigned integers as
/// variable-length bytes (7 bits each, low first), doubles as their 8
/// bytes, strings as a length and their UTF-8.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func unsigned(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7f) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ value: Int) {
        // Zigzag: small negative numbers stay short.
        unsigned(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))))
    }

    mutating func count(_ value: Int) { unsigned(UInt64(value)) }

    mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(bits & 0xff))
            bits >>= 8
        }
    }

    mutating func string(_ value: String) {
        let utf8 = value.utf8
        count(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    mutating func optionalDouble(_ value: Double?) {
        if let value { bytes.append(1); double(value) } else { bytes.append(0) }
    }

    mutating func optionalInt(_ value: Int?) {
        if let value { bytes.append(1); int(value) } else { bytes.append(0) }
    }

    mutating func byte(_ value: UInt8) { bytes.append(value) }
    mutating func raw(_ value: [UInt8]) { bytes.append(contentsOf: value) }
}

/// An entry that does not read as written: it is ignored and evaluated anew.
struct CacheCorrupt: Error {}

/// Reads what `CacheWriter` wrote; any read past the end or out of range
/// throws `CacheCorrupt`.
struct CacheReader {
    private let bytes: [UInt8]
    private var at: Int
    private let end: Int

    /// Reads `bytes[start..<end]` (to the end by default).
    init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        at = start
        self.end = min(end ?? bytes.count, bytes.count)
    }

    var isAtEnd: Bool { at == end }
    var position: Int { at }

    mutating func byte() throws -> UInt8 {
        guard at < end else { throw CacheCorrupt() }
        defer { at += 1 }
        return bytes[at]
    }

    mutating func unsigned() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw CacheCorrupt() }
            value |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws -> Int {
        let u = try unsigned()
        return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }

    /// A count or index below `limit`.
    mutating func count(below limit: Int = Int(Int32.max)) throws -> Int {
        let u = try unsigned()
        guard u < UInt64(limit) else { throw CacheCorrupt() }
        return Int(u)
    }

    mutating func double() throws -> Double {
        guard end - at >= 8 else { throw CacheCorrupt() }
        var bits: UInt64 = 0
        for i in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[at + i]) }
        at += 8
        return Double(bitPattern: bits)
    }

    mutating func string() throws -> String {
        let n = try count(below: end - at + 1)
        defer { at += n }
        return String(decoding: bytes[at..<(at + n)], as: UTF8.self)
    }

    mutating func optionalDouble() throws -> Double? {
        try byte() == 0 ? nil : try double()
    }

    mutating func optionalInt() throws -> Int? {
        try byte() == 0 ? nil : try int()
    }
}
