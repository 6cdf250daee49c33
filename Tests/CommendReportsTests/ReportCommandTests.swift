import CommendTestSupport
import Foundation
import Testing

/// The built `commend` run as an officer runs it.
@Suite("commend report, explain by name and evaluate filters on the command line")
struct ReportCommandTests {

    struct Run { var status: Int32; var out: String; var err: String }

    static func commend(_ arguments: [String]) throws -> Run {
        let outcome = try CommendProcess.run(arguments)
        return Run(status: outcome.status, out: outcome.text, err: outcome.err)
    }

    static func sources() throws -> [String] {
        let rules = try Fixture.folder(["plan.lua": Fixture.plan, "awards.lua": Fixture.awards])
        let data = try Fixture.folder(Fixture.data)
        return ["--rules", rules.path, "--data", data.path, "--phase", "dot2"]
    }

    @Test func reportWritesEachFormat() throws {
        let sources = try Self.sources()
        let dir = try Fixture.folder(["README": "outputs"])
        for (kind, format) in [("danh-sach", "html"), ("bao-cao", "md"), ("bao-cao", "xlsx")] {
            let out = dir.appendingPathComponent("\(kind).\(format)")
            let run = try Self.commend(["report"] + sources + ["--kind", kind, "--format", format, "--out", out.path])
            #expect(run.status == 0, "\(run.err)")
            let data = try Data(contentsOf: out)
            #expect(format == "xlsx" ? data.starts(with: [0x50, 0x4B, 0x03, 0x04]) : String(decoding: data, as: UTF8.self).contains("LIÊN ĐOÀN LAO ĐỘNG TỈNH THỬ NGHIỆM"))
        }
        let english = dir.appendingPathComponent("en.html")
        let run = try Self.commend(["report"] + sources + ["--kind", "danh-sach", "--lang", "en", "--unit", "U1", "--out", english.path])
        #expect(run.status == 0, "\(run.err)")
        let html = try String(contentsOf: english, encoding: .utf8)
        #expect(html.contains("Total: 2 individuals") && !html.contains("Hoàng Văn Em"))
    }

    @Test func recordedRunsGiveTheRunAndLastYearsComparison() throws {
        let dir = try Fixture.folder(["README": "outputs"])
        let db = dir.appendingPathComponent("commend.db").path
        // Last year (plan year 2020): M6 rated "kha", U1 scored 60; recorded and finalized.
        let lastRules = try Fixture.folder(["plan.lua": Fixture.plan.replacingOccurrences(of: "year = 2021", with: "year = 2020"),
                                            "awards.lua": Fixture.awards])
        var lastData = Fixture.data
        lastData["phases/dot2/members.csv"] = "id,rating,initiatives\nM1,tot,3\nM2,tot,2\nM3,tot,2\nM4,tot,1\nM5,kha,0\nM6,kha,5\n"
        lastData["phases/dot2/units.csv"] = "id,score\nU1,60\nU2,95\nU3,60\n"
        let last = try Self.commend(["evaluate", "--rules", lastRules.path, "--data", try Fixture.folder(lastData).path,
                                     "--phase", "dot2", "--format", "json", "--out", dir.appendingPathComponent("2020.json").path,
                                     "--record", "--db", db])
        #expect(last.status == 0, "\(last.err)")
        #expect(try Self.commend(["runs", "finalize", "1", "--db", db]).status == 0)
        // This year: recorded as run 2; the báo cáo compares with run 1.
        let sources = try Self.sources()
        let now = try Self.commend(["evaluate"] + sources + ["--format", "json", "--out", dir.appendingPathComponent("2021.json").path,
                                                             "--record", "--db", db])
        #expect(now.status == 0 && now.err.contains("recorded run 2"), "\(now.err)")
        let report = dir.appendingPathComponent("bc.md")
        let run = try Self.commend(["report"] + sources + ["--kind", "bao-cao", "--format", "md", "--db", db, "--out", report.path])
        #expect(run.status == 0, "\(run.err)")
        let md = try String(contentsOf: report, encoding: .utf8)
        #expect(md.contains("So sánh với Đợt 2 năm 2020 (kết quả chính thức đã ghi) và Đợt 2 năm 2021:"))
        #expect(md.contains("| Lao động giỏi | 4 | 3 | 5 | 4 | +1 |"))
        // --run: the stored result, the phase taken from the run.
        let fromRun = dir.appendingPathComponent("ds.html")
        let stored = try Self.commend(["report", "--rules", sources[1], "--data", sources[3], "--run", "2", "--db", db,
                                       "--kind", "danh-sach", "--out", fromRun.path])
        #expect(stored.status == 0, "\(stored.err)")
        let html = try String(contentsOf: fromRun, encoding: .utf8)
        #expect(html.contains("Tổng số: 4 (bốn) cá nhân") && html.contains("<td>Hoàng Văn Em</td>"))
        let missing = try Self.commend(["report", "--rules", sources[1], "--data", sources[3], "--run", "9", "--db", db,
                                        "--kind", "danh-sach", "--out", fromRun.path + ".2"])
        #expect(missing.status == 2 && missing.err.contains("there is no run 9"))
    }

    @Test func reportRefusesAnUnknownUnitAndWritesNothing() throws {
        let out = try Fixture.folder(["README": "outputs"]).appendingPathComponent("x.html")
        let run = try Self.commend(["report"] + Self.sources() + ["--kind", "danh-sach", "--unit", "X9", "--out", out.path])
        #expect(run.status == 2)
        #expect(run.err.contains("no unit \"X9\""))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func exportTemplates() throws {
        let dir = try Fixture.folder([:]).appendingPathComponent("mine")
        let run = try Self.commend(["report", "--export-templates", dir.path])
        #expect(run.status == 0, "\(run.err)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("danh-sach-html.mustache").path))
    }

    @Test func explainByNameListsEveryFit() throws {
        let run = try Self.commend(["explain"] + Self.sources() + ["--subject", "Nguyễn Văn An"])
        #expect(run.status == 2)
        #expect(run.err.contains("2 subjects fit \"Nguyễn Văn An\""))
        #expect(run.err.contains("M1  Nguyễn Văn An  (member, Công đoàn \"Sao & <Mai>\")"))
        #expect(run.err.contains("M4  Nguyễn Văn An  (member, Công đoàn Trường Tiểu học Hai)"))
    }

    @Test func explainByOneNameSaysTheTie() throws {
        let run = try Self.commend(["explain"] + Self.sources() + ["--subject", "lê văn cường", "--award", "lao-dong-gioi"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("Lao động giỏi [lao-dong-gioi]"))
        #expect(run.out.contains("ngoài chỉ tiêu Lê Văn Cường (M3)"))
    }

    @Test func evaluateTableFilters() throws {
        let sources = try Self.sources()
        let run = try Self.commend(["evaluate"] + sources + ["--unit", "D2", "--award", "lao-dong-gioi"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("M4") && !run.out.contains("M1 ") && !run.out.contains("Tập thể tốt"))
        let whole = try Self.commend(["evaluate"] + sources)
        #expect(whole.out.contains("bằng nhau tại ngưỡng chỉ tiêu trong nhóm U1"))
        let english = try Self.commend(["evaluate"] + sources + ["--lang", "en"])
        #expect(english.out.contains("tie at the quota cut-off in group U1"))
        let json = try Self.commend(["evaluate"] + sources + ["--format", "json", "--unit", "D2"])
        #expect(json.status == 2)
    }
}
