import Foundation

/// The `.lua` files of a rules directory (RULES.md §2).
public struct RuleFiles: Sendable {
    /// One `.lua` file.
    public struct File: Sendable, Hashable {
        /// Relative to the rules directory, `/`-separated.
        public var path: String
        /// The file's bytes.
        public var contents: [UInt8]
    }

    /// The rules directory.
    public var directory: URL
    /// How paths are shown: the directory as the user named it, then `/`.
    public var displayPrefix: String
    /// Every `.lua` file, sorted by path bytes (lib/ and tests/ included).
    public var all: [File]

    /// The files that declare rules: all but `lib/` and `tests/`, in byte order of path.
    public var declarationFiles: [File] {
        all.filter { !$0.path.hasPrefix("lib/") && !$0.path.hasPrefix("tests/") }
    }

    /// `tests/*_test.lua`.
    public var testFiles: [File] {
        all.filter { $0.path.hasPrefix("tests/") && $0.path.hasSuffix("_test.lua") }
    }

    /// A relative path as messages show it.
    public func displayPath(_ relative: String) -> String { displayPrefix + relative }

    /// `sha256:<hex>` over the sorted (path, contents) pairs: for each file,
    /// its path, a NUL, the byte count in decimal, a NUL, the contents.
    public var digest: String {
        let hasher = SHA256Hasher()
        for file in all {
            hasher.update(Array(file.path.utf8) + [0] + Array(String(file.contents.count).utf8) + [0])
            hasher.update(file.contents)
        }
        return hasher.finish()
    }

    /// Reads every `.lua` file under `directory`.
    public static func read(directory: URL, displayName: String? = nil) throws -> RuleFiles {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw NoSuchDirectory(path: displayName ?? directory.path, what: "rules")
        }
        let name = displayName ?? directory.path
        let prefix = name.isEmpty || name == "." ? "" : (name.hasSuffix("/") ? name : name + "/")
        var files: [File] = []
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return RuleFiles(directory: directory, displayPrefix: prefix, all: [])
        }
        for case let url as URL in walker where url.pathExtension == "lua" {
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard full.hasPrefix(root.path + "/") else { continue }
            let relative = String(full.dropFirst(root.path.count + 1))
            do {
                files.append(File(path: relative, contents: try FileBytes.read(url)))
            } catch {
                throw RuleLoadError(problems: [RuleProblem(at: nil, "\(prefix)\(relative): cannot read the rule file: \(error)")])
            }
        }
        files.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        return RuleFiles(directory: directory, displayPrefix: prefix, all: files)
    }
}

/// A rules or data directory that does not exist: bad usage (exit status 2),
/// not a rule error.
public struct NoSuchDirectory: Error, Sendable, CustomStringConvertible {
    /// The folder as the user named it.
    public var path: String
    /// `rules` or `data`.
    public var what: String
    /// `path: no such rules directory`.
    public var description: String { "\(path): no such \(what) directory" }
}
