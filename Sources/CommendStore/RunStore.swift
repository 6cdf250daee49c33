import Commend
import Foundation
import GRDB

/// The store of recorded runs (RULES.md §8): an SQLite database in WAL mode,
/// opened through GRDB. Several processes may record into one file at once
/// (each run is one transaction; a writer waits up to `busyTimeout` for
/// another); a process killed while recording leaves no half run.
///
/// ```swift
/// let store = try RunStore(path: "commend.db")
/// let id = try store.record(recorder)            // see RunRecorder
/// try store.finalize(run: id, replace: false)
/// for line in try store.history(subject: "DV0000001") { print(line.year, line.decision) }
/// ```
///
/// Safe to use from several threads (GRDB serialises writes and runs reads
/// concurrently).
public final class RunStore: Sendable {
    /// The database file as given.
    public let path: String
    /// Reads go here: the pool, or a read-only connection.
    private let reader: any DatabaseReader
    /// nil when opened read-only.
    private let writer: (any DatabaseWriter)?

    /// How long a writer waits for another process's transaction.
    public static let busyTimeout: TimeInterval = 120

    /// Opens the store at `path`, creating it on first use and migrating an
    /// older schema forward. Refused, with the file left as it was: a
    /// database written by a newer version of Commend, a file that is not
    /// SQLite, a read-only file or folder.
    ///
    /// With `readOnly`, an existing database is opened through a read-only
    /// connection that never writes it (a read-only file can be read); its
    /// schema must be this version's, and every write throws.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        if !readOnly { try StoreFile.checkWritable(path) }
        do {
            var check: (reader: DatabaseQueue, upToDate: Bool)?
            if let version = try StoreFile.schemaVersion(at: path) {
                if version > StoreSchema.version { throw Self.newer(path, version) }
                check = try Self.checkNotSuperseded(path)
            }
            if readOnly {
                guard let check else { throw StoreError("\(path): no such database (commend evaluate --record creates it)") }
                guard check.upToDate else { throw StoreError("\(path): the database needs its schema migrated; open it once for writing") }
                reader = check.reader
                writer = nil
                return
            }
            try check?.reader.close()
            let pool = try Self.openForWriting(path, migrate: check?.upToDate != true)
            reader = pool
            writer = pool
        } catch let error as DatabaseError {
            throw StoreError("\(path): cannot open the database: \(error.message ?? error.description)")
        }
    }

    /// Opens the pool (WAL) and migrates. Two writers opening a new file at
    /// the same moment can meet SQLite's "database is locked" without its
    /// busy handler being asked (switching to WAL, upgrading a read to a
    /// write): such an open is tried again until `busyTimeout` has passed.
    private static func openForWriting(_ path: String, migrate: Bool) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "commend.store"
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                if migrate { try StoreSchema.migrator.migrate(pool) }
                return pool
            } catch let error as DatabaseError where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED)
                && Date() < deadline {
                usleep(20_000)
            }
        }
    }

    /// Refuses a database that knows migrations this code does not, looking
    /// through a read-only connection (which never writes the file). Returns
    /// the connection and whether every migration of this code is applied.
    private static func checkNotSuperseded(_ path: String) throws -> (reader: DatabaseQueue, upToDate: Bool) {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        let migrator = StoreSchema.migrator
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let (superseded, complete, version) = try queue.read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db),
             try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0)
        }
        if superseded || version > StoreSchema.version { throw newer(path, version) }
        return (queue, complete)
    }

    private static func newer(_ path: String, _ version: Int) -> StoreError {
        StoreError("\(path): this database was written by a newer version of Commend (schema \(version); this version knows schema \(StoreSchema.version) and older). Use a newer commend; the file was not changed.")
    }

    /// The migrations applied to the database, in order.
    public func appliedMigrations() throws -> [String] {
        try read { try StoreSchema.migrator.appliedMigrations($0) }
    }

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    /// Runs `body` in one write transaction, turning SQLite errors into `StoreError`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        guard let writer else { throw StoreError("\(path): opened read-only; nothing was written") }
        do {
            return try writer.write(body)
        } catch let error as DatabaseError {
            throw StoreError("\(path): \(error.message ?? error.description)")
        }
    }

    /// Runs `body` on a read snapshot, turning SQLite errors into `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try reader.read(body)
        } catch let error as DatabaseError {
            throw StoreError("\(path): \(error.message ?? error.description)")
        }
    }
}
