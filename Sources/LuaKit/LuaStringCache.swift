import CLua
import Foundation

/// Swift strings for Lua strings that come back again and again (a label
/// such as "xếp loại: tốt" returned by most calls): a string already
/// seen is handed out again instead of decoded and allocated anew, which
/// also lets millions of results share one copy. Direct-mapped by a hash of
/// the bytes and checked byte for byte, so a hit is always the same text.
public struct LuaStringCache {
    private var texts: [String?]
    private let mask: Int
    /// Longer strings are decoded every time: they rarely repeat.
    public let longest: Int

    /// A cache of `slots` entries for strings of at most `longest` bytes.
    public init(slots: Int = 4096, longest: Int = 128) {
        var size = 1
        while size < slots { size <<= 1 }
        texts = Array(repeating: nil, count: size)
        mask = size - 1
        self.longest = longest
    }

    /// The string at `index` decoded as UTF-8 (invalid bytes repaired), or
    /// nil when the value is not a string (numbers are not converted).
    public mutating func string(at index: Int32, in stack: LuaStack) -> String? {
        let L = stack.state.L
        guard lua_type(L, index) == LUA_TSTRING else { return nil }
        var length = 0
        let start = UnsafeRawPointer(lua_tolstring(L, index, &length)!).assumingMemoryBound(to: UInt8.self)
        let bytes = UnsafeBufferPointer(start: start, count: length)
        guard length <= longest else { return String(decoding: bytes, as: UTF8.self) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        if var known = texts[slot], known.utf8.count == length, known.withUTF8({ length == 0 || memcmp($0.baseAddress!, start, length) == 0 }) {
            return known
        }
        let text = String(decoding: bytes, as: UTF8.self)
        // A repaired string is not byte-equal to its source: never a hit, so not kept.
        if text.utf8.count == length { texts[slot] = text }
        return text
    }
}
