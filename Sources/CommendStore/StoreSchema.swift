import GRDB

/// The tables of the store, created and migrated forward by GRDB's
/// `DatabaseMigrator`. Every migration also sets `PRAGMA user_version` to
/// its number, so that a database from a newer version of Commend is
/// recognised from the file's header before anything opens it for writing.
///
/// - `run`: one recorded evaluation (plan, phase, digests, options, engine
///   version, time); `final` marks the official decision of its plan, year
///   and phase (at most one, by a partial unique index); a replaced one
///   keeps `replaced_by`.
/// - `run_json`: the bytes of the run's JSON result (RULES.md §5) as the
///   engine wrote them, in parts of 4 MiB, in order; each part zlib-compressed
///   (`compress2`), or as it was when that is not smaller (`length(bytes) = size`).
/// - `outcome`: one row per subject and award for which it was eligible
///   (awarded or not) and per subject and scoring (rank, grade, total), for
///   history queries; rows of one run are consecutive rowids
///   (`run.first_outcome ... run.last_outcome`), indexed by subject.
/// - `history`: rows brought in by `commend history import`.
enum StoreSchema {
    /// The newest schema this code knows (the number of migrations).
    static let version = 1
    /// The name of the first migration (tested: a store's first step).
    static let firstMigration = "1-recorded-runs"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(firstMigration) { db in
            try db.execute(sql: """
                CREATE TABLE run (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  plan TEXT NOT NULL,
                  plan_name TEXT NOT NULL,
                  year INTEGER NOT NULL,
                  phase TEXT NOT NULL,
                  phase_name TEXT NOT NULL,
                  rules_digest TEXT NOT NULL,
                  data_digest TEXT NOT NULL,
                  options TEXT NOT NULL,
                  engine_version TEXT NOT NULL,
                  recorded_at TEXT NOT NULL,
                  json_size INTEGER NOT NULL,
                  first_outcome INTEGER,
                  last_outcome INTEGER,
                  final INTEGER NOT NULL DEFAULT 0,
                  finalized_at TEXT,
                  replaced_by INTEGER REFERENCES run(id),
                  replaced_at TEXT
                );
                CREATE UNIQUE INDEX run_final ON run(plan, year, phase) WHERE final = 1;
                CREATE TABLE run_json (
                  run INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                  part INTEGER NOT NULL,
                  size INTEGER NOT NULL,
                  bytes BLOB NOT NULL,
                  PRIMARY KEY (run, part)
                );
                CREATE TABLE outcome (
                  run INTEGER NOT NULL,
                  subject TEXT NOT NULL,
                  kind INTEGER NOT NULL,
                  decision TEXT NOT NULL,
                  awarded INTEGER,
                  rank INTEGER,
                  grade TEXT,
                  total REAL
                );
                CREATE INDEX outcome_subject ON outcome(subject);
                CREATE TABLE history (
                  subject TEXT NOT NULL,
                  award TEXT NOT NULL,
                  year INTEGER NOT NULL,
                  source TEXT NOT NULL,
                  imported_at TEXT NOT NULL,
                  PRIMARY KEY (subject, award, year)
                ) WITHOUT ROWID;
                PRAGMA user_version = 1;
                """)
        }
        return migrator
    }
}
