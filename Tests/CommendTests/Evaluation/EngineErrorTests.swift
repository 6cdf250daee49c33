@testable import Commend
import Foundation
import Testing

@Suite("Engine: rule errors and output files")
struct EngineErrorTests {
    static func oneMember(_ rules: RuleSet) throws -> Dataset {
        try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs"]), line: nil)
            b.addMember(cells(["id": "M2", "name": "B", "unit": "U1"]), line: nil)
            b.addMember(cells(["id": "M1", "name": "A", "unit": "U1"]), line: nil)
        }
    }

    @Test func cycleNamesEveryAwardInIt() throws {
        let rules = try engineRules(["c.lua": """
            award "a" { subject = "member",
              criteria = { { id = "x", check = function(m, ctx) return ctx.awarded("b", m.id) end } } }
            award "b" { subject = "member",
              criteria = { { id = "y", check = function(m, ctx) return ctx.eligible("a", m.id) end } } }
            """])
        let data = try Self.oneMember(rules)
        #expect {
            try engineEvaluate(rules, data)
        } throws: { error in
            guard let error = error as? RuleError else { return false }
            let text = error.description
            return error.kind == .cycle && text.contains("award \"a\"") && text.contains("award \"b\"")
        }
    }

    @Test func cycleThroughAScoring() throws {
        let rules = try engineRules(["c.lua": """
            scoring "s" { items = { { id = "i", max = 1, points = function(u, ctx) return ctx.awarded("u", u.id) and 1 or 0 end } } }
            award "u" { subject = "unit",
              criteria = { { id = "y", check = function(u, ctx) return (ctx.total("s", u.id) or 0) > 0 end } } }
            """])
        let data = try Self.oneMember(rules)
        #expect {
            try engineEvaluate(rules, data)
        } throws: { error in
            guard let error = error as? RuleError else { return false }
            return error.kind == .cycle && error.description.contains("scoring \"s\"") && error.description.contains("award \"u\"")
        }
    }

    @Test func runtimeErrorNamesFileLineAwardCriterionAndSubject() throws {
        let rules = try engineRules(["x.lua": """
            award "x" {
              subject = "member",
              criteria = {
                { id = "c", check = function(m, ctx)
                    local n = nil
                    return n + 1
                  end },
              },
            }
            """])
        let data = try Self.oneMember(rules)
        // Line 6 is `return n + 1`; M1 is the first subject by id.
        #expect {
            try engineEvaluate(rules, data)
        } throws: { error in
            guard let error = error as? RuleError else { return false }
            return error.kind == .script
                && error.description.hasPrefix("rules/x.lua:6: award \"x\", criterion \"c\", subject M1:")
        }
    }

    @Test func runtimeErrorIsTheSameWithTwoWorkers() throws {
        // 600 members → 2 workers with jobs 2 (one per 200 subjects at most 2);
        // M0450 and M0100 both fail, the first by id must be reported.
        let rules = try engineRules(["x.lua": """
            award "x" { subject = "member",
              criteria = { { id = "c", check = function(m, ctx)
                if m.id == "M0450" or m.id == "M0100" then error("boom " .. m.id) end
                return true end } } }
            """])
        let data = try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs"]), line: nil)
            for i in 0..<600 { b.addMember(cells(["id": String(format: "M%04d", i), "name": "x", "unit": "U1"]), line: nil) }
        }
        for jobs in [1, 2, 4] {
            #expect {
                try engineEvaluate(rules, data, jobs: jobs)
            } throws: { error in
                guard let error = error as? RuleError else { return false }
                return error.description.hasPrefix("rules/x.lua:3: award \"x\", criterion \"c\", subject M0100:")
                    && error.description.contains("boom M0100")
            }
        }
    }

    @Test func failingEvaluationLeavesNoOutputFile() throws {
        let rules = try engineRules(["x.lua": """
            award "x" { subject = "member",
              criteria = { { id = "c", check = function(m, ctx) error("no") end } } }
            """])
        let data = try Self.oneMember(rules)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("commend-engine-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("out.json")

        func attempt() {
            do {
                let sink = try OutputSink(file: target)
                sink.write("{ partial")
                sink.flush()
                let result = try engineEvaluate(rules, data)
                JSONFormat.write(result, to: sink)
                try sink.commit()
                Issue.record("the evaluation should have failed")
            } catch {
                #expect(error is RuleError)
            }
        }
        attempt()
        #expect(!FileManager.default.fileExists(atPath: target.path))
        // Nothing is left behind in the directory (no temporary file either).
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [])

        // An existing file is left as it was.
        try Data("old".utf8).write(to: target)
        attempt()
        #expect(try String(contentsOf: target, encoding: .utf8) == "old")
    }

    @Test func uncommittedSinkWritesNothing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("commend-engine-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("out.json")
        do {
            let sink = try OutputSink(file: target)
            sink.write(String(repeating: "x", count: 3 << 20)) // more than the flush threshold
            #expect(!FileManager.default.fileExists(atPath: target.path))
        }
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func committedSinkPublishesTheFile() throws {
        let rules = try engineRules(["x.lua": """
            award "x" { subject = "member", criteria = { { id = "c", check = function(m, ctx) return true end } } }
            """])
        let bytes = try engineJSON(try engineEvaluate(rules, try Self.oneMember(rules)))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect((json["phase"] as? [String: Any])?["id"] as? String == "dot1")
        #expect((json["rules_digest"] as? String)?.hasPrefix("sha256:") == true)
        let awards = try #require(json["awards"] as? [[String: Any]])
        #expect(awards.first?["movement"] is NSNull)
        #expect((awards.first?["results"] as? [[String: Any]])?.map { $0["subject"] as? String } == ["M1", "M2"])
    }
}
