/// The cells of the current CSV record, reused from record to record
/// (a growable buffer without the per-append checks of an array).
final class CellBuffer {
    private(set) var count = 0
    private var capacity = 32
    private var storage = UnsafeMutablePointer<CSVScanner.Cell>.allocate(capacity: 32)

    deinit { storage.deallocate() }

    @inline(__always)
    subscript(i: Int) -> CSVScanner.Cell {
        precondition(i >= 0 && i < count, "cell index out of range")
        return storage[i]
    }

    func removeAll() { count = 0 }

    @inline(__always)
    func append(_ cell: CSVScanner.Cell) {
        if count == capacity {
            let grown = UnsafeMutablePointer<CSVScanner.Cell>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = grown
            capacity *= 2
        }
        (storage + count).initialize(to: cell)
        count += 1
    }
}
