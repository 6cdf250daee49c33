import LuaKit

/// Finds the row of an id: an open-addressing hash table over the UTF-8
/// bytes of the ids (ids are NFC, so equal ids have equal bytes). Faster to
/// build and query than `[String: Int]` for a million rows.
struct IdIndex: Sendable {
    /// Per slot: the high 32 bits of the id's hash, then row + 1 (0: empty).
    /// The hash bits spare most comparisons with ids of other rows.
    private var slots: [UInt64]
    private var mask: Int

    /// Indexes `ids`; for an id that occurs again, calls `repeated(row, first)`
    /// and keeps the first row.
    init(_ ids: [String], repeated: (Int, Int) -> Void) {
        var capacity = 16
        while capacity < ids.count * 2 { capacity <<= 1 }
        slots = [UInt64](unsafeUninitializedCapacity: capacity) { buffer, count in
            HugePages.advise(UnsafeMutableRawPointer(buffer.baseAddress!), bytes: capacity * 8)
            buffer.initialize(repeating: 0)
            count = capacity
        }
        mask = capacity - 1
        for (row, id) in ids.enumerated() {
            var copy = id
            copy.withUTF8 { bytes in
                let hash = Self.hash(bytes)
                let tag = UInt64(truncatingIfNeeded: hash) & 0xFFFF_FFFF_0000_0000
                var slot = hash & mask
                while true {
                    let entry = slots[slot]
                    if entry == 0 {
                        slots[slot] = tag | UInt64(row + 1)
                        return
                    }
                    if entry & 0xFFFF_FFFF_0000_0000 == tag {
                        let other = Int(entry & 0xFFFF_FFFF) - 1
                        if Self.equal(ids[other], bytes) {
                            repeated(row, other)
                            return
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The first row whose id is `id`, or nil.
    func row(of id: String, in ids: [String]) -> Int? {
        var copy = id
        return copy.withUTF8 { row(of: $0, in: ids) }
    }

    /// The first row whose id is this Lua string, or nil.
    func row(of string: LuaBorrowedString, in ids: [String]) -> Int? {
        string.withUnsafeBytes { row(of: $0, in: ids) }
    }

    /// The first row whose id has these UTF-8 bytes, or nil.
    private func row(of bytes: UnsafeBufferPointer<UInt8>, in ids: [String]) -> Int? {
        let hash = Self.hash(bytes)
        let tag = UInt64(truncatingIfNeeded: hash) & 0xFFFF_FFFF_0000_0000
        var slot = hash & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let row = Int(entry & 0xFFFF_FFFF) - 1
                if Self.equal(ids[row], bytes) { return row }
            }
            slot = (slot + 1) & mask
        }
    }

    private static func equal(_ s: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        s.withUTF8Bytes { $0.same(as: Span(_unsafeElements: bytes)) }
    }

    /// A multiplicative hash of the bytes, eight at a time.
    private static func hash(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(b.count)
        guard let base = b.baseAddress else { return Int(truncatingIfNeeded: h) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= b.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < b.count {
            tail |= UInt64(b[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }
}
