@testable import Commend
import Foundation
import Testing

@Suite("Engine: determinism")
struct EngineDeterminismTests {
    static let plan = enginePlan(members: #", score = "number""#)
    static let rules = """
        award "cstd" { subject = "member",
          criteria = {
            -- prints before the reference to "ldtt" (declared later): a pass
            -- interrupted to evaluate ldtt first must not leave its prints behind.
            { id = "sk", check = function(m, ctx)
                if m.id:sub(-2) == "00" then print("checked " .. m.id) end
                return (m.initiatives or 0) >= 1, string.format("%d sáng kiến", m.initiatives or 0) end },
            { id = "base", check = function(m, ctx) return ctx.awarded("ldtt", m.id) end },
          },
          quota = { share = 0.15, within = "unit", rounding = "round",
                    order = function(m, ctx) return m.initiatives end } }
        award "ldtt" { subject = "member",
          criteria = { { id = "r", check = function(m, ctx) return m.rating ~= "hoan_thanh", m.rating end } } }
        scoring "ca-nhan" { subject = "member", group = "unit",
          items = { { id = "s", max = 50, points = function(m, ctx) return m.score end },
                    { id = "k", max = 5, points = function(m, ctx) return m.initiatives end } },
          tiebreak = { "k" },
          grades = { { min = 40, label = "A" }, { min = 20, label = "B" } } }
        award "unit-best" { subject = "unit",
          criteria = { { id = "c", check = function(u, ctx)
            local best = 0
            for _, m in ipairs(ctx.members_of(u.id)) do if ctx.rank("ca-nhan", m.id) == 1 then best = best + 1 end end
            return best >= 1, tostring(best) end } } }
        """

    /// 1500 members in 15 units, values derived from the index.
    static func data(_ rules: RuleSet, order: [Int]? = nil) throws -> Dataset {
        let ratings = ["xuat_sac", "tot", "hoan_thanh"]
        return try engineData(rules) { b in
            for u in 0..<15 { b.addUnit(cells(["id": String(format: "U%02d", u), "name": "U\(u)", "kind": "cdcs"]), line: nil) }
            for i in order ?? Array(0..<1500) {
                b.addMember(cells([
                    "id": String(format: "M%04d", i), "name": "Đoàn viên \(i)", "unit": String(format: "U%02d", i % 15),
                    "rating": ratings[(i * 7) % 3], "initiatives": String((i * 13) % 6),
                    "score": String(Double((i * 37) % 61) * 0.75),
                ]), line: nil)
            }
        }
    }

    @Test func sameBytesAcrossRunsAndWorkerCounts() throws {
        let rules = try engineRules(["r.lua": Self.rules], plan: Self.plan)
        let data = try Self.data(rules)
        let first = try engineJSON(try engineEvaluate(rules, data, jobs: 1))
        let again = try engineJSON(try engineEvaluate(rules, data, jobs: 1))
        let two = try engineJSON(try engineEvaluate(rules, data, jobs: 2))
        let many = try engineJSON(try engineEvaluate(rules, data, jobs: 8))
        #expect(first == again)
        #expect(first == two)
        #expect(first == many)
        // Sanity: the run really produced results and the prints of 15 subjects, in id order.
        let result = try engineEvaluate(rules, data, jobs: 2)
        #expect(result.award("cstd")?.results.count == 1500)
        let printed = result.diagnostics.filter { $0.message.hasPrefix("checked ") }.map(\.message)
        #expect(printed == (0..<15).map { String(format: "checked M%04d", $0 * 100) })
    }

    @Test func theFirstErrorInIdOrderWhateverTheWorkers() throws {
        // Two subjects fail, in different chunks whatever the number of workers.
        let rules = try engineRules(["r.lua": """
            award "a" { subject = "member",
              criteria = { { id = "c", check = function(m, ctx)
                if m.id == "M1200" or m.id == "M0300" then error("boom " .. m.id) end
                return true end } } }
            """], plan: Self.plan)
        let data = try Self.data(rules)
        for jobs in [1, 2, 3, 8] {
            #expect(throws: RuleError.self) { try engineEvaluate(rules, data, jobs: jobs) }
            do {
                _ = try engineEvaluate(rules, data, jobs: jobs)
            } catch let error as RuleError {
                #expect(error.subject == "M0300", "jobs \(jobs)")
                #expect(error.message.hasSuffix("boom M0300"), "jobs \(jobs)")
            }
        }
    }

    @Test func jsonEncodedInPartsKeepsTheOrder() throws {
        // 1500 results are encoded in parts on several cores: the document
        // must still be one valid JSON value with every result in id order.
        let rules = try engineRules(["r.lua": Self.rules], plan: Self.plan)
        let result = try engineEvaluate(rules, try Self.data(rules), jobs: 2)
        let json = try JSONSerialization.jsonObject(with: Data(try engineJSON(result))) as? [String: Any]
        let awards = try #require(json?["awards"] as? [[String: Any]])
        for award in awards {
            let subjects = (award["results"] as? [[String: Any]])?.compactMap { $0["subject"] as? String } ?? []
            #expect(subjects == subjects.sorted(), "\(award["id"] ?? "?")")
            #expect(subjects.count == (award["id"] as? String == "unit-best" ? 15 : 1500))
        }
        let scorings = try #require(json?["scorings"] as? [[String: Any]])
        #expect((scorings.first?["results"] as? [Any])?.count == 1500)
    }

    @Test func reversedRowsGiveTheSameBytes() throws {
        let rules = try engineRules(["r.lua": Self.rules], plan: Self.plan)
        let forward = try engineJSON(try engineEvaluate(rules, try Self.data(rules), jobs: 2))
        let backward = try engineJSON(try engineEvaluate(rules, try Self.data(rules, order: Array((0..<1500).reversed())), jobs: 2))
        #expect(forward == backward)
    }

    @Test func mathRandomDrawsTheSameWhateverTheWorkers() throws {
        let random = """
            award "lottery" { subject = "member",
              criteria = { { id = "draw", check = function(m) local n = math.random(1, 1000000) return n % 2 == 0, tostring(n) end } } }
            """
        let rules = try engineRules(["r.lua": random], plan: Self.plan)
        let data = try Self.data(rules)
        let one = try engineEvaluate(rules, data, jobs: 1)
        let two = try engineEvaluate(rules, data, jobs: 2)
        #expect(try engineJSON(one) == engineJSON(two))
        // Draws differ between subjects (the seed is per subject, not one value for all).
        let draws = Set(one.award("lottery")?.results.compactMap { $0.criteria[0].detail } ?? [])
        #expect(draws.count > 1000)
    }

    @Test func mathRandomReachedByAComputedNameDrawsTheSameAsByName() throws {
        // No rule file contains the word: the seed cannot come from reading the files.
        let hidden = """
            award "lottery" { subject = "member",
              criteria = { { id = "draw", check = function(m) local n = math["ran".."dom"](1, 1000000) return n % 2 == 0, tostring(n) end } } }
            """
        let named = hidden.replacingOccurrences(of: "math[\"ran\"..\"dom\"]", with: "math.random")
        let hiddenRules = try engineRules(["r.lua": hidden], plan: Self.plan)
        let namedRules = try engineRules(["r.lua": named], plan: Self.plan)
        let data = try Self.data(hiddenRules)
        let one = try engineEvaluate(hiddenRules, data, jobs: 1)
        let two = try engineEvaluate(hiddenRules, data, jobs: 2)
        let byName = try engineEvaluate(namedRules, data, jobs: 2)
        func draws(_ result: EvaluationResult) -> [String?] {
            result.award("lottery")?.results.map { $0.criteria[0].detail } ?? []
        }
        #expect(draws(one).count == 1500)
        #expect(draws(one) == draws(two))
        #expect(draws(one) == draws(byName))
    }

    @Test func streamedJSONIsTheWholeResultsJSON() throws {
        // "cstd" needs "ldtt", declared after it: ldtt is evaluated first but
        // must still be written second.
        let rules = try engineRules(["r.lua": Self.rules], plan: Self.plan)
        let data = try Self.data(rules)
        let whole = try engineJSON(try engineEvaluate(rules, data, jobs: 2))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("commend-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("r.json")
        let sink = try OutputSink(file: file)
        try Evaluator.evaluate(rules: rules, data: data, phase: "dot1", options: EvaluationOptions(jobs: 2), into: JSONStream(sink))
        try sink.commit()
        #expect(Array(try Data(contentsOf: file)) == whole)
    }

    @Test func printedMessagesAreCappedTheSameWayWhateverTheWorkers() throws {
        let noisy = """
            award "noisy" { subject = "member",
              criteria = { { id = "c", check = function(m) for i = 1, 5 do print(m.id, i) end return true end } } }
            """
        let rules = try engineRules(["r.lua": noisy], plan: Self.plan)
        let data = try Self.data(rules)
        let one = try engineEvaluate(rules, data, jobs: 1)
        let two = try engineEvaluate(rules, data, jobs: 2)
        #expect(try engineJSON(one) == engineJSON(two))
        // 1500 members × 5 prints = 7500: the first 1000 kept, then one warning for the other 6500.
        #expect(one.diagnostics.count == Diagnostic.cap + 1)
        #expect(one.diagnostics.first?.message == "M0000\t1")
        #expect(one.diagnostics.last?.message == "6500 more printed messages not kept (at most 1000 per run)")
    }
}

@Suite("Engine: text from scripts is bounded")
struct EngineTextBoundTests {
    @Test func longDetailsAndMessagesAreClipped() throws {
        let rules = try engineRules(["r.lua": """
            award "long" { subject = "member",
              criteria = { { id = "c", check = function(m)
                print(string.rep("ộ", 3000))
                return true, string.rep("a", 10000) end } } }
            """])
        let data = try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs"]), line: nil)
            b.addMember(cells(["id": "M1", "name": "An", "unit": "U1"]), line: nil)
        }
        let result = try engineEvaluate(rules, data)
        // 10000 ASCII bytes cut to 4096, then "…".
        #expect(result.award("long")?.outcome("M1")?.criteria[0].detail == String(repeating: "a", count: 4096) + "…")
        // "ộ" is 3 bytes in UTF-8: 4096 bytes hold 1365 whole characters (4095 bytes).
        #expect(result.diagnostics.first?.message == String(repeating: "ộ", count: 1365) + "…")
    }
}
