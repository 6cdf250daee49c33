import CommendZlib
import Dispatch
import Foundation

/// The bytes of a run's JSON result, cut into parts of `size` bytes and
/// compressed with zlib on every core while the evaluation goes on (JSON of
/// a national run compresses about 20 times: less to write in the store's
/// transaction). Bytes arrive in order from one queue at a time.
final class JSONParts: @unchecked Sendable {
    /// One stored part: its length before compression, and its bytes
    /// (compressed, or as they were when compression does not make them smaller).
    struct Part {
        var size: Int
        var bytes: Data
        var compressed: Bool { bytes.count < size }
    }

    private let size: Int
    private let lock = NSLock()
    private var pending: [UInt8] = []
    private var done: [Int: Part] = [:]
    private var count = 0
    private let group = DispatchGroup()
    private var total = 0

    init(size: Int = 4 << 20) {
        self.size = size
        pending.reserveCapacity(size)
    }

    /// Takes the next bytes of the JSON.
    func append(_ bytes: [UInt8]) {
        lock.withLock {
            total += bytes.count
            var rest = bytes[...]
            while !rest.isEmpty {
                let room = size - pending.count
                pending.append(contentsOf: rest.prefix(room))
                rest = rest.dropFirst(room)
                if pending.count == size { cut() }
            }
        }
    }

    /// Sends the pending bytes to be compressed as the next part (lock held).
    private func cut() {
        let index = count, bytes = pending
        count += 1
        pending = []
        pending.reserveCapacity(size)
        DispatchQueue.global().async(group: group) {
            let part = Self.compress(bytes)
            self.lock.withLock { self.done[index] = part }
        }
    }

    /// Every part, in order, once all are compressed; and the byte count.
    func finish() -> (parts: [Part], size: Int) {
        lock.withLock { if !pending.isEmpty { cut() } }
        group.wait()
        return lock.withLock { ((0..<count).map { done[$0]! }, total) }
    }

    static func compress(_ bytes: [UInt8]) -> Part {
        var length = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        let status = compress2(&out, &length, bytes, uLong(bytes.count), 1)
        guard status == Z_OK, Int(length) < bytes.count else { return Part(size: bytes.count, bytes: Data(bytes)) }
        return Part(size: bytes.count, bytes: Data(out.prefix(Int(length))))
    }

    /// The original bytes of a stored part.
    static func expand(_ bytes: Data, size: Int) throws -> [UInt8] {
        guard bytes.count < size else { return [UInt8](bytes) }
        var out = [UInt8](repeating: 0, count: size)
        var length = uLong(size)
        let status = bytes.withUnsafeBytes { raw in
            uncompress(&out, &length, raw.bindMemory(to: UInt8.self).baseAddress, uLong(bytes.count))
        }
        guard status == Z_OK, Int(length) == size else { throw StoreError("a stored part of the result is damaged (zlib status \(status))") }
        return out
    }
}
