import LuaKit

extension ArraySlice where Element == [UInt8] {
    /// The offset of the first element with the bytes of `string` (ids as
    /// bytes, looked up by the bytes of a Lua string).
    func firstOffset(of string: LuaBorrowedString) -> Int? {
        var i = startIndex
        while i < endIndex {
            if string.equals(self[i]) { return i - startIndex }
            i += 1
        }
        return nil
    }
}

/// Byte order of UTF-8, the order of ids in every result.
@inline(__always)
func idPrecedes(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}
