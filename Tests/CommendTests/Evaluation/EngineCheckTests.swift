@testable import Commend
import Foundation
import Testing

@Suite("Engine: RuleSet.check problems")
struct EngineCheckTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: String]
        /// `file:line: ` prefix of the expected problem's description.
        var at: String
        /// Fragments of its message.
        var says: [String]
        var severity: RuleProblem.Severity = .error
        var withPlan = true
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "syntax error", files: ["a.lua": "-- first line\nlocal x = = 1\n"],
             at: "rules/a.lua:2: ", says: ["unexpected symbol"]),
        Case(name: "no plan", files: ["a.lua": """
            award "x" { subject = "member",
              criteria = { { id = "c", check = function(m, ctx) return true end } } }
            """], at: "rules/a.lua:", says: ["no plan"], withPlan: false),
        Case(name: "second plan", files: ["z.lua": "-- another\n" + enginePlan()],
             at: "rules/z.lua:2: ", says: ["second plan", "rules/plan.lua:1"]),
        Case(name: "unknown key with did you mean", files: ["a.lua": """
            -- header
            award "x" { subject = "member",
              critera = { { id = "c", check = function(m, ctx) return true end } },
              criteria = { { id = "c", check = function(m, ctx) return true end } } }
            """], at: "rules/a.lua:2: ", says: ["unknown key \"critera\"", "did you mean \"criteria\""]),
        Case(name: "criterion without check", files: ["a.lua": """


            award "x" { subject = "member",
              criteria = { { id = "c", text = "no check" } } }
            """], at: "rules/a.lua:3: ", says: ["missing \"check\""]),
        Case(name: "item without max", files: ["a.lua": """
            scoring "s" {
              items = {
                { id = "i",
                  points = function(u, ctx) return 1 end },
              } }
            """], at: "rules/a.lua:4: ", says: ["item \"i\"", "no \"max\""]),
        Case(name: "tiebreak not an item", files: ["a.lua": """
            -- 1
            scoring "s" {
              items = { { id = "to_chuc", max = 1, points = function(u, ctx) return 1 end } },
              tiebreak = { "to_chu" } }
            """], at: "rules/a.lua:2: ", says: ["tiebreak \"to_chu\"", "not an item", "did you mean \"to_chuc\""]),
        Case(name: "quota base not an award", files: ["a.lua": """
            award "x" { subject = "member",
              criteria = { { id = "c", check = function(m, ctx) return true end } },
              quota = { share = 0.5, base = "nope" } }
            """], at: "rules/a.lua:1: ", says: ["base \"nope\" is not an award"]),
        Case(name: "share above 1", files: ["a.lua": """
            award "x" { subject = "member",
              criteria = { { id = "c", check = function(m, ctx) return true end } },
              quota = { share = 1.5 } }
            """], at: "rules/a.lua:1: ", says: ["share", "1.5"]),
        Case(name: "share zero", files: ["a.lua": """
            award "x" { subject = "member",
              criteria = { { id = "c", check = function(m, ctx) return true end } },
              quota = { share = 0 } }
            """], at: "rules/a.lua:1: ", says: ["share"]),
        Case(name: "unknown phase", files: ["a.lua": """
            award "x" { subject = "member", phases = { "dot1", "dot3" },
              criteria = { { id = "c", check = function(m, ctx) return true end } } }
            """], at: "rules/a.lua:1: ", says: ["\"dot3\"", "not a phase of the plan"]),
        Case(name: "duplicate award id", files: [
            "a.lua": "award \"x\" { subject = \"unit\", criteria = { { id = \"c\", check = function() return true end } } }\n",
            "b.lua": "\naward \"x\" { subject = \"unit\", criteria = { { id = \"c\", check = function() return true end } } }\n",
        ], at: "rules/b.lua:2: ", says: ["duplicate award id \"x\"", "rules/a.lua:1"]),
        Case(name: "undeclared within field", files: ["a.lua": """
            award "x" { subject = "member",
              criteria = { { id = "c", check = function(m, ctx) return true end } },
              quota = { max = 1, within = "team" } }
            """], at: "rules/a.lua:1: warning: ", says: ["\"team\"", "not declared"], severity: .warning),
        Case(name: "require of a missing lib module", files: ["a.lua": """
            -- uses a helper
            local helpers = require "lib.missing"
            """], at: "rules/a.lua:2: ", says: ["lib.missing"]),
    ]

    @Test(arguments: cases)
    func reportsProblemAtFileAndLine(_ c: Case) throws {
        var files = c.files
        if c.withPlan, files["plan.lua"] == nil { files["plan.lua"] = enginePlan() }
        let problems = try engineCheck(files)
        let match = problems.first { p in
            p.description.hasPrefix(c.at) && c.says.allSatisfy { p.description.contains($0) }
        }
        #expect(match != nil, "expected \(c.at)… \(c.says); got:\n\(problems.map(\.description).joined(separator: "\n"))")
        #expect(match?.severity == c.severity)
        // Every problem names a file and line of the rules directory.
        #expect(problems.allSatisfy { $0.location != nil && $0.description.hasPrefix("rules/") })

        // load() refuses errors, accepts warnings.
        let url = try engineRulesDirectory(files)
        defer { try? FileManager.default.removeItem(at: url) }
        if c.severity == .error {
            #expect(throws: RuleLoadError.self) { try RuleSet.load(directory: url, displayName: "rules") }
        } else {
            let rules = try RuleSet.load(directory: url, displayName: "rules")
            #expect(rules.warnings.contains { $0.severity == .warning })
        }
    }

    @Test func everyProblemIsReportedNotOnlyTheFirst() throws {
        let problems = try engineCheck([
            "plan.lua": enginePlan(),
            "a.lua": """
                award "x" { subject = "member", phases = { "dot9" },
                  criteria = { { id = "c" } },
                  quota = { share = 2, base = "nope" } }
                scoring "s" { items = { { id = "i", points = function() return 1 end } }, tiebreak = { "j" } }
                """,
        ])
        let errors = problems.filter { $0.severity == .error }.map(\.description)
        for fragment in ["dot9", "missing \"check\"", "share", "base \"nope\"", "no \"max\"", "tiebreak \"j\""] {
            #expect(errors.contains { $0.contains(fragment) }, "\(fragment) in \(errors)")
        }
    }

    @Test func cleanRulesHaveNoProblems() throws {
        #expect(try engineCheck(["plan.lua": enginePlan(), "a.lua": EngineAwardTests.twoCriteria]) == [])
    }

    static let libFiles = [
        "plan.lua": enginePlan(),
        "lib/util.lua": "local M = {}\nfunction M.good(r) return r == \"tot\" or r == \"xuat_sac\" end\nreturn M\n",
        "a.lua": """
            local util = require "lib.util"
            award "x" { subject = "member", criteria = { { id = "c", check = function(m, ctx) return util.good(m.rating) end } } }
            """,
    ]

    @Test func libModulesAreLoadedThroughRequire() throws {
        // The directory is kept until the evaluation is done: the engine reads
        // lib/ modules again from disk for every evaluation (see the next test).
        let url = try engineRulesDirectory(Self.libFiles)
        defer { try? FileManager.default.removeItem(at: url) }
        let rules = try RuleSet.load(directory: url, displayName: "rules")
        let data = try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs"]), line: nil)
            b.addMember(cells(["id": "M1", "name": "A", "unit": "U1", "rating": "tot"]), line: nil)
            b.addMember(cells(["id": "M2", "name": "B", "unit": "U1", "rating": "hoan_thanh"]), line: nil)
        }
        let x = try #require(try engineEvaluate(rules, data).award("x"))
        #expect(x.results.map(\.eligible) == [true, false])
    }

    /// A RuleSet is a self-contained value: evaluation uses the lib/ modules
    /// read at load time, even when the files are gone afterwards.
    @Test func libModuleRemovedAfterLoadIsStillTheLoadedOne() throws {
        let url = try engineRulesDirectory(Self.libFiles)
        let rules = try RuleSet.load(directory: url, displayName: "rules")
        try FileManager.default.removeItem(at: url)
        let data = try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs"]), line: nil)
            b.addMember(cells(["id": "M1", "name": "A", "unit": "U1", "rating": "tot"]), line: nil)
        }
        let x = try #require(try engineEvaluate(rules, data).award("x"))
        #expect(x.outcome("M1")?.eligible == true)
    }
}
