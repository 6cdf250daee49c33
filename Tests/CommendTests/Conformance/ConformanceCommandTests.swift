import Foundation
import Testing

/// RULES.md 2.5, 3 and 4 checked on the built `commend`: what `check`
/// reports, how bad data and hostile scripts end a run, and the exit statuses.
@Suite("Conformance: check, bad data, limits and exit statuses")
struct ConformanceCommandTests {
    static func path(_ relative: String) -> String { ConformanceResultTests.path(relative) }

    @Test func checkReportsEveryProblemInOnePass() throws {
        let run = try CommandLineTests.commend(["check", "--rules", Self.path("check-problems/rules")])
        #expect(run.status == 1)
        let lines = run.out + run.err
        // One line per problem planted in the fixture, each as file:line: message.
        let expected: [(place: String, words: [String])] = [
            ("a.lua:1:", ["colour"]),                  // unknown key
            ("a.lua:1:", ["check"]),                   // criterion without check
            ("a.lua:3:", ["dot9"]),                    // a phase the plan lacks
            ("a.lua:3:", ["nope", "not an award"]),    // quota base that is no award
            ("a.lua:6:", ["duplicate", "\"x\""]),      // second award "x"
            ("a.lua:7:", ["max"]),                     // item without max
            ("a.lua:7:", ["zz"]),                      // tiebreak that is no item
            ("sub/b.lua:1:", ["plan"]),                // second plan
            ("sub/c.lua:2:", ["expected"]),            // syntax error
            ("a.lua:4:", ["ratin", "rating"]),         // misspelt field, seen statically
        ]
        for (place, words) in expected {
            let found = lines.split(separator: "\n").contains { line in
                line.contains("rules/" + place) && words.allSatisfy { line.contains($0) }
            }
            #expect(found, "no \(place) \(words) in:\n\(lines)")
        }
    }

    @Test func checkWithoutPlanFails() throws {
        let rules = try CommandLineTests.folder(["a.lua": """
            award "a" { name = "A", subject = "member", criteria = {} }
            """])
        let run = try CommandLineTests.commend(["check", "--rules", rules.path])
        #expect(run.status == 1)
        #expect((run.out + run.err).contains("plan"), "\(run.out)\(run.err)")
    }

