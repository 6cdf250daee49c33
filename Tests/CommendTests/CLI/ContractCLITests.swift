import Foundation
import Testing

/// Promises of RULES.md version 2 kept by the command line: limits per run,
/// exit statuses, `check` and `test` reporting.
@Suite("Command line: contract version 2")
struct ContractCLITests {
    typealias CLI = CommandLineTests

    static let plan = CLI.plan
    /// 600 members: enough for two workers (one per 200 subjects).
    static let manyMembers: [String: String] = [
        "units.csv": "id,name,kind,parent,cluster\nU1,CĐCS A,cdcs,,C1\n",
        "members.csv": "id,name,unit,initiatives\n" + (1...600).map { "M\(String(format: "%03d", $0)),Tên \($0),U1,1\n" }.joined(),
    ]

    /// A rule that spends about `loops` × 2 instructions per member.
    static func spender(_ loops: Int) -> String {
        """
        award "a" { subject = "member",
          criteria = { { id = "c", check = function(m)
            local s = 0
            for i = 1, \(loops) do s = s + i end
            return s > 0 end } } }
        """
    }

    @Test func limitsHoldPerRunWhateverTheNumberOfWorkers() throws {
        let data = try CLI.folder(Self.manyMembers)
        // 600 members × 40 000 loop steps (2 instructions each) is about 48 M
        // instructions in all, over the 40 M limit; the 600 subjects go out in
        // 3 chunks of 200, so with two workers neither spends more than about
        // 32 M: with a budget per worker, --jobs 2 passed and --jobs 1 did not.
        let over = try CLI.folder(["plan.lua": Self.plan, "a.lua": Self.spender(40_000)])
        // 600 × 3 000 is far under it.
        let under = try CLI.folder(["plan.lua": Self.plan, "a.lua": Self.spender(3_000)])
        for rules in [over, under] {
            let runs = try [1, 2].map { jobs in
                try CLI.commend(["evaluate", "--rules", rules.path, "--data", data.path, "--phase", "dot1",
                                 "--format", "json", "--max-instructions", "40000000", "--jobs", "\(jobs)"])
            }
            #expect(runs[0].status == runs[1].status, "\(runs[0].err) / \(runs[1].err)")
            #expect(runs[0].out == runs[1].out)
            if rules == over {
                #expect(runs.allSatisfy { $0.status == 1 && $0.err.contains("instruction limit exceeded") }, "\(runs.map(\.err))")
            } else {
                #expect(runs.allSatisfy { $0.status == 0 })
            }
        }
    }

    @Test func missingDirectoriesAreBadUsage() throws {
        let rules = try CLI.folder(["plan.lua": Self.plan])
        let data = try CLI.folder(CLI.data)
        let nowhere = rules.appendingPathComponent("nowhere").path
        let runs = try [
            ["evaluate", "--rules", nowhere, "--data", data.path, "--phase", "dot1"],
            ["evaluate", "--rules", rules.path, "--data", nowhere, "--phase", "dot1"],
            ["check", "--rules", nowhere],
            ["test", "--rules", nowhere],
        ].map(CLI.commend)
        for run in runs {
            #expect(run.status == 2, "\(run.err)")
            #expect(run.err.contains("nowhere"), "\(run.err)")
        }
    }

    @Test func checkAfterALimitTripsReportsNoFalseNoPlan() throws {
        // a.lua (loaded first) loops at load time; plan.lua is never run;
        // z.lua's syntax error is still reported.
        let rules = try CLI.folder(["a.lua": "while true do end\n", "plan.lua": Self.plan, "z.lua": "award \"z\" {\n"])
        let run = try CLI.commend(["check", "--rules", rules.path, "--max-instructions", "100000"])
        #expect(run.status == 1)
        #expect(run.out.contains("a.lua:1:") && run.out.contains("instruction limit exceeded"), "\(run.out)")
        #expect(run.out.contains("z.lua:"), "\(run.out)")
        #expect(!run.out.contains("no plan"), "\(run.out)")
    }

    @Test func testEndsWithTheCountsAlsoWhenTheRulesFailToLoad() throws {
        let rules = try CLI.folder(["plan.lua": Self.plan, "a.lua": "award \"a\" { subject = \"member\", critera = {} }\n",
                                    "tests/a_test.lua": "test(\"x\", function(t) t.ok(true) end)\n"])
        let run = try CLI.commend(["test", "--rules", rules.path])
        #expect(run.status == 1)
        let lines = run.out.split(separator: "\n")
        #expect(lines.last == "0 passed, 1 failed", "\(run.out)")
        #expect(run.out.contains("unknown key \"critera\""), "\(run.out)")
    }

    @Test func testTakesTheLimitOptions() throws {
        let rules = try CLI.folder(["plan.lua": Self.plan, "a.lua": Self.spender(30_000), "tests/a_test.lua": """
            test("spends", function(t)
              local r = t.evaluate { phase = "dot1", units = { { id = "U1", name = "A", kind = "cdcs" } },
                                     members = { { id = "M1", name = "An", unit = "U1" } } }
              t.ok(r.awarded("a", "M1"))
            end)
            """])
        let roomy = try CLI.commend(["test", "--rules", rules.path])
        #expect(roomy.status == 0, "\(roomy.out)")
        let tight = try CLI.commend(["test", "--rules", rules.path, "--max-call-instructions", "10000"])
        #expect(tight.status == 1)
        #expect(tight.out.contains("instruction limit exceeded"), "\(tight.out)")
        #expect(tight.out.split(separator: "\n").last == "0 passed, 1 failed", "\(tight.out)")
    }

