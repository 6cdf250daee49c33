import Foundation

/// The entries of a folder of the data directory, found by name regardless
/// of case (`Units.CSV` is `units.csv`); hidden files are skipped.
struct DataDirectory {
    let url: URL
    /// Path of this folder relative to the data directory ("" for the top).
    let relativePath: String
    private let entries: [String: (name: String, isDirectory: Bool)]

    init(url: URL, relativePath: String) {
        self.url = url
        self.relativePath = relativePath
        let fm = FileManager.default
        var entries: [String: (String, Bool)] = [:]
        for name in (try? fm.contentsOfDirectory(atPath: url.path)) ?? [] where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory)
            entries[NFC.normalize(name).lowercased()] = (NFC.normalize(name), isDirectory.boolValue)
        }
        self.entries = entries
    }

    /// Whether the folder exists.
    static func exists(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The actual name of a file (not a folder) named `name` in any case.
    func file(_ name: String) -> String? {
        entries[name.lowercased()].flatMap { $0.isDirectory ? nil : $0.name }
    }

    /// The actual name of a folder named `name` in any case.
    func folder(_ name: String) -> String? {
        entries[name.lowercased()].flatMap { $0.isDirectory ? $0.name : nil }
    }

    /// Every entry, sorted by name.
    var all: [(name: String, isDirectory: Bool)] {
        entries.values.sorted { $0.name < $1.name }
    }

    /// The path of an entry relative to the data directory.
    func path(_ name: String) -> String {
        relativePath.isEmpty ? name : "\(relativePath)/\(name)"
    }

    /// The URL of an entry.
    func url(_ name: String) -> URL {
        url.appendingPathComponent(name)
    }
}
