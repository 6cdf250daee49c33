import Foundation

/// The entries of a folder of the data directory, found by name regardless
/// of case (`Units.CSV` is `units.csv`); hidden files are skipped.
struct DataDirectory {
    let url: URL
    /// Path of this folder relative to the data directory ("" for the top).
    let relativePath: String
    private let entries: [String: (name: String, isDirectory: Bool)]
    /// Names that differ only in case (`units.csv` and `UNITS.csv`), sorted:
    /// which one is meant cannot be told, so neither is read.
    let ambiguous: [[String]]

    init(url: URL, relativePath: String) {
        self.url = url
        self.relativePath = relativePath
        let fm = FileManager.default
        var entries: [String: (String, Bool)] = [:]
        var clashes: [String: [String]] = [:]
        for name in (try? fm.contentsOfDirectory(atPath: url.path)) ?? [] where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory)
            let key = NFC.normalize(name).lowercased()
            if let other = entries[key] { clashes[key, default: [other.0]].append(NFC.normalize(name)) }
            entries[key] = (NFC.normalize(name), isDirectory.boolValue)
        }
        for key in clashes.keys { entries[key] = nil }
        self.entries = entries
        ambiguous = clashes.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// One issue per set of names that differ only in case.
    var ambiguityIssues: [DataIssue] {
        ambiguous.map { names in
            DataIssue(path: path(names[0]), message:
                "\(names.map { "\"\($0)\"" }.joined(separator: " and ")) differ only in case; keep only one of them (which one is meant cannot be told)")
        }
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
