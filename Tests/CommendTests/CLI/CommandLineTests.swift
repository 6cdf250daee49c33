import CommendTestSupport
import Foundation
import Testing

/// The built `commend` as a user runs it: exit statuses, messages, output files.
@Suite("Command line: exit statuses and output files")
struct CommandLineTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let binary = CommendProcess.binary

    struct Run { var status: Int32; var out: String; var err: String }

    static func commend(_ arguments: [String]) throws -> Run {
        let outcome = try CommendProcess.run(arguments)
        return Run(status: outcome.status, out: outcome.text, err: outcome.err)
    }

    /// A temporary folder with the given files.
    static func folder(_ files: [String: String]) throws -> URL { try TemporaryFolder.make("cli", files) }

    static let plan = """
        plan { id = "p", name = "P", year = 2021,
          phases = { { id = "dot1", name = "Đợt 1", from = "2021-01-01", to = "2021-06-30" } },
          fields = { members = { initiatives = "int" } } }
        """
    static let data = [
        "units.csv": "id,name,kind,parent,cluster\nU1,CĐCS A,cdcs,,C1\n",
        "members.csv": "id,name,unit,initiatives\nM1,An,U1,2\nM2,Bình,U1,0\n",
    ]

    @Test func evaluatesToJSONOnStandardOutput() throws {
        let rules = try Self.folder(["plan.lua": Self.plan, "a.lua": """
            award "sk" { name = "Sáng kiến", subject = "member",
              criteria = { { id = "c", text = "Có sáng kiến", check = function(m) return m.initiatives > 0 end } } }
            """])
        let data = try Self.folder(Self.data)
        let run = try Self.commend(["evaluate", "--rules", rules.path, "--data", data.path, "--phase", "dot1", "--format", "json"])
        #expect(run.status == 0, "\(run.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["schema", "plan", "phase", "rules_digest", "awards", "scorings", "diagnostics"])
        let awards = try #require(json["awards"] as? [[String: Any]])
        let results = try #require(awards.first?["results"] as? [[String: Any]])
        // M1 has 2 initiatives, M2 none: by hand.
        #expect(results.map { $0["subject"] as? String } == ["M1", "M2"])
        #expect(results.map { $0["awarded"] as? Bool } == [true, false])
    }

    @Test func readableOutputIsVietnameseByDefaultAndMachineOutputIgnoresTheLanguage() throws {
        let rules = try Self.folder(["plan.lua": Self.plan, "a.lua": """
            award "sk" { name = "Sáng kiến", subject = "member",
              criteria = { { id = "c", text = "Có sáng kiến", check = function(m) return m.initiatives > 0 end } } }
            """])
        let data = try Self.folder(Self.data)
        let common = ["evaluate", "--rules", rules.path, "--data", data.path, "--phase", "dot1"]
        // M1 has 2 initiatives, M2 none: 2 considered, 1 eligible, 1 awarded.
        let vi = try Self.commend(common)
        #expect(vi.status == 0, "\(vi.err)")
        #expect(vi.out.contains("xét 2 đoàn viên, đủ điều kiện 1, khen thưởng 1"), "\(vi.out)")
        #expect(vi.out.contains("Đợt 1 [dot1]: từ 01/01/2021 đến 30/06/2021"), "\(vi.out)")
        let en = try Self.commend(common + ["--lang", "en"])
        #expect(en.out.contains("2 members considered, 1 eligible, 1 awarded"), "\(en.out)")
        for format in ["json", "csv"] {
            let a = try Self.commend(common + ["--format", format])
            let b = try Self.commend(common + ["--format", format, "--lang", "en"])
            #expect(a.status == 0 && !a.out.isEmpty && a.out == b.out, "\(format)")
        }
        let explain = try Self.commend(["explain", "--rules", rules.path, "--data", data.path, "--phase", "dot1", "--subject", "M2"])
        #expect(explain.out.hasPrefix("Sáng kiến [sk]: không đủ điều kiện\n"), "\(explain.out)")
        let explainEn = try Self.commend(["explain", "--rules", rules.path, "--data", data.path, "--phase", "dot1",
                                          "--subject", "M2", "--lang", "en"])
        #expect(explainEn.out.hasPrefix("Sáng kiến [sk]: not eligible\n"), "\(explainEn.out)")
        #expect(try Self.commend(common + ["--lang", "fr"]).status == 2)
    }

    /// The watch screen: Vietnamese, the time on a 24-hour clock. The test reads
    /// the screen until the watching line appears, then presses Ctrl-C.
    @Test func watchScreenSpeaksVietnameseOnA24HourClock() throws {
        let rules = try Self.folder(["plan.lua": Self.plan])
        let data = try Self.folder(Self.data)
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["evaluate", "--rules", rules.path, "--data", data.path, "--phase", "dot1", "--watch"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("Ctrl-C để dừng") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        process.interrupt()
        text += String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("P (p, năm 2021)\n"), "\(text)")
        #expect(text.contains(/── [0-2][0-9]:[0-5][0-9]:[0-5][0-9]: đã xét\n/), "\(text)")
        #expect(!text.contains(" AM") && !text.contains(" PM"), "\(text)")
        #expect(text.contains("── đang theo dõi \(rules.path)/**/*.lua và \(data.path)/ (kiểm tra mỗi 0,3 giây); Ctrl-C để dừng"), "\(text)")
        #expect(text.contains("đã dừng theo dõi"), "\(text)")
    }

    @Test func badDataExitsTwoNamingFileLineAndColumn() throws {
        let rules = try Self.folder(["plan.lua": Self.plan])
        var files = Self.data
        files["members.csv"] = "id,name,unit,initiatives\nM1,An,U1,hai\n"
        let data = try Self.folder(files)
        let run = try Self.commend(["evaluate", "--rules", rules.path, "--data", data.path, "--phase", "dot1"])
        #expect(run.status == 2)
        #expect(run.err.contains("members.csv:2: column \"initiatives\": expected an integer, found \"hai\""), "\(run.err)")
    }

    @Test func aRunawayRuleExitsOneAndLeavesNoOutputFile() throws {
        let rules = try Self.folder(["plan.lua": Self.plan, "loop.lua": """
            award "a" { subject = "member",
              criteria = { { id = "c", check = function(m)
                while true do end
              end } } }
            """])
        let data = try Self.folder(Self.data)
        let out = data.appendingPathComponent("result.json")
        let run = try Self.commend(["evaluate", "--rules", rules.path, "--data", data.path, "--phase", "dot1",
                                    "--format", "json", "--out", out.path])
        #expect(run.status == 1)
        #expect(run.err.contains("loop.lua:3: award \"a\", criterion \"c\", subject M1: instruction limit exceeded"), "\(run.err)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: data.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try Self.commend(["evaluate", "--phase", "dot1", "--format", "xml"]).status == 2)
        #expect(try Self.commend(["frobnicate"]).status == 2)
        #expect(try Self.commend(["evaluate"]).status == 2)   // --phase is required
        #expect(try Self.commend(["--help"]).status == 0)
    }

    @Test func checkExitsOneOnProblems() throws {
        let rules = try Self.folder(["plan.lua": Self.plan, "a.lua": "award \"a\" { subject = \"member\", critera = {} }\n"])
        let run = try Self.commend(["check", "--rules", rules.path])
        #expect(run.status == 1)
        #expect(run.out.contains("a.lua:1: award \"a\": unknown key \"critera\" (did you mean \"criteria\"?)"), "\(run.out)")
    }
}
