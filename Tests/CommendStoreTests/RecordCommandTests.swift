import Commend
import Foundation
import Testing

/// `commend evaluate --record` and `commend runs ...` as a user runs them.
@Suite("Recorded runs: the command line")
struct RecordCommandTests {
    /// A folder with the small plan (rules/), its data (data/) and where the database goes.
    static func workspace(data: [String: String] = StoreSupport.data) throws -> URL {
        let folder = try StoreSupport.folder()
        try StoreSupport.write(StoreSupport.rules, in: folder.appendingPathComponent("rules"))
        try StoreSupport.write(data, in: folder.appendingPathComponent("data"))
        return folder
    }

    static let evaluate = ["evaluate", "--rules", "rules", "--data", "data", "--phase", "dot1"]

    @Test func recordingNamesTheRunAndShowGivesBackTheSameBytes() throws {
        let folder = try Self.workspace()
        let run = try StoreSupport.run(Self.evaluate + ["--format", "json", "--record"], in: folder)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.contains("recorded run 1\n"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("commend.db").path))
        let shown = try StoreSupport.run(["runs", "show", "1", "--format", "json"], in: folder)
        #expect(shown.status == 0 && shown.out == run.out)

        // Streamed into a file (--out), through $COMMEND_DB.
        let env = ["COMMEND_DB": folder.appendingPathComponent("other.db").path]
        let streamed = try StoreSupport.run(Self.evaluate + ["--format", "json", "--out", "r.json", "--record"],
                                            in: folder, environment: env)
        #expect(streamed.status == 0 && streamed.err.contains("recorded run 1\n"), "\(streamed.err)")
        let again = try StoreSupport.run(["runs", "show", "1", "--format", "json", "--db", "other.db"], in: folder)
        #expect(again.out == (try Data(contentsOf: folder.appendingPathComponent("r.json"))))