    static let ruleTestRules = """
        award "a" { subject = "member",
          criteria = { { id = "c", check = function(m) return (m.initiatives or 0) > 0 end } } }
        award "b" { subject = "member",
          criteria = { { id = "d", check = function(m) return m.name ~= "x" end } } }
        """

    @Test func ruleTestsCatchTheirOwnTypos() throws {
        let rules = try CLI.folder(["plan.lua": Self.plan, "a.lua": Self.ruleTestRules, "tests/a_test.lua": """
            local data = { phase = "dot1", units = { { id = "U1", name = "A", kind = "cdcs" } },
                           members = { { id = "M1", name = "An", unit = "U1", initiatives = 1 } } }
            test("unknown award id", function(t)
              local r = t.evaluate(data)
              t.ok(not r.awarded("aa", "M1"))
            end)
            test("unknown key", function(t)
              local r = t.evaluate { phase = "dot1", units = data.units, member = data.members }
              t.ok(true)
            end)
            """])
        let run = try CLI.commend(["test", "--rules", rules.path])
        #expect(run.status == 1)
        #expect(run.out.contains("a_test.lua:5:") && run.out.contains("unknown award \"aa\" (did you mean \"a\"?)"), "\(run.out)")
        #expect(run.out.contains("a_test.lua:8:") && run.out.contains("t.evaluate: unknown key \"member\" (did you mean \"members\"?)"), "\(run.out)")
        #expect(run.out.split(separator: "\n").last == "0 passed, 2 failed", "\(run.out)")
    }

    @Test func filteredTestsReportCoverageOfWhatTheyExercise() throws {
        let rules = try CLI.folder(["plan.lua": Self.plan, "a.lua": Self.ruleTestRules, "tests/a_test.lua": """
            test("a both ways", function(t)
              local r = t.evaluate { phase = "dot1", units = { { id = "U1", name = "A", kind = "cdcs" } },
                members = { { id = "M1", name = "An", unit = "U1", initiatives = 1 },
                            { id = "M2", name = "x", unit = "U1", initiatives = 0 } } }
              t.ok(r.awarded("a", "M1"))
            end)
            """])
        // Award "b" is evaluated too (both ways as it happens: M2 is named "x").
        let all = try CLI.commend(["test", "--rules", rules.path])
        #expect(all.out.contains("criterion coverage: 2/2"), "\(all.out)")
        let filtered = try CLI.commend(["test", "--rules", rules.path, "--filter", "nothing matches"])
        #expect(filtered.out.contains("criterion coverage: 0/0"), "\(filtered.out)")
        #expect(filtered.out.split(separator: "\n").last == "0 passed, 0 failed", "\(filtered.out)")
    }

    @Test func checkFlagsMisspeltFieldsEnumValuesAndIds() throws {
        let plan = """
            plan { id = "p", name = "P", year = 2021,
              phases = { { id = "dot1", name = "Đợt 1", from = "2021-01-01", to = "2021-06-30" } },
              fields = { members = { gender = enum { "nam", "nu" }, culture_family = "bool" } } }
            """
        let rules = try CLI.folder(["plan.lua": plan, "a.lua": """
            award "a" { subject = "member",
              criteria = {
                { id = "c1", check = function(m) return m.gender == "nữ" end },
                { id = "c2", check = function(m) return m.culture_famly end },
                { id = "c3", check = function(m, ctx) return ctx.awarded("aa", m.id) end },
                { id = "c4", check = function(m, ctx) return ctx.streak(m.id, "b") > 0 end },
                { id = "c5", check = function(m) return m.gender == "nu" and m.culture_family end },
              } }
            """])
        let run = try CLI.commend(["check", "--rules", rules.path])
        #expect(run.status == 1)
        #expect(run.out.contains("a.lua:3: m.gender is compared with \"nữ\", which is not one of its values (nam, nu)"), "\(run.out)")
        #expect(run.out.contains("a.lua:4: warning: m.culture_famly: the plan does not declare the member field \"culture_famly\" (did you mean \"culture_family\"?)"), "\(run.out)")
        #expect(run.out.contains("a.lua:5: ctx.awarded: unknown award \"aa\" (did you mean \"a\"?)"), "\(run.out)")
        #expect(run.out.contains("a.lua:6: warning: ctx.streak: \"b\" is not an award of the plan"), "\(run.out)")
        #expect(!run.out.contains("a.lua:7:"), "\(run.out)")
    }

    @Test func checkWarnsWhenTheBonusGoesPastTheGradesScale() throws {
        let rules = try CLI.folder(["plan.lua": Self.plan, "s.lua": """
            scoring "s" { subject = "unit",
              items = { { id = "a", max = 60, points = function(u) return 60 end },
                        { id = "b", max = 40, points = function(u) return 40 end } },
              bonus = { max = 5, points = function(u) return 5 end },
              grades = { { min = 90, label = "Xuất sắc" }, { min = 70, label = "Khá" }, { min = 50, label = "Đạt" } } }
            scoring "t" { subject = "unit",
              items = { { id = "a", max = 80, points = function(u) return 80 end } },
              grades = { { min = 90, label = "Xuất sắc" }, { min = 0, label = "Đạt" } } }
            """])
        let run = try CLI.commend(["check", "--rules", rules.path])
        #expect(run.status == 0, "\(run.out)")
        #expect(run.out.contains("s.lua:1: warning: scoring \"s\": the items add up to 100 points, on which the grades are set (top \"Xuất sắc\" from 90), but with the bonus a total can reach 105"), "\(run.out)")
        #expect(run.out.contains("s.lua:6: warning: scoring \"t\": grade \"Xuất sắc\" (min 90) is never given: the most a subject can score is 80"), "\(run.out)")
    }
}