    @Test func badDataIsExitTwoWithEveryErrorAndNoOutputFile() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID().uuidString).json")
        try Data("earlier".utf8).write(to: out)
        let run = try CommandLineTests.commend(["evaluate", "--rules", Self.path("plan-a/rules"),
                                                "--data", Self.path("bad-data"), "--phase", "dot1",
                                                "--format", "json", "--out", out.path])
        #expect(run.status == 2)
        #expect(try String(contentsOf: out, encoding: .utf8) == "earlier")
        // Paths relative to the data directory, lines as a spreadsheet numbers them.
        for expected in [
            #"units.csv:3: column "fee_rate": expected a number, found "abc""#,
            #"units.csv:3: column "plaques": expected an integer, found "1.5""#,
            #"members.csv:2: column "initiatives": expected an integer, found "hai""#,
            "units.csv:3: column \"founded\"",       // 31/02/2020 is no day
            "members.csv:2: column \"joined\"",      // 2020-13-01 neither
            "members.csv:2: column \"rating\"",      // gioi is not in the enum
            "members.csv:2: column \"disciplined\"", // maybe is no bool
            "units.csv:6:",                          // duplicate id U1
            "units.csv:3:",                          // parent U9 does not exist
            "U3",                                    // cycle of parents U3 → U4 → U3
            "members.csv:3:",                        // unit U8 does not exist
            "phases/dot1/members.csv:3:",            // unknown member M99
            "phases/dot1/members.csv:4:",            // phase row moves M02 to a unit U7 that does not exist
            "dot7",                                  // phase not in the plan
        ] {
            #expect(run.err.contains(expected), "no \(expected) in:\n\(run.err)")
        }
    }

    @Test func missingDirectoriesAreBadUsage() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("none-\(UUID().uuidString)").path
        let rules = Self.path("plan-a/rules"), data = Self.path("plan-a/data")
        for arguments in [["evaluate", "--rules", missing, "--data", data, "--phase", "dot1"],
                          ["evaluate", "--rules", rules, "--data", missing, "--phase", "dot1"],
                          ["evaluate", "--rules", rules, "--data", data, "--phase", "dot9"]] {
            #expect(try CommandLineTests.commend(arguments).status == 2, "\(arguments)")
        }
    }

    static let plan = """
        plan { id = "p", name = "P", year = 2021,
          phases = { { id = "dot1", name = "Đợt 1", from = "2021-01-01", to = "2021-06-30" } } }
        """
    static let data = ["units.csv": "id,name,kind,parent,cluster\nU1,A,cdcs,,C1\n",
                       "members.csv": "id,name,unit\nM1,An,U1\nM2,Bình,U1\n"]

    /// Runs one criterion body on M1 and M2; returns the run.
    static func hostile(_ body: String, _ options: [String] = []) throws -> CommandLineTests.Run {
        let rules = try CommandLineTests.folder(["plan.lua": plan, "a.lua": """
            award "a" { name = "A", subject = "member", criteria = {
              { id = "c", text = "t", check = function(m, ctx)
                \(body)
              end } } }
            """])
        let data = try CommandLineTests.folder(data)
        return try CommandLineTests.commend(["evaluate", "--rules", rules.path, "--data", data.path,
                                             "--phase", "dot1", "--format", "json"] + options)
    }

    @Test(arguments: [
        ("pcall(function() while true do end end) return true", "instruction"),
        ("local s = string.rep('a', 60) pcall(string.find, s, string.rep('a*', 30) .. 'b') return true", "instruction"),
        ("local t = {} pcall(function() for i = 1, 1e9 do t[i] = string.rep('x', 100) .. i end end) return true", "memory"),
        ("pcall(function() counter = 1 end) return true", "global"),
        ("return m.ratinng == nil", "did you mean"),
        ("m.name = 'x' return true", "read-only"),
    ])
    func hostileScriptsStopTheRunWithExitOne(body: String, named: String) throws {
        let run = try Self.hostile(body, ["--max-instructions", "20000000", "--max-memory", "32", "--timeout", "60"])
        #expect(run.status == 1, "\(run.err)")
        #expect(run.out.isEmpty)
        #expect(run.err.contains("a.lua:3:") && run.err.contains("subject M1"), "\(run.err)")
        #expect(run.err.contains(named), "\(run.err)")
    }

    @Test func wallClockLimitStopsTheRun() throws {
        let run = try Self.hostile("while true do end", ["--timeout", "1", "--max-instructions", "100000000000000",
                                                    "--max-call-instructions", "100000000000000"])
        #expect(run.status == 1)
        #expect(run.err.contains("time limit"), "\(run.err)")
    }

    @Test func sandboxHidesWhatIsNotListed() throws {
        let run = try Self.hostile("""
            local names = { "io", "load", "loadfile", "dofile", "debug", "collectgarbage", "package", "rawset", "loadstring" }
            local present = {}
            for _, n in ipairs(names) do if _ENV[n] ~= nil then present[#present + 1] = n end end
            local os_keys = {}
            for k in pairs(os) do os_keys[#os_keys + 1] = k end
            table.sort(os_keys)
            print("seen " .. m.id)
            local writes = pcall(function() string.upper = nil end) or pcall(function() math.pi = 3 end)
              or pcall(function() getmetatable("").__index = {} end) or string.upper == nil
            return #present == 0, table.concat(present, ",") .. "|" .. table.concat(os_keys, ",") .. "|"
              .. tostring(string.dump) .. "|" .. tostring(writes)
            """)
        #expect(run.status == 0, "\(run.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let award = try #require((json["awards"] as? [[String: Any]])?.first)
        let result = try #require((award["results"] as? [[String: Any]])?.first)
        let criterion = try #require((result["criteria"] as? [[String: Any]])?.first)
        #expect(criterion["detail"] as? String == "|clock,date,time|nil|false")
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.compactMap { $0["message"] as? String } == ["seen M1", "seen M2"])
        #expect(diagnostics.first?["line"] as? Int == 9)
    }

    @Test func ruleTestsReportFailuresAndEndWithTheCount() throws {
        let run = try CommandLineTests.commend(["test", "--rules", Self.path("plan-a/rules")])
        #expect(run.status == 1)
        let lines = run.out.split(separator: "\n").map(String.init)
        // ldg_test.lua: "passing one" and "awarded false" pass; "failing one" fails twice:
        // line 17 (failed is { "rating", "clean" }, not { "rating" }) and line 18 (t.ok(false)).
        #expect(lines.last == "2 passed, 1 failed", "\(run.out)")
        #expect(lines.contains { $0.contains("rules/tests/ldg_test.lua:17") && $0.contains("clean") }, "\(run.out)")
        #expect(lines.contains { $0.contains("rules/tests/ldg_test.lua:18") && $0.contains("deliberate") }, "\(run.out)")
        // Coverage: "cdcs" items were never clamped, q-round's criterion never failed.
        #expect(lines.contains { $0.contains("q-round") && $0.contains("init") }, "\(run.out)")
        #expect(lines.contains { $0.contains("to_chuc") }, "\(run.out)")
    }
}
