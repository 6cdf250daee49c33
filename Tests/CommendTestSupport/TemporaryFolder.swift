import Foundation

/// Real files in fresh temporary folders: the one helper that the tests of
/// every target use to lay out rules and data directories.
public enum TemporaryFolder {
    /// A new folder under the system's temporary folder (named `commend-LABEL-UUID`)
    /// holding `files` (relative path → text).
    public static func make(_ label: String, _ files: [String: String] = [:]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("commend-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (path, text) in files { try write(text, to: url.appendingPathComponent(path)) }
        return url
    }

    /// Writes `text` to `file`, creating the folders above it.
    public static func write(_ text: String, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }
}
