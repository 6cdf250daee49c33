import Foundation
import Testing

/// Issue 11 through the built `commend`: exit statuses, what reaches the
/// terminal, and output files that must not be written.
@Suite("Command line: containment of hostile rules, data and options")
struct ContainmentCLITests {
    typealias CLI = CommandLineTests

    static let award = """
        award "sk" { name = "Sáng kiến", subject = "member",
          criteria = { { id = "c", text = "Có sáng kiến", check = function(m) return m.initiatives > 0 end } } }
        """

    static func evaluate(_ rules: URL, _ data: URL, _ more: [String]) throws -> CLI.Run {
        try CLI.commend(["evaluate", "--rules", rules.path, "--data", data.path, "--phase", "dot1", "--quiet"] + more)
    }

    // MARK: 3. Host memory

    @Test func resultMemoryLimitIsARuleError() throws {
        let criteria = (0..<5).map { "{ id = \"c\($0)\", check = function(m) return true, string.rep(\"d\", 4000) .. m.id end }" }
        let rules = try CLI.folder(["plan.lua": CLI.plan, "a.lua": "award \"a\" { subject = \"member\", criteria = { \(criteria.joined(separator: ", ")) } }"])
        var members = "id,name,unit\n"
        for i in 0..<400 { members += "M\(i),N,U1\n" }
        let data = try CLI.folder(["units.csv": CLI.data["units.csv"]!, "members.csv": members])
        let run = try Self.evaluate(rules, data, ["--max-result-memory", "4", "--format", "json"])
        #expect(run.status == 1, "\(run.err)")
        #expect(run.err.contains("result memory limit exceeded"), "\(run.err)")
        #expect(run.out.isEmpty)
    }

    // MARK: 9. Output safety

    static let hostileNames = [
        "units.csv": "id,name,kind,parent,cluster\nU1,CĐCS A,cdcs,,C1\n",
        "members.csv": "id,name,unit,initiatives\nM1,<script>alert(1)</script>,U1,2\nM2,<img src=x onerror=alert(1)>,U1,1\nM3,=HYPERLINK(\"http://x\"),U1,1\nM4,@SUM(A1),U1,1\n",
    ]

    @Test func markdownEscapesHTMLInNames() throws {
        let rules = try CLI.folder(["plan.lua": CLI.plan, "a.lua": Self.award])
        let data = try CLI.folder(Self.hostileNames)
        let run = try Self.evaluate(rules, data, ["--format", "md"])
        #expect(run.status == 0, "\(run.err)")
        #expect(!run.out.contains("<script>") && !run.out.contains("<img"))
        #expect(run.out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(run.out.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test func csvNeutralisesFormulasButKeepsNegativeTotals() throws {
        let rules = try CLI.folder(["plan.lua": CLI.plan, "a.lua": Self.award, "s.lua": """
            scoring "s" { subject = "member", items = { { id = "i", max = 10, points = function() return 1 end } },
              penalty = { points = function() return 6 end } }
            """])
        let data = try CLI.folder(Self.hostileNames)
        let run = try Self.evaluate(rules, data, ["--format", "csv"])
        #expect(run.status == 0, "\(run.err)")
        let lines = run.out.components(separatedBy: "\r\n")
        #expect(lines.contains("award,sk,M3,\"'=HYPERLINK(\"\"http://x\"\")\",true,true,,,,,,"), "\(lines)")
        #expect(lines.contains("award,sk,M4,'@SUM(A1),true,true,,,,,,"), "\(lines)")
        // Total 1 − 6 = −5: a number, not neutralised.
        #expect(lines.contains("scoring,s,M4,'@SUM(A1),,,,,,-5,1,"), "\(lines)")
    }

    @Test func outputOverAnInputFileIsRefused() throws {
        let rules = try CLI.folder(["plan.lua": CLI.plan, "a.lua": Self.award])
        let data = try CLI.folder(CLI.data)
        let members = data.appendingPathComponent("members.csv")
        let before = try Data(contentsOf: members)
        let run = try Self.evaluate(rules, data, ["--format", "csv", "--out", members.path])
        #expect(run.status == 2)
        #expect(run.err.contains("a file of the input directory"), "\(run.err)")
        #expect(try Data(contentsOf: members) == before)
        let plan = try Self.evaluate(rules, data, ["--format", "json", "--out", rules.appendingPathComponent("plan.lua").path])
        #expect(plan.status == 2)
        #expect(try String(contentsOf: rules.appendingPathComponent("plan.lua"), encoding: .utf8) == CLI.plan)
        // A new file that the next run would read as rules.
        let extra = try Self.evaluate(rules, data, ["--format", "json", "--out", rules.appendingPathComponent("z.lua").path])
        #expect(extra.status == 2)
        #expect(extra.err.contains("the next run would read it as input"), "\(extra.err)")
        #expect(!FileManager.default.fileExists(atPath: rules.appendingPathComponent("z.lua").path))
    }

    // MARK: 10. Messages

    @Test func controlCharactersFromRulesAreEscaped() throws {
        let rules = try CLI.folder(["plan.lua": CLI.plan, "a.lua": """
            award "sk" { subject = "member",
              criteria = { { id = "c", check = function(m) error("\\27[2J\\7boom\\r\\0after") end } } }
            """])
        let data = try CLI.folder(CLI.data)
        let run = try Self.evaluate(rules, data, [])
        #expect(run.status == 1)
        #expect(!run.err.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(run.err.debugDescription)")
        #expect(run.err.contains("\\e[2J\\x07boom\\r\\0after"), "\(run.err.debugDescription)")
    }

    @Test func explainEscapesControlCharactersInDetails() throws {
        let rules = try CLI.folder(["plan.lua": CLI.plan, "a.lua": """
            award "sk" { subject = "member",
              criteria = { { id = "c", check = function(m) return true, "ok\\27]0;pwned\\7\\nfake line" end } } }
            """])
        let data = try CLI.folder(CLI.data)
        let run = try CLI.commend(["explain", "--rules", rules.path, "--data", data.path, "--phase", "dot1", "--subject", "M1"])
        #expect(run.status == 0, "\(run.err)")
        #expect(!run.out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(run.out.contains("ok\\e]0;pwned\\x07\\nfake line"), "\(run.out)")
    }

    @Test func fifoRuleFileIsNamedWithItsCause() throws {
        let rules = try CLI.folder(["plan.lua": CLI.plan])
        #expect(mkfifo(rules.appendingPathComponent("b.lua").path, 0o644) == 0)
        let run = try CLI.commend(["check", "--rules", rules.path])
        let text = run.out + run.err
        #expect(run.status == 1)
        #expect(text.contains("b.lua: cannot read the rule file: it is a FIFO (named pipe), not a regular file"), "\(text)")
        #expect(!text.contains("NSCocoaErrorDomain") && !text.contains("permission"))
    }

    @Test func outputIntoAMissingFolderSaysWhy() throws {
        let rules = try CLI.folder(["plan.lua": CLI.plan, "a.lua": Self.award])
        let data = try CLI.folder(CLI.data)
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("commend-missing-\(UUID().uuidString)/out.json")
        let run = try Self.evaluate(rules, data, ["--format", "json", "--out", target.path])
        #expect(run.status == 2)
        #expect(run.err.contains("cannot write the output: the folder") && run.err.contains("does not exist"), "\(run.err)")
    }
}
