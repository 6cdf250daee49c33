import Commend
import CommendStore
import Foundation
import GRDB
import Testing

/// The store through its library API, on real database files.
@Suite("Recorded runs: the store")
struct StoreTests {
    /// Evaluates the small plan of `StoreSupport` on its data (optionally changed).
    static func evaluate(data: [String: String] = StoreSupport.data) throws -> (EvaluationResult, URL) {
        let folder = try StoreSupport.folder()
        try StoreSupport.write(StoreSupport.rules, in: folder.appendingPathComponent("rules"))
        try StoreSupport.write(data, in: folder.appendingPathComponent("data"))
        let rules = try RuleSet.load(directory: folder.appendingPathComponent("rules"))
        let dataset = try DatasetLoader.load(directory: folder.appendingPathComponent("data"), schema: rules.plan.fields,
                                             phases: rules.plan.phases.map(\.id))
        return (try Evaluator.evaluate(rules: rules, data: dataset, phase: "dot1"), folder.appendingPathComponent("data"))
    }

    static func bytes(_ write: (OutputSink) throws -> Void) throws -> Data {
        let file = try StoreSupport.folder().appendingPathComponent("out.json")
        let sink = try OutputSink(file: file)
        try write(sink)
        try sink.commit()
        return try Data(contentsOf: file)
    }

