import Foundation

/// The digest of a data directory recorded with each run (RULES.md §8) and part of every key of a `ResultCache`:
/// `sha256:` over the sorted relative paths and bytes of its files, framed
/// like the rules digest: for each file, its path, a NUL, the byte count in
/// decimal, a NUL, the contents. Hidden files are skipped; a single file
/// (a `data.json` given directly) is digested under its own name.
public enum DataFilesDigest {
    /// The digest of the folder or file at `url`.
    /// - Throws: `NoSuchDirectory` when there is none, or the error of a file that cannot be read.
    public static func of(_ url: URL) throws -> String {
        let root = url.standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
            throw NoSuchDirectory(path: url.path, what: "data")
        }
        var files: [(path: [UInt8], url: URL)] = []
        if isDirectory.boolValue {
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                        options: [.skipsHiddenFiles])
            while let file = walker?.nextObject() as? URL {
                guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
                let full = file.standardizedFileURL.resolvingSymlinksInPath().path
                guard full.hasPrefix(root.path + "/") else { continue }
                files.append((Array(full.dropFirst(root.path.count + 1).utf8), file))
            }
        } else {
            files.append((Array(root.lastPathComponent.utf8), root))
        }
        files.sort { $0.path.lexicographicallyPrecedes($1.path) }
        let hasher = SHA256Hasher()
        for file in files {
            let handle = try FileHandle(forReadingFrom: file.url)
            defer { try? handle.close() }
            let size = try handle.seekToEnd()
            try handle.seek(toOffset: 0)
            hasher.update(file.path + [0] + Array(String(size).utf8) + [0])
            while let chunk = try handle.read(upToCount: 1 << 22), !chunk.isEmpty { hasher.update(chunk) }
        }
        return hasher.finish()
    }
}
