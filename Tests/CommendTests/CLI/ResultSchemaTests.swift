import Foundation
import Testing

/// The JSON result (RULES.md §5, `commend.result/2`): real outputs of the
/// built `commend` validated against docs/schema/result-2.json with python3's
/// `jsonschema` (installed by `make test` when missing), and its shape
/// checked by hand on a small plan.
@Suite("JSON result: commend.result/2 and its schema")
struct ResultSchemaTests {
    typealias CLI = CommandLineTests
    static let schema = CLI.root.appendingPathComponent("docs/schema/result-2.json")
    static let validator = CLI.root.appendingPathComponent("Scripts/validate-result.py")

    /// Runs the validator on `files`; returns its exit status and report.
    static func validate(_ files: [URL]) throws -> (status: Int32, report: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", validator.path, schema.path] + files.map(\.path)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let report = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, report)
    }

    static func evaluate(_ rules: URL, _ data: URL, _ phase: String, into dir: URL) throws -> URL {
        let out = dir.appendingPathComponent("\(phase)-\(UUID().uuidString).json")
        let run = try CLI.commend(["evaluate", "--rules", rules.path, "--data", data.path, "--phase", phase,
                                   "--format", "json", "--out", out.path])
        #expect(run.status == 0, "\(run.err)")
        return out
    }

    static func object(_ file: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    }

    @Test func bothPhasesOfTheSampleConformToTheSchema() throws {
        let dir = try CLI.folder(["README": "results of the sample"])
        let rules = CLI.root.appendingPathComponent("rules")
        let data = CLI.root.appendingPathComponent("examples/bac-kan-2021")
        let files = try ["dot1", "dot2"].map { try Self.evaluate(rules, data, $0, into: dir) }
        let check = try Self.validate(files)
        #expect(check.status == 0, "\(check.report)")
        // The sample covers what the schema describes: a quota, a bonus and a penalty.
        let dot2 = try Self.object(files[1])
        #expect(dot2["schema"] as? String == "commend.result/2")
        let awards = dot2["awards"] as? [[String: Any]] ?? []
        let quotas = awards.flatMap { $0["results"] as? [[String: Any]] ?? [] }.filter { $0["quota"] != nil }
        #expect(!quotas.isEmpty)
        let scored = (dot2["scorings"] as? [[String: Any]] ?? []).flatMap { $0["results"] as? [[String: Any]] ?? [] }
        #expect(scored.contains { ($0["bonus"] as? Double ?? 0) > 0 })
        #expect(scored.contains { ($0["penalty"] as? Double ?? 0) > 0 })
    }

    static let plan = """
        plan { id = "p", name = "P", year = 2021,
          phases = { { id = "dot1", name = "Đợt 1", from = "2021-01-01", to = "2021-06-30" } },
          fields = { members = { initiatives = "int" }, units = { plaques = "int", incidents = "int" } } }
        """
    static let rules = """
        award "sk" { name = "Sáng kiến", subject = "member",
          criteria = {
            { id = "c1", text = "Có sáng kiến", check = function(m) return m.initiatives > 0, "sáng kiến" end },
            { id = "c2", text = "Tên \\"An\\"", check = function(m) print("xét " .. m.id); return m.name == "An" end },
          },
          quota = { max = 1, order = function(m) return m.initiatives end } }
        scoring "cd" { name = "Chấm điểm", subject = "unit", group = "cluster",
          items = { { id = "a", text = "Mục A", max = 10, points = function(u) return 12 end },
                    { id = "b", text = "Mục B", max = 5, points = function(u) return 3 end } },
          bonus = { max = 2, points = function(u) return u.plaques end },
          penalty = { points = function(u) return u.incidents end },
          grades = { { min = 10, label = "Tốt" } } }
        """
    static let data = [
        "units.csv": "id,name,kind,parent,cluster,plaques,incidents\nU1,CĐCS A,cdcs,,C1,5,1\n",
        "members.csv": "id,name,unit,initiatives\nM1,An,U1,2\nM2,Bình,U1,3\nM3,Chi,U1,0\n",
    ]

    @Test func textsOnceCountsAndResultsById() throws {
        let rules = try CLI.folder(["plan.lua": Self.plan, "a.lua": Self.rules])
        let data = try CLI.folder(Self.data)
        let file = try Self.evaluate(rules, data, "dot1", into: data)
        let check = try Self.validate([file])
        #expect(check.status == 0, "\(check.report)")
        let json = try Self.object(file)
        #expect(json["schema"] as? String == "commend.result/2")
        let award = try #require((json["awards"] as? [[String: Any]])?.first)
        #expect((award["criteria"] as? [[String: String]]) == [["id": "c1", "text": "Có sáng kiến"], ["id": "c2", "text": "Tên \"An\""]])
        // M1 passes both, M2 fails c2, M3 fails c1: 3 considered, 1 eligible, 1 awarded.
        #expect((award["counts"] as? [String: Int]) == ["considered": 3, "eligible": 1, "awarded": 1])
        let results = try #require(award["results"] as? [[String: Any]])
        let m1 = try #require(results.first)
        let criteria = try #require(m1["criteria"] as? [[String: Any]])
        #expect(criteria.map { Set($0.keys) } == [["id", "passed", "detail"], ["id", "passed", "detail"]])
        #expect(criteria.map { $0["id"] as? String } == ["c1", "c2"])
        let quota = try #require(m1["quota"] as? [String: Any])
        #expect(quota["place"] as? Int == 1 && quota["limit"] as? Int == 1 && quota["base"] as? Int == 1)
        #expect(results[1]["quota"] == nil)   // M2 is not eligible: no quota place

        let scoring = try #require((json["scorings"] as? [[String: Any]])?.first)
        let items = try #require(scoring["items"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == ["a", "b"])
        #expect(items.map { $0["max"] as? Double } == [10, 5])
        #expect(items.map { $0["text"] as? String } == ["Mục A", "Mục B"])
        let u1 = try #require((scoring["results"] as? [[String: Any]])?.first)
        let scored = try #require(u1["items"] as? [[String: Any]])
        #expect(scored.map { Set($0.keys) } == [["id", "points", "raw", "detail"], ["id", "points", "raw", "detail"]])
        // 10 (12 clamped) + 3 + bonus 2 (5 clamped) − penalty 1 = 14.
        #expect(u1["total"] as? Double == 14)
        #expect(u1["bonus"] as? Double == 2 && u1["penalty"] as? Double == 1)

        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["message"] as? String == "xét M1" && $0["line"] as? Int == 4 })
    }

    @Test func aResultOfTheOldShapeFailsTheSchema() throws {
        // The validator is not vacuous: a version-1 result (texts on every result) is refused.
        let dir = try CLI.folder(["old.json": """
            {"plan": {"id": "p", "name": "P", "year": 2021},
             "phase": {"id": "dot1", "name": "Đợt 1", "from": "2021-01-01", "to": "2021-06-30"},
             "rules_digest": "sha256:\(String(repeating: "0", count: 64))",
             "awards": [{"id": "a", "name": "A", "subject": "member", "movement": null, "results": [
               {"subject": "M1", "name": "An", "eligible": true, "awarded": true,
                "criteria": [{"id": "c", "text": "T", "passed": true, "detail": null}]}]}],
             "scorings": [], "diagnostics": []}
            """])
        let check = try Self.validate([dir.appendingPathComponent("old.json")])
        #expect(check.status == 1)
        #expect(check.report.contains("'schema' is a required property"), "\(check.report)")
    }
}
