import Commend
import Foundation
import GRDB
import Testing

/// The faults RULES.md §8 names, on the sample plan and generated data.
@Suite("Recorded runs: concurrent writers, a killed writer, streaks across years")
struct StoreFaultTests {
    /// `Scripts/generate-sample.py` data dated for `year`, without history.csv.
    static func generated(members: Int, year: Int, in folder: URL) throws -> URL {
        let out = folder.appendingPathComponent("data-\(year)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", StoreSupport.root.appendingPathComponent("Scripts/generate-sample.py").path,
                             "--members", String(members), "--seed", "2021", "--year", String(year), "--no-history",
                             "--out", out.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw StoreError("the generator failed") }
        return out
    }

    /// The sample rules with the plan moved to `year` (its id, name, year and phase dates).
    static func rules(year: Int, in folder: URL) throws -> URL {
        let out = folder.appendingPathComponent("rules-\(year)")
        try FileManager.default.copyItem(at: StoreSupport.root.appendingPathComponent("rules"), to: out)
        let plan = out.appendingPathComponent("plan.lua")
        let text = try String(contentsOf: plan, encoding: .utf8)
        try text.replacingOccurrences(of: "2021", with: String(year)).write(to: plan, atomically: true, encoding: .utf8)
        return out
    }

    struct StoreError: Error { var message: String; init(_ m: String) { message = m } }

    @Test func twoRecordersAtOnceBothSucceed() throws {
        let folder = try RecordCommandTests.workspace()
        let arguments = RecordCommandTests.evaluate + ["--record", "--db", "shared.db"]
        let first = try StoreSupport.start(arguments, in: folder)
        let second = try StoreSupport.start(arguments, in: folder)
        let results = [StoreSupport.finish(first), StoreSupport.finish(second)]
        for result in results { #expect(result.status == 0, "\(result.err)") }
        #expect(Set(results.map { $0.err.components(separatedBy: "recorded run ").last }) == ["1\n", "2\n"])
        let list = try StoreSupport.run(["runs", "list", "--format", "json", "--db", "shared.db"], in: folder)
        let runs = try #require(try JSONSerialization.jsonObject(with: list.out) as? [[String: Any]])
        #expect(runs.map { $0["id"] as? Int } == [1, 2])
        #expect(Set(runs.map { $0["rules_digest"] as? String }).count == 1)
    }

    @Test func aRecorderKilledInItsTransactionLeavesNoHalfRun() throws {
        let folder = try StoreSupport.folder()
        let data = try Self.generated(members: 3000, year: 2021, in: folder)
        let db = folder.appendingPathComponent("commend.db").path
        let arguments = ["evaluate", "--rules", StoreSupport.root.appendingPathComponent("rules").path, "--data", data.path,
                         "--phase", "dot2", "--format", "json", "--out", folder.appendingPathComponent("r.json").path,
                         "--record", "--db", db]
        let process = try StoreSupport.start(arguments, environment: ["COMMEND_RECORD_PAUSE": "1"])
        // The recorder says when its transaction holds the run, its JSON and half its rows.
        let err = (process.standardError as! Pipe).fileHandleForReading
        var said = ""
        while !said.contains("transaction open") {
            let chunk = err.availableData
            if chunk.isEmpty { break }
            said += String(decoding: chunk, as: UTF8.self)
        }
        #expect(said.contains("transaction open"), "\(said)")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let queue = try DatabaseQueue(path: db)
        #expect(try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
        for table in ["run", "run_json", "outcome"] {
            #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") } == 0, "\(table)")
        }
        try queue.close()
        let list = try StoreSupport.run(["runs", "list", "--format", "json", "--db", db])
        #expect(list.status == 0 && list.text == "[]\n", "\(list.err)")
    }

    /// The awards of a JSON result as history rows `subject,award,year`.
    static func awarded(_ json: Data, year: Int) throws -> [String] {
        let root = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        var rows: [String] = []
        for award in root["awards"] as? [[String: Any]] ?? [] {
            for result in award["results"] as? [[String: Any]] ?? [] where result["awarded"] as? Bool == true {
                rows.append("\(result["subject"]!),\(award["id"]!),\(year)")
            }
        }
        return rows
    }

    static func awardedCount(_ json: Data, award: String) throws -> Int {
        try awarded(json, year: 0).filter { $0.contains(",\(award),") }.count
    }

    @Test func streaksFromThreeFinalizedYearsEqualTheSameHistoryAsCSV() throws {
        let folder = try StoreSupport.folder()
        let db = folder.appendingPathComponent("commend.db").path
        var csv = ["subject,award,year"]
        for (run, year) in [2018, 2019, 2020].enumerated() {
            let rules = try Self.rules(year: year, in: folder)
            let data = try Self.generated(members: 2000, year: year, in: folder)
            let evaluated = try StoreSupport.run(["evaluate", "--rules", rules.path, "--data", data.path, "--phase", "dot2",
                                                  "--format", "json", "--record", "--db", db])
            #expect(evaluated.status == 0 && evaluated.err.contains("recorded run \(run + 1)\n"), "\(evaluated.err)")
            #expect(try StoreSupport.run(["runs", "finalize", String(run + 1), "--db", db]).status == 0)
            csv += try Self.awarded(evaluated.out, year: year)
        }
        let rules = StoreSupport.root.appendingPathComponent("rules").path
        let data = try Self.generated(members: 2000, year: 2021, in: folder)
        let common = ["evaluate", "--rules", rules, "--phase", "dot2", "--format", "json"]
        let fromStore = try StoreSupport.run(common + ["--data", data.path, "--db", db])
        #expect(fromStore.status == 0 && !fromStore.err.contains("no history"), "\(fromStore.err)")

        let withCSV = folder.appendingPathComponent("data-2021-csv")
        try FileManager.default.copyItem(at: data, to: withCSV)
        try (csv.joined(separator: "\n") + "\n").write(to: withCSV.appendingPathComponent("history.csv"), atomically: true, encoding: .utf8)
        let none = folder.appendingPathComponent("none.db").path
        let fromCSV = try StoreSupport.run(common + ["--data", withCSV.path, "--db", none])
        #expect(fromCSV.status == 0, "\(fromCSV.err)")
        #expect(fromStore.out == fromCSV.out)

        // The three-year title needs the two years before: without them nobody has it.
        let bare = try StoreSupport.run(common + ["--data", data.path, "--db", none])
        #expect(bare.err.contains("no history for 2020"))
        #expect(try Self.awardedCount(bare.out, award: "cstd-cap-tinh") == 0)
        #expect(try Self.awardedCount(fromStore.out, award: "cstd-cap-tinh") > 0)
    }
}
