import Commend
import Foundation
import GRDB

extension RunStore {
    /// Adds history rows (`commend history import`); a row already in the
    /// store is kept once. Returns how many rows were new.
    @discardableResult
    public func importHistory(_ entries: [HistoryEntry], source: String) throws -> Int {
        try write { db in
            let insert = try db.makeStatement(sql: """
                INSERT OR IGNORE INTO history (subject, award, year, source, imported_at) VALUES (?, ?, ?, ?, ?)
                """)
            let now = Self.now()
            var added = 0
            for entry in entries {
                try insert.execute(arguments: [entry.subject, entry.award, entry.year, source, now])
                added += db.changesCount
            }
            return added
        }
    }

    /// What `ctx.history` and `ctx.streak` read from the store (RULES.md §8):
    /// the awards of finalized runs and the imported rows, of years before
    /// `year` (every year when nil), sorted by subject, award and year, each
    /// (subject, award, year) once.
    public func history(before year: Int? = nil) throws -> [HistoryEntry] {
        let limit = year ?? Int.max
        return try read { db in
            var entries = Set<HistoryEntry>()
            for run in try Row.fetchAll(db, sql: """
                SELECT year, first_outcome, last_outcome FROM run
                WHERE final = 1 AND year < ? AND first_outcome IS NOT NULL
                """, arguments: [limit]) {
                let runYear: Int = run["year"]
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT subject, decision FROM outcome WHERE rowid BETWEEN ? AND ? AND kind = 0 AND awarded = 1
                    """, arguments: [run["first_outcome"], run["last_outcome"]])
                while let row = try rows.next() {
                    entries.insert(HistoryEntry(subject: row["subject"], award: row["decision"], year: runYear))
                }
            }
            let imported = try Row.fetchCursor(db, sql: "SELECT subject, award, year FROM history WHERE year < ?", arguments: [limit])
            while let row = try imported.next() {
                entries.insert(HistoryEntry(subject: row["subject"], award: row["award"], year: row["year"]))
            }
            return entries.sorted {
                ($0.subject, $0.award, $0.year) < ($1.subject, $1.award, $1.year)
            }
        }
    }

    /// Whether the store holds anything for `year`: a finalized run or an imported row.
    public func hasHistory(year: Int) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM run WHERE final = 1 AND year = ?1)
                    OR EXISTS (SELECT 1 FROM history WHERE year = ?1)
                """, arguments: [year]) ?? false
        }
    }

    /// Every award, rank and grade a subject received, by year and phase:
    /// from finalized runs (from every run with `allRuns`), and the imported
    /// rows. Awards for which the subject was only eligible are included
    /// with `awarded == false`.
    public func history(subject: String, allRuns: Bool = false) throws -> [SubjectRecord] {
        try read { db in
            var records: [SubjectRecord] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT run.year, run.phase, run.id, run.final, o.kind, o.decision, o.awarded, o.rank, o.grade, o.total
                FROM outcome o JOIN run ON run.id = o.run
                WHERE o.subject = ? AND (? OR run.final = 1)
                ORDER BY run.year, run.phase, run.id, o.rowid
                """, arguments: [subject, allRuns])
            while let row = try rows.next() {
                let kind: Int = row["kind"]
                records.append(SubjectRecord(
                    year: row["year"], phase: row["phase"], kind: kind == 0 ? .award : .scoring, decision: row["decision"],
                    awarded: row["awarded"], rank: row["rank"], grade: row["grade"], total: row["total"],
                    run: row["id"], finalized: row["final"]))
            }
            for row in try Row.fetchAll(db, sql: "SELECT award, year FROM history WHERE subject = ? ORDER BY year, award",
                                        arguments: [subject]) {
                records.append(SubjectRecord(year: row["year"], phase: nil, kind: .award, decision: row["award"],
                                             awarded: true, rank: nil, grade: nil, total: nil, run: nil, finalized: true))
            }
            return records.sorted { ($0.year, $0.phase ?? "") < ($1.year, $1.phase ?? "") }
        }
    }
}
