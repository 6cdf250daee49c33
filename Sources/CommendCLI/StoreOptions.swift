import ArgumentParser
import Commend
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

    /// The store, to write into (created on first use).
    func open() throws -> RunStore { try RunStore(path: path) }

    /// The store, to read: an existing database through a read-only
    /// connection (which never writes it, and reads a read-only file); a
    /// missing one is created, empty.
    func openForReading() throws -> RunStore {
        FileManager.default.fileExists(atPath: path) ? try RunStore(path: path, readOnly: true) : try open()
    }

    /// The store when its file exists, to read (history needs no new file).
    func openIfPresent() throws -> RunStore? {
        FileManager.default.fileExists(atPath: path) ? try RunStore(path: path, readOnly: true) : nil
    }

    /// `data` with the store's history of the years before the plan's
    /// (finalized runs and imported rows) added, when the database exists.
    func addingHistory(to data: Dataset, plan: Plan, store: RunStore? = nil) throws -> Dataset {
        guard let store = try store ?? openIfPresent() else { return data }
        var data = data
        data.history += try store.history(before: plan.year)
        return data
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
