import Foundation

/// Reads a whole file into memory, and writes bytes to an open file. Large files go into storage backed by
/// huge pages (`HugePages`), read with plain `read` calls: a read copy, not a
/// memory map, so that a file changed meanwhile cannot crash the process.
///
/// Only regular files are read: a FIFO, a device or a socket named like a
/// data or rule file would block the run for ever, or read without end. The
/// file is opened without blocking and checked before a byte is read.
enum FileBytes {
    static func read(_ url: URL) throws -> [UInt8] {
        let fd = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw FileReadError(errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileReadError(errno: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw FileReadError(mode: info.st_mode) }
        let size = Int(info.st_size)
        var count = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            if size > 0 { HugePages.advise(UnsafeMutableRawPointer(buffer.baseAddress!), bytes: size) }
            while count < size {
                let n = Foundation.read(fd, buffer.baseAddress! + count, size - count)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { break }
                count += n
            }
            initialized = count
        }
        // A file that grew while read: read the rest as it comes.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { throw FileReadError(errno: errno) }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[..<n])
        }
        return bytes
    }

    /// Writes all of `bytes` to the open file `fd` (retrying interrupted and
    /// partial writes); the errno of a failed write, or nil.
    static func write(_ bytes: [UInt8], to fd: Int32) -> Int32? {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return nil }
            var done = 0
            while done < raw.count {
                let n = Foundation.write(fd, base + done, raw.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return n < 0 ? errno : EIO }
                done += n
            }
            return nil
        }
    }
}

/// Why a file could not be read, as a sentence (not a Foundation error code).
struct FileReadError: Error, CustomStringConvertible, LocalizedError {
    var reason: String

    init(errno code: Int32) {
        switch code {
        case EACCES, EPERM: reason = "permission denied"
        case ENOENT: reason = "no such file"
        case EISDIR: reason = "it is a folder, not a file"
        default: reason = String(cString: strerror(code)).lowercased()
        }
    }

    init(mode: mode_t) {
        let kind = switch mode & S_IFMT {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFDIR: "a folder"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
        reason = kind == "not a regular file" ? kind : "it is \(kind), not a regular file"
    }

    var description: String { reason }
    var errorDescription: String? { reason }
}
