import Foundation
import Testing

/// RULES.md sections 2-5 checked from the outside, on the built `commend`,
/// with rule sets and data written from the contract alone
/// (`Fixtures/conformance/`). Every expected value below is worked out by
/// hand from the fixture files; the comments show the arithmetic.
@Suite("Conformance: results of RULES.md 2-5 worked out by hand")
struct ConformanceResultTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/conformance")

    static func path(_ relative: String) -> String { fixtures.appendingPathComponent(relative).path }

    /// `commend evaluate --format json` of a fixture; the raw bytes and the parsed object.
    static func evaluate(_ set: String, data: String = "data", phase: String, jobs: Int? = nil) throws -> (Data, [String: Any]) {
        var arguments = ["evaluate", "--rules", path("\(set)/rules"), "--data", path("\(set)/\(data)"),
                         "--phase", phase, "--format", "json"]
        if let jobs { arguments += ["--jobs", "\(jobs)"] }
        let run = try CommandLineTests.commend(arguments)
        #expect(run.status == 0, "\(run.err)")
        let bytes = Data(run.out.utf8)
        return (bytes, try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any]))
    }

    static func entry(_ json: [String: Any], _ list: String, _ id: String) throws -> [String: Any] {
        let entries = try #require(json[list] as? [[String: Any]])
        return try #require(entries.first { $0["id"] as? String == id }, "no \(list) \(id)")
    }

    /// One award result in a comparable form: subject, eligible, awarded,
    /// the ids of the failed criteria, and the quota as "group/place/limit/base/order".
    struct Row: Equatable, CustomStringConvertible {
        var subject: String, eligible: Bool, awarded: Bool, failed: [String], quota: String?
        var description: String { "\(subject) \(eligible) \(awarded) \(failed) \(quota ?? "-")" }
    }

    static func rows(_ award: [String: Any]) throws -> [Row] {
        try #require(award["results"] as? [[String: Any]]).map { r in
            let criteria = r["criteria"] as? [[String: Any]] ?? []
            let failed = criteria.filter { $0["passed"] as? Bool == false }.compactMap { $0["id"] as? String }
            let quota = (r["quota"] as? [String: Any]).map { q in
                ["group", "place", "limit", "base", "order"].map { key in
                    q[key].map { $0 is NSNull ? "null" : "\($0)" } ?? "absent"
                }.joined(separator: "/")
            }
            return Row(subject: r["subject"] as? String ?? "?", eligible: r["eligible"] as? Bool ?? false,
                       awarded: r["awarded"] as? Bool ?? false, failed: failed, quota: quota)
        }
    }

    static func counts(_ award: [String: Any]) -> [Int] {
        let counts = award["counts"] as? [String: Any] ?? [:]
        return ["considered", "eligible", "awarded"].map { counts[$0] as? Int ?? -1 }
    }

    @Test func awardsOfPhaseOne() throws {
        let (_, json) = try Self.evaluate("plan-a", phase: "dot1")
        // Declaration order across files in byte order of their paths; "probe" is dot2 only.
        let ids = try #require(json["awards"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids == ["ldtt", "ldg", "q-round", "q-ceil", "q-max"])

        // ldtt: rating present and not khong_hoan_thanh, not disciplined (x, Có are true).
        let ldtt = try Self.entry(json, "awards", "ldtt")
        let fine = ["M01", "M02", "M03", "M04", "M06", "M07"]
        #expect(try Self.rows(ldtt).map(\.subject) == ["M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08"])
        #expect(try Self.rows(ldtt).filter(\.awarded).map(\.subject) == fine)
        #expect(try Self.rows(ldtt).first { $0.subject == "M08" }?.failed == ["rating", "clean"])
        #expect(Self.counts(ldtt) == [8, 6, 6])
        #expect(ldtt["movement"] is NSNull)
        #expect(ldtt["quota"] == nil)

        // ldg: M06 has no gender, so `applies` leaves it out. Group U2: eligible M01 (3 initiatives),
        // M02 (5), M03 (5); base = ldtt holders of U2 = M01..M04 = 4, floor(0.5 × 4) = 2;
        // order 5, 5 (tie: M02 before M03), 3. Group U3: M07 (4); base = M06, M07 = 2, limit 1.
        let ldg = try Self.entry(json, "awards", "ldg")
        #expect(ldg["movement"] as? String == "mv")
        #expect(try Self.rows(ldg) == [
            Row(subject: "M01", eligible: true, awarded: false, failed: [], quota: "U2/3/2/4/3"),
            Row(subject: "M02", eligible: true, awarded: true, failed: [], quota: "U2/1/2/4/5"),
            Row(subject: "M03", eligible: true, awarded: true, failed: [], quota: "U2/2/2/4/5"),
            Row(subject: "M04", eligible: false, awarded: false, failed: ["rating"], quota: nil),
            Row(subject: "M05", eligible: false, awarded: false, failed: ["clean"], quota: nil),
            Row(subject: "M07", eligible: true, awarded: true, failed: [], quota: "U3/1/1/2/4"),
            Row(subject: "M08", eligible: false, awarded: false, failed: ["rating", "clean"], quota: nil),
        ])
        #expect(Self.counts(ldg) == [7, 4, 3])
        let m05 = try #require((ldg["results"] as? [[String: Any]])?.first { $0["subject"] as? String == "M05" })
        let clean = try #require((m05["criteria"] as? [[String: Any]])?.last)
        #expect(clean["detail"] as? String == "bị kỷ luật")

        // Seven members have initiatives > 0 (not M06). q-round: 0.5 × 7 = 3.5 rounds half up to 4,
        // no order: places by id. q-ceil: ceil(0.1 × 7) = 1 (max 5), by initiatives: M08 (9) first.
        // q-max: max 2, order −initiatives: M04 (−1), M05 (−2).
        let eligible = ["M01", "M02", "M03", "M04", "M05", "M07", "M08"]
        let round = try Self.rows(try Self.entry(json, "awards", "q-round"))
        #expect(round.filter(\.awarded).map(\.subject) == ["M01", "M02", "M03", "M04"])
        #expect(round.compactMap(\.quota) == eligible.indices.map { "null/\($0 + 1)/4/7/null" })
        let ceil = try Self.rows(try Self.entry(json, "awards", "q-ceil"))
        #expect(ceil.filter(\.awarded).map(\.subject) == ["M08"])
        // Places: M08 9, M02 5, M03 5, M07 4, M01 3, M05 2, M04 1.
        #expect(ceil.compactMap(\.quota) == ["null/5/1/7/3", "null/2/1/7/5", "null/3/1/7/5", "null/7/1/7/1",
                                             "null/6/1/7/2", "null/4/1/7/4", "null/1/1/7/9"])
        let max = try Self.rows(try Self.entry(json, "awards", "q-max"))
        #expect(max.filter(\.awarded).map(\.subject) == ["M04", "M05"])
        #expect(Self.counts(try Self.entry(json, "awards", "q-max")) == [8, 7, 2])
    }

    @Test func phaseRowsMoveMembersAndUnitsAndCtxSeesThem() throws {
        let (_, json) = try Self.evaluate("plan-a", phase: "dot2")
        let ids = try #require(json["awards"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids == ["ldtt", "ldg", "q-round", "q-ceil", "probe"])
        // dot2: M04 is rated tot and moves to U3. U2: M01, M02, M03 eligible; base 3 → limit 1.
        // U3: M04 (1), M07 (4); base = M04, M06, M07 = 3 → limit 1.
        #expect(try Self.rows(try Self.entry(json, "awards", "ldg")) == [
            Row(subject: "M01", eligible: true, awarded: false, failed: [], quota: "U2/3/1/3/3"),
            Row(subject: "M02", eligible: true, awarded: true, failed: [], quota: "U2/1/1/3/5"),
            Row(subject: "M03", eligible: true, awarded: false, failed: [], quota: "U2/2/1/3/5"),
            Row(subject: "M04", eligible: true, awarded: false, failed: [], quota: "U3/2/1/3/1"),
            Row(subject: "M05", eligible: false, awarded: false, failed: ["clean"], quota: nil),
            Row(subject: "M07", eligible: true, awarded: true, failed: [], quota: "U3/1/1/3/4"),
            Row(subject: "M08", eligible: false, awarded: false, failed: ["rating", "clean"], quota: nil),
        ])
        // The probe's details report what ctx answered (see z_probe.lua).
        let probe = try #require(try Self.entry(json, "awards", "probe")["results"] as? [[String: Any]])
        func details(_ subject: String) -> [String] {
            let result = probe.first { $0["subject"] as? String == subject }
            return (result?["criteria"] as? [[String: Any]] ?? []).map { $0["detail"] as? String ?? "null" }
        }
        let plan = "p-2021|Kế hoạch 2021|2021|dot2|Đợt 2|2021-07-01|2021-12-31"
        // history.csv: U2 co 2018-2021 (2021 is the plan year: left out), U3 2017, 2019: streak 0.
        let history = "2018,2019,2020|3|2017,2019|0"
        // ctx.facts(M04, dot1) sees the unit and rating before the phase row; dates come as YYYY-MM-DD.
        let facts = "U2|hoan_thanh|U3|An|nil|2019-03-15|2000-02-01"
        // U1 is no cdcs: no total, rank or grade. U7 moved under U3 in dot2.
        #expect(details("U1") == ["", "U2,U3,U4,U5,U6", plan, "truefalsetruefalse", "nil|nil|nil|integer",
                                  history, facts, "not U1"])
        // U3 in dot2: 30 + 10 + 2 = 42, second behind U2 (53), level with U6: rank 2, Khá.
        let u3 = details("U3")
        #expect(Array(u3.prefix(2)) == ["M04,M05,M06,M07", "U7"])
        #expect(["42|2|Khá|integer", "42.0|2|Khá|integer"].contains(u3[4]), "\(u3)")
    }

    /// (subject, group, total, rank, grade, [points/raw], bonus, penalty)
    static func scoringRows(_ scoring: [String: Any]) throws -> [String] {
        try #require(scoring["results"] as? [[String: Any]]).map { r in
            func show(_ value: Any?) -> String {
                guard let value, !(value is NSNull) else { return "null" }
                if let number = value as? NSNumber { return "\(number.doubleValue)" }
                return "\(value)"
            }
            let items = (r["items"] as? [[String: Any]] ?? []).map { "\(show($0["points"]))/\(show($0["raw"]))" }
            return [show(r["subject"]), show(r["group"]), show(r["total"]), show(r["rank"]), show(r["grade"]),
                    items.joined(separator: ","), show(r["bonus"]), show(r["penalty"])].joined(separator: " ")
        }
    }

    @Test func scoringsClampRankAndGrade() throws {
        let (_, json) = try Self.evaluate("plan-a", phase: "dot1")
        let cdcs = try Self.entry(json, "scorings", "cdcs")
        let items = try #require(cdcs["items"] as? [[String: Any]])
        #expect(items.map { $0["max"] as? Int } == [30, 20])
        #expect(cdcs["movement"] is NSNull)
        // to_chuc = 2 × new_members ≤ 30; doan_phi = 20 × fee_rate (decimal comma) ≤ 20;
        // bonus = plaques in [0, 5]; penalty = 5 × incidents ≥ 0.
        // C1: U2 30+20+3 = 53; U3 and U6 30+10+2 = 42 level on every tiebreak: both 2;
        // U7 10+5+0−5 = 10 (bonus −3 clamped): 4th, below every grade. U5 has no cluster.
        let expected = [
            "U5 null 0.0 1.0 null 0.0/0.0,0.0/0.0 0.0 0.0",
            "U2 C1 53.0 1.0 Xuất sắc 30.0/40.0,20.0/20.0 3.0 0.0",
            "U3 C1 42.0 2.0 Khá 30.0/30.0,10.0/10.0 2.0 0.0",
            "U6 C1 42.0 2.0 Khá 30.0/30.0,10.0/10.0 2.0 0.0",
            "U7 C1 10.0 4.0 null 10.0/10.0,5.0/5.0 0.0 5.0",
            "U4 C2 40.0 1.0 Khá 24.0/24.0,15.0/15.0 1.0 0.0",
        ]
        // Results go by group, then rank, then id; where the group-less U5 sits
        // RULES.md leaves open (Commend puts null first), so compare per group.
        let actual = try Self.scoringRows(cdcs)
        #expect(actual.filter { !$0.hasPrefix("U5") } == expected.filter { !$0.hasPrefix("U5") })
        #expect(Set(actual) == Set(expected))
        // s2: score ≤ 10 plus initiatives as a bonus without max; no grades, no group.
        let s2 = try Self.scoringRows(try Self.entry(json, "scorings", "s2"))
        #expect(s2.map { $0.split(separator: " ").prefix(5).joined(separator: " ") } == [
            "M02 null 12.0 1.0 null", "M01 null 11.5 2.0 null", "M03 null 11.5 2.0 null",
            "M08 null 9.0 4.0 null", "M07 null 4.0 5.0 null", "M05 null 2.0 6.0 null",
            "M04 null 1.0 7.0 null", "M06 null 0.0 8.0 null",
        ])
    }

    @Test func tiebreaksAndExactTotals() throws {
        let (bytes, json) = try Self.evaluate("ties", phase: "dot1")
        let rows = try Self.scoringRows(try Self.entry(json, "scorings", "t")).map {
            $0.split(separator: " ").prefix(5).joined(separator: " ")
                .replacingOccurrences(of: "0.3000000000000001", with: "0.30000000000000004")
        }
        // Foundation's parser rounds the last digit; the text itself carries the shortest exact form.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.components(separatedBy: "0.30000000000000004").count - 1 == 2, "\(text)")
        // A1..A4 total 10; tiebreak b then a: A3, A4 (b 6, a 4) share 1, A1 (b 5) 3, A2 (b 4) 4.
        // 0.1 + 0.2 (A5) and 0.2 + 0.1 (A8) are 0.30000000000000004, above 0.3 (A6, A7):
        // totals compare exactly. A5 beats A8 on b; A6 beats A7 on a.
        #expect(rows == [
            "A3 null 10.0 1.0 G2", "A4 null 10.0 1.0 G2", "A1 null 10.0 3.0 G2", "A2 null 10.0 4.0 G2",
            "A5 null 0.30000000000000004 5.0 G2", "A8 null 0.30000000000000004 6.0 G2",
            "A6 null 0.3 7.0 G2", "A7 null 0.3 8.0 G2",
        ])
    }

    @Test func sameBytesForCSVAndJSONDataAndAnyNumberOfWorkers() throws {
        for phase in ["dot1", "dot2"] {
            let (csv, _) = try Self.evaluate("plan-a", phase: phase)
            let (json, _) = try Self.evaluate("plan-a", data: "data-json", phase: phase)
            #expect(csv == json, "data.json and the CSV files hold the same data (\(phase))")
            for jobs in 1...3 {
                let (again, _) = try Self.evaluate("plan-a", phase: phase, jobs: jobs)
                #expect(again == csv, "--jobs \(jobs), \(phase)")
            }
        }
    }

    @Test func rulesDigestIsSHA256OverSortedPathsAndContents() throws {
        let rules = Self.fixtures.appendingPathComponent("plan-a/rules")
        let files = try FileManager.default.subpathsOfDirectory(atPath: rules.path)
            .filter { $0.hasSuffix(".lua") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(files == ["a1_awards.lua", "lib/util.lua", "plan.lua", "sub/q.lua", "sub/s.lua", "tests/ldg_test.lua", "z_probe.lua"])
        // Framing documented in the README: path, NUL, byte count in decimal, NUL, contents.
        var framed = Data()
        for file in files {
            let contents = try Data(contentsOf: rules.appendingPathComponent(file))
            framed += Data(file.utf8) + [0] + Data("\(contents.count)".utf8) + [0] + contents
        }
        // An independent SHA-256: coreutils' sha256sum over the framed bytes.
        let hex = try Self.sha256sum(framed)
        let (_, json) = try Self.evaluate("plan-a", phase: "dot1")
        #expect(json["rules_digest"] as? String == "sha256:" + hex)
        #expect(json["schema"] as? String == "commend.result/2")
    }

    /// The hex SHA-256 of `bytes` by `sha256sum`, a program that is not ours.
    static func sha256sum(_ bytes: Data) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("framed-\(UUID().uuidString)")
        try bytes.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }
}
