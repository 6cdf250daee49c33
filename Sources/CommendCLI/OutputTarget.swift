import Commend
import Foundation

/// Checks `--out` before any work is done: its folder must exist and be
/// writable, and it must not lie inside one of the input directories (the
/// rules or the data), where it would overwrite `members.csv` or
/// `plan.lua`, or add a file that the next run would read.
enum OutputTarget {
    static func check(_ path: String, inputs: [String]) throws {
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
        for input in inputs {
            let root = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
            if resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
                throw EvaluationError("\(path): refused as the output: it is inside the input directory \(input); write the result elsewhere, so that no rule or data file is overwritten")
            }
        }
    }
}
