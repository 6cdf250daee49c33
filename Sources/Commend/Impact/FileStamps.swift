import Foundation

/// Size and modification time of every file in a directory tree: what
/// `commend evaluate --watch` compares between two polls. Polling is simple
/// and portable (no inotify or FSEvents); a change that keeps both the size
/// and the modification time goes unnoticed.
public struct FileStamps: Sendable, Hashable {
    /// What is compared of one file.
    public struct Stamp: Sendable, Hashable {
        /// Bytes.
        public var size: Int
        /// Seconds since 1970, as precise as the file system keeps it.
        public var modified: Double

        /// A stamp.
        public init(size: Int, modified: Double) {
            self.size = size
            self.modified = modified
        }
    }

    /// By path relative to the scanned directory.
    public var files: [String: Stamp]

    /// Stamps by relative path.
    public init(files: [String: Stamp] = [:]) { self.files = files }

    /// Every regular file under `directory` whose name ends with `suffix`
    /// (every file when nil). A missing directory has no files.
    public static func scan(_ directory: URL, suffix: String? = nil) -> FileStamps {
        let manager = FileManager.default
        let root = directory.standardizedFileURL.path
        guard let walker = manager.enumerator(atPath: root) else { return FileStamps() }
        var files: [String: Stamp] = [:]
        while let relative = walker.nextObject() as? String {
            // A result cache kept inside the folder is not a change of the data.
            if relative.split(separator: "/").contains(".commend-cache") { continue }
            if let suffix, !relative.hasSuffix(suffix) { continue }
            guard let attributes = try? manager.attributesOfItem(atPath: root + "/" + relative),
                  attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            files[relative] = Stamp(size: size, modified: modified)
        }
        return FileStamps(files: files)
    }

    /// Paths added, removed or changed since `earlier`, sorted.
    public func changes(since earlier: FileStamps) -> [String] {
        Set(files.keys).union(earlier.files.keys).filter { files[$0] != earlier.files[$0] }.sorted()
    }
}
