import Commend
import Foundation

/// A small evaluation for the tests of the readable formats: names, ids
/// and details that each format must escape (`<`, `&`, `"`, `|`, an ESC), a
/// quota within units that cuts inside a tie, and a scoring that clamps.
///
/// Worked out by hand (phase dot1):
/// - award gioi (quota: at most 1 per unit, ordered by initiatives):
///   M1 (U1, 2) and M2 (U1, 3) eligible, M2 placed 1, M1 placed 2 and left out;
///   M3 (U2, 0 initiatives, disciplined) fails both criteria;
///   M4 (U2, 1) and M5<&> (U2, 1) tie at U2's cut-off, M4 wins by id
///   ("M4" precedes "M5<&>" byte by byte).
///   So 5 considered, 4 eligible, 2 awarded (M2, M4).
/// - scoring cd (units, group cluster): U1 25 × 0.5 = 12.5 (Đạt),
///   U2 25 × 0.9 = 22.5 clamped to 20 (Tốt); both in cluster C&1, U2 ranks 1.
enum OutputFixture {
    static let sources = [
        "plan.lua": """
            plan { id = "p", name = "Thi đua <Hè> & \\"Thu\\"", year = 2021,
              phases = { { id = "dot1", name = "Đợt 1", from = "2021-01-01", to = "2021-06-30" } },
              fields = {
                members = { initiatives = "int", disciplined = "bool" },
                units = { cluster = "string", fee_rate = "number" },
              },
            }
            """,
        "awards.lua": """
            award "gioi" {
              name = "Giỏi <&> \\"A|B\\"", subject = "member",
              criteria = {
                { id = "sk", text = "Có sáng kiến", check = function(m)
                    return m.initiatives > 0, m.initiatives == 0 and "chưa có\\27[2J" or (m.initiatives .. " sáng kiến | <mới>") end },
                { id = "kl", text = "Không bị kỷ luật", check = function(m) return not m.disciplined end },
              },
              quota = { max = 1, within = "unit", order = function(m) return m.initiatives end },
            }
            """,
        "scores.lua": """
            scoring "cd" {
              name = "Chấm điểm", subject = "unit", group = "cluster",
              items = { { id = "phi", text = "Đoàn phí", max = 20, points = function(u) return 25 * u.fee_rate end } },
              grades = { { min = 15, label = "Tốt" }, { min = 0, label = "Đạt" } },
            }
            """,
    ]

    /// The award's counts and quota, as the readable formats say them in Vietnamese.
    static let awardSummary = "xét 5 đoàn viên, đủ điều kiện 4, khen thưởng 2; chỉ tiêu: tối đa 1, tính trong mỗi đơn vị"
    /// U2's cut-off tie, as the table, Markdown, HTML and explain say it in
    /// Vietnamese, with the id of M5<&> as the format writes it.
    static func tie(_ m5: String = "M5<&>") -> String {
        "bằng nhau tại ngưỡng chỉ tiêu trong nhóm U2: 2 người đủ điều kiện cùng giá trị xếp thứ tự 1 "
            + "tranh suất cuối trong 1 suất; phân định theo mã đối tượng tăng dần: được khen Em (M4); ngoài chỉ tiêu Giang (\(m5))"
    }
    /// The same tie in English.
    static func tieEnglish(_ m5: String = "M5<&>") -> String {
        "tie at the quota cut-off in group U2: 2 eligible share order value 1 for the last of 1 places; "
            + "broken by subject id (ascending): awarded Em (M4); left out Giang (\(m5))"
    }

    static func result() throws -> EvaluationResult {
        let rules = try RuleSet(sources: sources)
        var data = DatasetBuilder(rules: rules)
        data.addUnit(["id": "U1", "name": "Tổ <1> & \"Một\"", "cluster": "C&1", "fee_rate": 0.5])
        data.addUnit(["id": "U2", "name": "Tổ|Hai", "cluster": "C&1", "fee_rate": 0.9])
        data.addMember(["id": "M1", "name": "An|Bình", "unit": "U1", "initiatives": 2, "disciplined": false])
        data.addMember(["id": "M2", "name": "Chi <b>&\"c\"", "unit": "U1", "initiatives": 3, "disciplined": false])
        data.addMember(["id": "M3", "name": "Dũng", "unit": "U2", "initiatives": 0, "disciplined": true])
        data.addMember(["id": "M4", "name": "Em", "unit": "U2", "initiatives": 1, "disciplined": false])
        data.addMember(["id": "M5<&>", "name": "Giang", "unit": "U2", "initiatives": 1, "disciplined": false])
        return try Evaluator.evaluate(rules: rules, data: data.build(), phase: "dot1")
    }
}

/// What `write` puts into a file sink, collected in order once committed.
func sinkBytes(_ write: (OutputSink) -> Void) throws -> [UInt8] {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("commend-output-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: file) }
    let sink = try OutputSink(file: file)
    write(sink)
    try sink.commit()
    return Array(try Data(contentsOf: file))
}

/// The report (`--format table`, `md` or `html`) of `result` as text.
func reportText(_ result: EvaluationResult, _ style: ReportFormat.Style, _ language: Language = .vi) throws -> String {
    String(decoding: try sinkBytes { ReportFormat.write(result, style: style, language: language, to: $0) }, as: UTF8.self)
}
