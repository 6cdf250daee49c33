import Foundation
import Testing

/// The built `commend` run as an officer runs it.
@Suite("commend report, explain by name and evaluate filters on the command line")
struct ReportCommandTests {
    static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/commend")

    struct Run { var status: Int32; var out: String; var err: String }

    static func commend(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                   err: String(decoding: errData, as: UTF8.self))
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
