import Foundation

/// The UTF-8 bytes of a Lua string, read in place (no Swift `String` is
/// made). Valid only inside the closure it is given to: the bytes belong to
/// Lua, which may free them once the closure returns.
public struct LuaBorrowedString {
    let bytes: UnsafeBufferPointer<UInt8>

    /// The number of bytes.
    public var count: Int { bytes.count }

    /// Whether every byte is ASCII.
    public var isASCII: Bool { !bytes.contains { $0 >= 0x80 } }

    /// A Swift string with the same bytes (invalid UTF-8 repaired).
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether `other` holds exactly these bytes.
    public func equals(_ other: [UInt8]) -> Bool {
        other.count == bytes.count && other.withUnsafeBufferPointer { Self.same($0, bytes) }
    }

    /// Whether `other`'s UTF-8 is exactly these bytes.
    public func equals(_ other: String) -> Bool {
        var other = other
        return other.utf8.count == bytes.count && other.withUTF8 { Self.same($0, bytes) }
    }

    /// Calls `body` with the bytes, for code that owns its memory layout
    /// (an index hashing ids): the pointer must not outlive `body`.
    public func withUnsafeBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(bytes)
    }

    private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard a.count > 0, let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }
}
