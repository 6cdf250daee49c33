@testable import Commend
import LuaKit
import Foundation
import Testing

@Suite("Testing: rule tests (commend test)")
struct RuleTestRunnerTests {
    static let testFile = """
        test("good member earns it", function(t)
          local r = t.evaluate {
            phase = "dot1",
            units = { { id = "U1", name = "A", kind = "cdcs", cluster = "C1" } },
            members = { { id = "M1", name = "An", unit = "U1", rating = "tot", disciplined = false } },
          }
          t.ok(r.awarded("ldg", "M1"))
          t.eq(r.failed("ldg", "M1"), {})
        end)
        test("wrong expectation", function(t)
          local r = t.evaluate { phase = "dot1", units = { { id = "U1", name = "A", kind = "cdcs" } },
            members = { { id = "M1", name = "An", unit = "U1", rating = "hoan_thanh", disciplined = false } } }
          t.eq(r.failed("ldg", "M1"), { "clean" })
        end)
        """

    @Test func passFailAndCoverage() throws {
        let rules = try engineRules(["a.lua": EngineAwardTests.twoCriteria, "tests/ldg_test.lua": Self.testFile])
        var lines: [String] = []
        let report = try RuleTestRunner(rules: rules).run(filter: nil) { lines.append($0) }
        #expect(report.passed == 1)
        #expect(report.failed == 1)
        // The failing t.eq is on line 13; it shows both values ("clean" expected, "rating" got).
        let failure = lines.first { $0.contains("rules/tests/ldg_test.lua:13") }
        #expect(failure != nil, "\(lines)")
        #expect(failure?.contains("clean") == true && failure?.contains("rating") == true)
        // "rating" was seen passing (test 1) and failing (test 2); "clean" only passing.
        let gaps = report.coverage.gaps
        #expect(gaps.count == 1, "\(gaps)")
        #expect(gaps.first?.contains("criterion \"clean\"") == true)
        #expect(gaps.first?.contains("never seen failing") == true)
        #expect(gaps.first?.hasPrefix("rules/a.lua:") == true)
        #expect(report.coverage.percent == 50)
    }

    @Test func filterRunsOnlyMatchingTests() throws {
        let rules = try engineRules(["a.lua": EngineAwardTests.twoCriteria, "tests/ldg_test.lua": Self.testFile])
        let report = try RuleTestRunner(rules: rules).run(filter: "good") { _ in }
        #expect(report.passed == 1 && report.failed == 0)
        // Only passing outcomes were seen: both criteria are gaps.
        #expect(report.coverage.gaps.count == 2)
        #expect(report.coverage.percent == 0)
    }

    @Test func failingTOkShowsItsMessageAndLine() throws {
        let rules = try engineRules(["a.lua": EngineAwardTests.twoCriteria, "tests/x_test.lua": """
            test("not awarded", function(t)
              local r = t.evaluate { phase = "dot1", units = { { id = "U1", name = "A", kind = "cdcs" } },
                members = { { id = "M1", name = "An", unit = "U1", rating = "tot", disciplined = true } } }
              t.ok(r.awarded("ldg", "M1"), "M1 should be awarded")
            end)
            """])
        var lines: [String] = []
        let report = try RuleTestRunner(rules: rules).run(filter: nil) { lines.append($0) }
        #expect(report.failed == 1 && report.passed == 0)
        #expect(lines.contains { $0.contains("rules/tests/x_test.lua:4") && $0.contains("M1 should be awarded") }, "\(lines)")
    }

    @Test func aLimitInsideTEvaluateIsNotCaughtByPcall() throws {
        // The rule loops forever; the test wraps t.evaluate in pcall and would
        // pass if the limit could be caught (RULES.md 2.5: pcall cannot catch it).
        let rules = try engineRules(["a.lua": """
            award "spin" { name = "Spin", subject = "member", criteria = {
              { id = "c", text = "t", check = function(m) while true do end end } } }
            """, "tests/x_test.lua": """
            test("swallows the limit", function(t)
              local ok = pcall(t.evaluate, { phase = "dot1", units = { { id = "U1", name = "A", kind = "cdcs" } },
                members = { { id = "M1", name = "An", unit = "U1" } } })
              t.ok(true)
            end)
            test("runs after", function(t) t.ok(true) end)
            """])
        var lines: [String] = []
        let runner = RuleTestRunner(rules: rules, limits: LuaLimits(instructions: 1_000_000, instructionsPerCall: 1_000_000))
        let report = try runner.run(filter: nil) { lines.append($0) }
        #expect(report.failed == 1 && report.passed == 1, "\(lines)")
        #expect(lines.contains { $0.contains("rules/tests/x_test.lua:2") && $0.contains("instruction limit exceeded") }, "\(lines)")
    }
}
