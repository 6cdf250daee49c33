import Commend
import Foundation

/// Checks `--out` before any work is done: its folder must exist and be
/// writable, and it must not replace a file of the inputs (any file already
/// in the rules or the data directory, such as `members.csv` or `plan.lua`)
/// nor add one that the next run would read (a `.lua` file among the rules;
/// `units.csv`, `members.csv`, `history.csv`, `data.json` or a file under
/// `phases/` among the data). A new file of another kind there
/// (`data/result.json`) is allowed.
enum OutputTarget {
    /// `inputs`: each input directory with what it reads (a path relative to
    /// it, lowercased).
    static func check(_ path: String, inputs: [(String, (String) -> Bool)]) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let folder = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw EvaluationError("\(path): cannot write the output: the folder \(folder.path) does not exist")
        }
        guard isDirectory.boolValue else {
            throw EvaluationError("\(path): cannot write the output: \(folder.path) is not a folder")
        }
        guard access(folder.path, W_OK) == 0 else {
            throw EvaluationError("\(path): cannot write the output: no permission to write in the folder \(folder.path)")
        }
        if fm.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw EvaluationError("\(path): cannot write the output: it is a folder")
        }
        // Where the file really is, links resolved (the file itself may not exist yet).
        let resolved = folder.resolvingSymlinksInPath().appendingPathComponent(target.lastPathComponent).resolvingSymlinksInPath().path
        let exists = fm.fileExists(atPath: resolved)
        for (input, reads) in inputs {
            let root = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
            guard resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { continue }
            if exists {
                throw EvaluationError("\(path): refused as the output: it is a file of the input directory \(input), which the output would overwrite; write the result elsewhere")
            }
            let relative = String(resolved.dropFirst(root.count)).drop { $0 == "/" }.lowercased()
            if reads(relative) {
                throw EvaluationError("\(path): refused as the output: the next run would read it as input from \(input); write the result elsewhere")
            }
        }
    }
}

extension OutputTarget {
    /// What a rules directory reads: every `.lua` file.
    static func rules(_ relative: String) -> Bool { relative.hasSuffix(".lua") }
    /// What a data directory reads (names in any case, see DataDirectory).
    static func data(_ relative: String) -> Bool {
        ["units.csv", "members.csv", "history.csv", "data.json"].contains(relative) || relative.hasPrefix("phases/")
    }
}
