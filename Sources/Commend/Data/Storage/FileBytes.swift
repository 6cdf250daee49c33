import Foundation

/// Reads a whole file into memory. Large files go into storage backed by
/// huge pages (`HugePages`), read with plain `read` calls: a read copy, not a
/// memory map, so that a file changed meanwhile cannot crash the process.
enum FileBytes {
    static func read(_ url: URL) throws -> [UInt8] {
        #if os(Linux)
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { return Array(try Data(contentsOf: url)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return Array(try Data(contentsOf: url)) }
        let size = Int(info.st_size)
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            HugePages.advise(UnsafeMutableRawPointer(buffer.baseAddress!), bytes: size)
            while count < size {
                let n = Foundation.read(fd, buffer.baseAddress! + count, size - count)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { break }
                count += n
            }
            var probe: UInt8 = 0
            complete = count == size && Foundation.read(fd, &probe, 1) == 0
        }
        // A file that changed size while read: read it again the plain way.
        return complete ? bytes : Array(try Data(contentsOf: url))
        #else
        return Array(try Data(contentsOf: url))
        #endif
    }
}
