import Foundation

/// Asks Linux to back large arrays with 2 MiB pages (transparent huge pages),
/// so that filling them takes hundreds of page faults instead of tens of
/// thousands. Has no effect on other systems, or where Linux declines.
enum HugePages {
    static let threshold = 8 << 20

    /// Advises huge pages for the reserved storage of `array`.
    static func advise<T>(_ array: inout [T]) {
        let bytes = array.capacity * MemoryLayout<T>.stride
        array.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { advise(UnsafeMutableRawPointer(base), bytes: bytes) }
        }
    }

    /// Advises huge pages for `bytes` bytes at `base`, before they are written.
    static func advise(_ base: UnsafeMutableRawPointer, bytes: Int) {
        #if os(Linux)
        guard bytes >= threshold else { return }
        let page = 2 << 20
        let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: base) + bytes) & ~(page - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, MADV_HUGEPAGE)
        #endif
    }
}