    @Test func aNewStoreHasTheNamedFirstMigrationInWALMode() throws {
        let path = try StoreSupport.folder().appendingPathComponent("commend.db").path
        let store = try RunStore(path: path)
        #expect(try store.appliedMigrations() == ["1-recorded-runs"])
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 1)
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        // Opening again migrates nothing more.
        #expect(try RunStore(path: path).appliedMigrations() == ["1-recorded-runs"])
    }

    @Test func aRecordedRunGivesBackTheSameJSONBytesAndItsSubjects() throws {
        let (result, data) = try Self.evaluate()
        let store = try RunStore(path: try StoreSupport.folder().appendingPathComponent("commend.db").path)
        let digest = try DataDigest.of(data)
        let id = try store.record(result, dataDigest: digest, options: ["jobs": "ignored"])
        #expect(id == 1)
        let written = try Self.bytes { JSONFormat.write(result, to: $0) }
        #expect(try Self.bytes { try store.writeJSON(of: id, to: $0) } == written)

        let runs = try store.runs()
        #expect(runs.count == 1)
        #expect(runs[0].plan == "p" && runs[0].year == 2021 && runs[0].phase == "dot1")
        #expect(runs[0].rulesDigest == result.rulesDigest && runs[0].dataDigest == digest)
        #expect(runs[0].engineVersion == CommendVersion.current && !runs[0].finalized)
        #expect(runs[0].options == #"{"jobs":"ignored"}"#)

        // M1 and M2 tie on the quota's order (2 initiatives, no streak): the
        // lower id takes the one place; U1 (7 points) ranks first with Khá.
        let m1 = try store.history(subject: "M1", allRuns: true)
        #expect(m1.map { [$0.decision, "\($0.awarded!)", "\($0.year)", $0.phase!] } == [["sk", "true", "2021", "dot1"]])
        let m2 = try store.history(subject: "M2", allRuns: true)
        #expect(m2.map(\.awarded) == [false])
        let u1 = try store.history(subject: "U1", allRuns: true)
        #expect(u1.map { "\($0.decision) \($0.rank!) \($0.grade!) \($0.total!)" } == ["diem 1 Khá 7.0"])
        #expect(try store.history(subject: "M3", allRuns: true).isEmpty)
        // Not finalized: not yet history.
        #expect(try store.history(subject: "M1").isEmpty)
        #expect(try store.history(before: 2022).isEmpty)
    }

    @Test func theDataDigestFollowsTheDataFiles() throws {
        let (_, data) = try Self.evaluate()
        let (_, same) = try Self.evaluate()
        var changed = StoreSupport.data
        changed["members.csv"]! += "M4,Dũng,U2,1\n"
        let (_, other) = try Self.evaluate(data: changed)
        #expect(try DataDigest.of(data) == DataDigest.of(same))
        #expect(try DataDigest.of(data) != DataDigest.of(other))
        #expect(try DataDigest.of(data).hasPrefix("sha256:") && DataDigest.of(data).count == 71)
    }

    @Test func oneFinalRunPerPlanYearAndPhaseAndReplacedRunsStay() throws {
        let (result, _) = try Self.evaluate()
        let store = try RunStore(path: try StoreSupport.folder().appendingPathComponent("commend.db").path)
        let first = try store.record(result, dataDigest: "sha256:a")
        let second = try store.record(result, dataDigest: "sha256:b")
        #expect(try store.finalize(run: first) == Finalization(replaced: nil, alreadyFinal: false))
        #expect(try store.finalize(run: first) == Finalization(replaced: nil, alreadyFinal: true))
        #expect(throws: StoreError.self) { try store.finalize(run: second) }
        #expect(try store.finalize(run: second, replace: true) == Finalization(replaced: first, alreadyFinal: false))
        let runs = try store.runs()
        #expect(runs.map(\.finalized) == [false, true])
        #expect(runs[0].replacedBy == second && runs[0].finalizedAt != nil)
        #expect(throws: StoreError.self) { try store.finalize(run: 99) }
    }

    @Test func historyJoinsFinalizedAwardsAndImportedRowsOnce() throws {
        let (result, _) = try Self.evaluate()
        let store = try RunStore(path: try StoreSupport.folder().appendingPathComponent("commend.db").path)
        try store.finalize(run: try store.record(result, dataDigest: "sha256:a"))
        let added = try store.importHistory([HistoryEntry(subject: "M1", award: "sk", year: 2021),
                                             HistoryEntry(subject: "M2", award: "sk", year: 2020),
                                             HistoryEntry(subject: "M2", award: "sk", year: 2020)], source: "h.csv")
        #expect(added == 2)
        #expect(try store.history(before: 2022) == [HistoryEntry(subject: "M1", award: "sk", year: 2021),
                                                    HistoryEntry(subject: "M2", award: "sk", year: 2020)])
        #expect(try store.history(before: 2021) == [HistoryEntry(subject: "M2", award: "sk", year: 2020)])
        #expect(try store.hasHistory(year: 2021) && store.hasHistory(year: 2020) && !store.hasHistory(year: 2019))
        let m2 = try store.history(subject: "M2")
        #expect(m2.map { "\($0.year) \($0.decision) \($0.run.map(String.init) ?? "imported")" } == ["2020 sk imported", "2021 sk 1"])
    }

    @Test func aStoreFromANewerSchemaIsRefusedAndLeftAsItWas() throws {
        for newer in ["user_version", "migration"] {
            let path = try StoreSupport.folder().appendingPathComponent("commend.db").path
            _ = try RunStore(path: path)
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                if newer == "user_version" {
                    try db.execute(sql: "PRAGMA user_version = 7")
                } else {
                    try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('2-from-the-future')")
                }
            }
            try queue.close()
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let error = #expect(throws: StoreError.self) { try RunStore(path: path) }
            #expect(error?.description.contains("newer version of Commend") == true, "\(newer)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(newer)")
        }
    }

    @Test func aReadOnlyFileOrFolderIsRefusedUntouched() throws {
        let folder = try StoreSupport.folder()
        let path = folder.appendingPathComponent("commend.db").path
        _ = try RunStore(path: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let error = #expect(throws: StoreError.self) { try RunStore(path: path) }
        #expect(error?.description.contains("read-only") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

        let locked = try StoreSupport.folder()
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        #expect(throws: StoreError.self) { try RunStore(path: locked.appendingPathComponent("commend.db").path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path).isEmpty)
    }

    @Test func aFileThatIsNotSQLiteIsRefusedUntouched() throws {
        let path = try StoreSupport.folder().appendingPathComponent("commend.db").path
        let text = Data(String(repeating: "subject,award,year\n", count: 10).utf8)
        try text.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try RunStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
    }
}
