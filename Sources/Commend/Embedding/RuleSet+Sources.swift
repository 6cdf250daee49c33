import Foundation
import LuaKit

extension RuleFiles {
    /// Rule files given in memory: relative paths (`plan.lua`,
    /// `lib/util.lua`, `tests/x_test.lua`) and their text. The digest is the
    /// one of a folder holding the same files; `require "lib.x"` finds
    /// `lib/x.lua` among them. Messages name the files by `displayPrefix`
    /// followed by the path.
    /// - Throws: `RuleLoadError` for a path that does not end in `.lua`, is
    ///   absolute, or has an empty, `.` or `..` part.
    public init(sources: [String: String], displayPrefix: String = "") throws {
        var problems: [RuleProblem] = []
        var files: [File] = []
        for (path, text) in sources {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            if !path.hasSuffix(".lua") || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
                problems.append(RuleProblem(at: nil, "\(displayPrefix)\(path): not a relative path of a .lua file"))
            }
            files.append(File(path: path, contents: Array(text.utf8)))
        }
        guard problems.isEmpty else {
            throw RuleLoadError(problems: problems.sorted { $0.message < $1.message })
        }
        files.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        // No folder: modules are looked up among `all`, never on the disk.
        self.init(directory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                  displayPrefix: displayPrefix, all: files)
    }
}

extension RuleSet {
    /// Loads rules given in memory, `path: text` (see `RuleFiles(sources:)`):
    ///
    ///     let rules = try RuleSet(sources: ["plan.lua": planText, "awards.lua": awardsText])
    ///
    /// - Throws: `RuleLoadError` with every problem when any is an error
    ///   (a bad path, a syntax error, a missing `plan`, ...).
    public init(sources: [String: String], displayPrefix: String = "", limits: LuaLimits = .default) throws {
        self = try RuleSet.load(files: RuleFiles(sources: sources, displayPrefix: displayPrefix), limits: limits)
    }

    /// Loads and validates the rules folder `directory` (as `load(directory:)`).
    /// - Throws: `NoSuchDirectory` when there is no such folder,
    ///   `RuleLoadError` with every problem when any is an error.
    public init(directory: URL, displayName: String? = nil, limits: LuaLimits = .default) throws {
        self = try RuleSet.load(directory: directory, displayName: displayName, limits: limits)
    }
}
