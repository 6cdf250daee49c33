import Foundation

/// Checks made on the database file before SQLite opens it: nothing here
/// writes, so a file that is refused keeps its bytes.
enum StoreFile {
    /// The schema version in an existing SQLite file's header
    /// (`user_version`, bytes 60-63, big-endian); nil when the file does not
    /// exist or is empty.
    static func schemaVersion(at path: String) throws -> Int? {
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw StoreError("\(path): cannot read the database: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 100)
        let count = read(fd, &header, 100)
        header.removeSubrange(max(count, 0)...)
        if header.isEmpty { return nil }
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw StoreError("\(path): not a Commend database (not an SQLite file); nothing was changed")
        }
        return header[60..<64].reduce(0) { $0 << 8 | Int($1) }
    }

    /// Throws unless the file (when it exists) and its folder can be written:
    /// SQLite writes the database and, in WAL mode, two files beside it.
    /// Permission bits are checked as well as `access`, so that a file made
    /// read-only is respected also by a process running as root.
    static func checkWritable(_ path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError("\(path): the folder \(folder) does not exist")
        }
        if FileManager.default.fileExists(atPath: path), !writable(path) {
            throw StoreError("\(path): the database is read-only; nothing was changed")
        }
        if !writable(folder) {
            throw StoreError("\(path): the folder \(folder) is read-only, and SQLite must write beside the database; nothing was changed")
        }
    }

    private static func writable(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return access(path, W_OK) == 0 && info.st_mode & 0o222 != 0
    }
}
