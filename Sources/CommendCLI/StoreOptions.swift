import ArgumentParser
import CommendStore
import Foundation

/// Where the recorded runs are (RULES.md §8).
struct StoreOptions: ParsableArguments {
    @Option(help: "The database of recorded runs (default: $COMMEND_DB, else commend.db in the current folder). Created on first use.")
    var db: String?

    /// The database file: --db, else $COMMEND_DB, else commend.db.
    var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["COMMEND_DB"], !env.isEmpty { return env }
        return "commend.db"
    }

    func open() throws -> RunStore { try RunStore(path: path) }

    /// The store when its file exists (reading history needs no new file).
    func openIfPresent() throws -> RunStore? {
        FileManager.default.fileExists(atPath: path) ? try open() : nil
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