        let list = try StoreSupport.run(["runs", "list", "--format", "json"], in: folder)
        let runs = try #require(try JSONSerialization.jsonObject(with: list.out) as? [[String: Any]])
        #expect(runs.count == 1)
        let keys = Set(runs[0].keys)
        #expect(keys.isSuperset(of: ["id", "plan", "phase", "rules_digest", "data_digest", "recorded_at", "finalized"]))
        #expect(runs[0]["id"] as? Int == 1 && runs[0]["plan"] as? String == "p" && runs[0]["phase"] as? String == "dot1")
        #expect(runs[0]["finalized"] as? Bool == false)
        #expect((runs[0]["data_digest"] as? String)?.hasPrefix("sha256:") == true)
        #expect((runs[0]["recorded_at"] as? String)?.hasSuffix("Z") == true)
        let version = try StoreSupport.run(["--version"])
        #expect(version.text == CommendVersion.current + "\n")
        #expect(runs[0]["engine_version"] as? String == CommendVersion.current)
    }

    @Test func aFailingRunRecordsNothing() throws {
        var data = StoreSupport.data
        data["members.csv"] = "id,name,unit,initiatives\nM1,An,U1,hai\n"
        let folder = try Self.workspace(data: data)
        let run = try StoreSupport.run(Self.evaluate + ["--record"], in: folder)
        #expect(run.status == 2 && !run.err.contains("recorded run"), "\(run.err)")
        let list = try StoreSupport.run(["runs", "list", "--format", "json"], in: folder)
        #expect(list.status == 0 && list.text == "[]\n")
    }

    @Test func finalizeNeedsReplaceForASecondRunAndKeepsTheFirst() throws {
        let folder = try Self.workspace()
        for _ in 0..<2 { #expect(try StoreSupport.run(Self.evaluate + ["--record"], in: folder).status == 0) }
        #expect(try StoreSupport.run(["runs", "finalize", "1"], in: folder).status == 0)
        let refused = try StoreSupport.run(["runs", "finalize", "2"], in: folder)
        #expect(refused.status == 2 && refused.err.contains("--replace"))
        let replaced = try StoreSupport.run(["runs", "finalize", "2", "--replace", "--lang", "en"], in: folder)
        #expect(replaced.status == 0 && replaced.text.contains("run 1 is marked as replaced"))
        let list = try StoreSupport.run(["runs", "list", "--format", "json", "--phase", "dot1", "--plan", "p"], in: folder)
        let runs = try #require(try JSONSerialization.jsonObject(with: list.out) as? [[String: Any]])
        #expect(runs.map { $0["finalized"] as? Bool } == [false, true])
        #expect(runs[0]["replaced_by"] as? Int == 2)
        let table = try StoreSupport.run(["runs", "list"], in: folder)
        #expect(table.text.contains("đã thay bằng lần 2") && table.text.contains("đã chốt"), "\(table.text)")
        let english = try StoreSupport.run(["runs", "list", "--lang", "en"], in: folder)
        #expect(english.text.contains("replaced by 2") && english.text.contains("recorded (UTC)"))
        let none = try StoreSupport.run(["runs", "list", "--format", "json", "--phase", "dot2"], in: folder)
        #expect(none.text == "[]\n")
    }

    @Test func runsDiffNamesWhoGainedAndLostWithTheQuotaPlace() throws {
        let folder = try Self.workspace()
        #expect(try StoreSupport.run(Self.evaluate + ["--record"], in: folder).status == 0)
        // M2 now has 3 initiatives: it passes M1 in the quota's order and takes the one place.
        try StoreSupport.write(["data/members.csv": "id,name,unit,initiatives\nM1,An,U1,2\nM2,Bình,U1,3\nM3,Chi,U2,0\n"], in: folder)
        #expect(try StoreSupport.run(Self.evaluate + ["--record"], in: folder).status == 0)
        let json = try StoreSupport.run(["runs", "diff", "1", "2", "--format", "json"], in: folder)
        #expect(json.status == 0, "\(json.err)")
        let impact = try #require(try JSONSerialization.jsonObject(with: json.out) as? [String: Any])
        let awards = try #require(impact["awards"] as? [[String: Any]])
        #expect(awards.map { $0["id"] as? String } == ["sk"])
        let changes = try #require(awards[0]["changes"] as? [[String: Any]])
        #expect(changes.map { "\($0["subject"]!) \($0["change"]!)" } == ["M1 loses_award", "M2 gains_award"])
        let quota = try #require(changes[0]["quota"] as? [String: Any])
        #expect((quota["old"] as? [String: Any])?["place"] as? Int == 1)
        #expect((quota["new"] as? [String: Any])?["place"] as? Int == 2)
        #expect((impact["scorings"] as? [Any])?.isEmpty == true)
        let text = try StoreSupport.run(["runs", "diff", "1", "2", "--lang", "en"], in: folder)
        #expect(text.text.contains("Changes from run 1 to run 2") && text.text.contains("M2"))
    }

    @Test func historyImportExportAndOneSubject() throws {
        let folder = try Self.workspace()
        try StoreSupport.write(["h.csv": "subject;award;year\nM2;sk;2019\nM1;sk;2020\nM2;sk;2019\n"], in: folder)
        let imported = try StoreSupport.run(["history", "import", "h.csv"], in: folder)
        #expect(imported.status == 0 && imported.text.contains("imported 2 new history rows"), "\(imported.err)")
        #expect(try StoreSupport.run(Self.evaluate + ["--record"], in: folder).status == 0)
        #expect(try StoreSupport.run(["runs", "finalize", "1"], in: folder).status == 0)
        let export = try StoreSupport.run(["history", "export"], in: folder)
        #expect(export.text == "subject,award,year\nM1,sk,2020\nM1,sk,2021\nM2,sk,2019\n")
        let subject = try StoreSupport.run(["history", "subject", "M2", "--format", "json"], in: folder)
        let records = try #require(try JSONSerialization.jsonObject(with: subject.out) as? [[String: Any]])
        // 2019 imported; 2021: eligible, but M1 (streak 1: 2020) orders first for the one place.
        #expect(records.map { "\($0["year"]!) \($0["id"]!) \($0["awarded"]!)" } == ["2019 sk 1", "2021 sk 0"])
        let bad = try StoreSupport.run(["history", "import", "data/units.csv"], in: folder)
        #expect(bad.status == 2 && bad.err.contains("data/units.csv"))
    }

    @Test func everyLabelOfTheRunTablesHasBothLanguages() {
        for column in Message.StoreColumn.allCases {
            let vi = Wording(.vi)(.storeColumn(column)), en = Wording(.en)(.storeColumn(column))
            #expect(!vi.isEmpty && !en.isEmpty && vi != en, "\(column)")
        }
        #expect(Wording(.vi)(.historyScore(rank: 16, grade: "Khá", total: 73.41)) == "hạng 16, Khá, 73,41 điểm")
        #expect(Wording(.en)(.historyScore(rank: 16, grade: "Khá", total: 73.41)) == "rank 16, Khá, 73.41 points")
    }

    @Test func evaluateWarnsWhenTheYearBeforeHasNoHistory() throws {
        let folder = try Self.workspace()
        let bare = try StoreSupport.run(Self.evaluate + ["--db", "none.db"], in: folder)
        #expect(bare.status == 0 && bare.err.contains("no history for 2020"), "\(bare.err)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("none.db").path))
        try StoreSupport.write(["data/history.csv": "subject,award,year\nM9,sk,2020\n"], in: folder)
        let covered = try StoreSupport.run(Self.evaluate, in: folder)
        #expect(covered.status == 0 && !covered.err.contains("warning"), "\(covered.err)")
    }

    @Test func aReadOnlyDatabaseOrFolderExitsTwoTouchingNothing() throws {
        let folder = try Self.workspace()
        #expect(try StoreSupport.run(Self.evaluate + ["--record"], in: folder).status == 0)
        let db = folder.appendingPathComponent("commend.db").path
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let run = try StoreSupport.run(Self.evaluate + ["--record"], in: folder)
        #expect(run.status == 2 && run.err.contains("read-only") && run.out.isEmpty, "\(run.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == names)
        // Reading needs no write: the read-only file still lists its run.
        let list = try StoreSupport.run(["runs", "list", "--format", "json"], in: folder)
        #expect(list.status == 0 && list.text.contains("\"id\": 1"), "\(list.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)

        let locked = folder.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        let inLocked = try StoreSupport.run(Self.evaluate + ["--record", "--db", "locked/commend.db"], in: folder)
        #expect(inLocked.status == 2 && inLocked.err.contains("read-only"), "\(inLocked.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path).isEmpty)
    }
}
