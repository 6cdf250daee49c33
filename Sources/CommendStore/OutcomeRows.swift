import GRDB
import GRDBSQLite

/// Inserts a run's subject rows through SQLite's own binding calls: a
/// national run has more than a million, and building GRDB's argument
/// values for each costs more than SQLite's insert.
enum OutcomeRows {
    /// The rowids of the inserted rows (consecutive: one writer, one transaction), nil when none.
    static func insert(_ rows: [RunRecorder.Row], decisions: [String], run: Int64, db: Database,
                       midway: (() -> Void)?) throws -> ClosedRange<Int64>? {
        let statement = try db.makeStatement(sql: """
            INSERT INTO outcome (run, subject, kind, decision, awarded, rank, grade, total)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let s = statement.sqliteStatement
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        var first: Int64?
        for (i, row) in rows.enumerated() {
            if i == rows.count / 2 { midway?() }
            sqlite3_reset(s)
            sqlite3_bind_int64(s, 1, run)
            var subject = row.subject
            subject.withUTF8 { _ = sqlite3_bind_text(s, 2, $0.baseAddress, Int32($0.count), transient) }
            sqlite3_bind_int(s, 3, row.kind == .award ? 0 : 1)
            var decision = decisions[Int(row.decision)]
            decision.withUTF8 { _ = sqlite3_bind_text(s, 4, $0.baseAddress, Int32($0.count), transient) }
            if let awarded = row.awarded { sqlite3_bind_int(s, 5, awarded ? 1 : 0) } else { sqlite3_bind_null(s, 5) }
            if let rank = row.rank { sqlite3_bind_int64(s, 6, Int64(rank)) } else { sqlite3_bind_null(s, 6) }
            if var grade = row.grade {
                grade.withUTF8 { _ = sqlite3_bind_text(s, 7, $0.baseAddress, Int32($0.count), transient) }
            } else {
                sqlite3_bind_null(s, 7)
            }
            if let total = row.total { sqlite3_bind_double(s, 8, total) } else { sqlite3_bind_null(s, 8) }
            let code = sqlite3_step(s)
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            if first == nil { first = db.lastInsertedRowID }
        }
        if rows.isEmpty { midway?() }
        sqlite3_reset(s)
        return first.map { $0...db.lastInsertedRowID }
    }
}
