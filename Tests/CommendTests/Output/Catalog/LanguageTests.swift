@testable import Commend
import Foundation
import Testing

/// The message catalog: numbers, dates and times per language, and the
/// readable formats in Vietnamese (the default) and English (`--lang en`).
@Suite("Output: Vietnamese by default, English on request")
struct LanguageTests {
    @Test func numbersUseTheLanguagesSeparators() {
        let vi = Wording(.vi), en = Wording(.en)
        #expect(vi.number(73.41) == "73,41")
        #expect(en.number(73.41) == "73.41")
        #expect(vi.number(1234.5) == "1.234,5")
        #expect(en.number(1234.5) == "1,234.5")
        #expect(vi.number(96.38000000000001) == "96,38")
        #expect(vi.number(30) == "30")
        #expect(vi.number(-2.5) == "-2,5")
        #expect(vi.number(-0.001) == "0")
        #expect(vi.count(30000) == "30.000")
        #expect(en.count(30000) == "30,000")
        #expect(vi.count(1_234_567) == "1.234.567")
        #expect(vi.count(422) == "422")
    }

    @Test func datesAndTimes() throws {
        #expect(Wording(.vi).date("2021-06-30") == "30/06/2021")
        #expect(Wording(.en).date("2021-06-30") == "30 Jun 2021")
        #expect(Wording(.vi).date("không rõ") == "không rõ")
        // 8:53:03 in the afternoon, UTC: a 24-hour clock in both languages.
        let date = Date(timeIntervalSince1970: 1_622_040_783)   // 2021-05-26 14:53:03 UTC
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(Wording(.vi).time(date, timeZone: utc) == "14:53:03")
        #expect(Wording(.en).time(date, timeZone: utc) == "14:53:03")
        #expect(Wording(.vi).time(Date(timeIntervalSince1970: 1_622_019_183), timeZone: utc) == "08:53:03")
    }

    @Test func everyColumnAndChangeHasBothLanguages() {
        for column in Message.Column.allCases {
            let vi = Wording(.vi)(.column(column)), en = Wording(.en)(.column(column))
            #expect(!vi.isEmpty && !en.isEmpty && vi != en, "\(column)")
        }
        let kinds: [AwardChange.Kind] = [.gainsAward, .losesAward, .becomesEligible, .losesEligibility]
        #expect(Set(kinds.map { Wording(.vi)(.change($0)) }).count == 4)
    }

    @Test func quotaWording() {
        let vi = Wording(.vi), en = Wording(.en)
        #expect(vi(.quota(share: 0.15, base: "Lao động tiên tiến", max: nil, within: "unit"))
                == "chỉ tiêu: không quá 15% số Lao động tiên tiến, tính trong mỗi đơn vị")
        #expect(vi(.quota(share: 0.2, base: nil, max: 5, within: "parent"))
                == "chỉ tiêu: không quá 20% số đủ điều kiện, tối đa 5, tính trong mỗi công đoàn cấp trên")
        #expect(vi(.quota(share: nil, base: nil, max: 1, within: "cluster")) == "chỉ tiêu: tối đa 1, tính trong mỗi cụm, khối thi đua")
        #expect(vi(.quota(share: nil, base: nil, max: 5, within: "proposed")) == "chỉ tiêu: tối đa 5, tính trong mỗi nhóm theo cột proposed")
        #expect(vi(.quota(share: nil, base: nil, max: 1000, within: nil)) == "chỉ tiêu: tối đa 1.000, tính chung")
        #expect(en(.quota(share: 0.125, base: nil, max: 1000, within: "unit")) == "quota 12.5% of eligible, at most 1,000 per unit")
    }

    @Test func theIssuesSentence() {
        let m = Message.awardCounts(considered: 30000, kind: .member, eligible: 422, awarded: 4)
        #expect(Wording(.vi)(m) == "xét 30.000 đoàn viên, đủ điều kiện 422, khen thưởng 4")
        #expect(Wording(.en)(m) == "30,000 members considered, 422 eligible, 4 awarded")
    }

    // MARK: the formats on a small evaluation

    static let rules = [
        "a.lua": """
            award "sk" { name = "Sáng kiến", subject = "member",
              criteria = { { id = "c", text = "Có sáng kiến", check = function(m)
                return m.initiatives > 0, m.initiatives .. " sáng kiến" end } },
              quota = { max = 1, order = function(m) return m.initiatives end } }
            scoring "cd" { name = "Chấm điểm", subject = "unit", group = "cluster",
              items = { { id = "phi", text = "Đoàn phí", max = 20, points = function(u) return 25 * u.fee_rate end } },
              grades = { { min = 15, label = "Tốt" }, { min = 0, label = "Đạt" } } }
            """,
    ]

    static func result() throws -> EvaluationResult {
        let rules = try engineRules(rules)
        let data = try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "CĐCS A", "kind": "cdcs", "cluster": "C1", "fee_rate": "0.5"]), line: nil)
            b.addUnit(cells(["id": "U2", "name": "CĐCS B", "kind": "cdcs", "cluster": "C1", "fee_rate": "0.9"]), line: nil)
            b.addMember(cells(["id": "M1", "name": "An", "unit": "U1", "initiatives": "2"]), line: nil)
            b.addMember(cells(["id": "M2", "name": "Bình", "unit": "U1", "initiatives": "3"]), line: nil)
            b.addMember(cells(["id": "M3", "name": "Chi", "unit": "U2", "initiatives": "0"]), line: nil)
        }
        return try engineEvaluate(rules, data)
    }

    @Test func tableInVietnameseAndEnglish() throws {
        let result = try Self.result()
        let vi = try reportText(result, .plain, .vi)
        // 3 members, M1 and M2 eligible, 1 place: M2 (3 initiatives). U1: 12.5 points, U2: 22.5 → 20.
        #expect(vi.contains("P (p, năm 2021)"), "\(vi)")
        #expect(vi.contains("Đợt 1 [dot1]: từ 01/01/2021 đến 30/06/2021"), "\(vi)")
        #expect(vi.contains("xét 3 đoàn viên, đủ điều kiện 2, khen thưởng 1; chỉ tiêu: tối đa 1, tính chung"), "\(vi)")
        #expect(vi.contains("chấm điểm 2 đơn vị; Tốt: 1; Đạt: 1"), "\(vi)")
        #expect(vi.contains("  C1       2  U1  CĐCS A       12,5  Đạt"), "\(vi)")
        #expect(vi.contains("nhóm  hạng  mã  tên     tổng điểm  xếp loại"), "\(vi)")
        for english in ["considered", "eligible", "awarded", "rank", "total", "grade"] {
            #expect(!vi.contains(english), "\(english) in \(vi)")
        }
        let en = try reportText(result, .plain, .en)
        #expect(en.contains("3 members considered, 2 eligible, 1 awarded; quota at most 1"), "\(en)")
        #expect(en.contains("Đợt 1 [dot1]: 01 Jan 2021 – 30 Jun 2021"), "\(en)")
        #expect(en.contains("  C1        2  U1       CĐCS A   12.5  Đạt"), "\(en)")
    }

    @Test func explainInVietnameseAndEnglish() throws {
        let result = try Self.result()
        let vi = try #require(ExplainFormat.text(result, subject: "M1"))
        #expect(vi == """
            Sáng kiến [sk]: đủ điều kiện, ngoài chỉ tiêu
              ✔ c: Có sáng kiến — 2 sáng kiến
              chỉ tiêu: xếp thứ 2 trong số 2 đủ điều kiện (tính chung), chỉ tiêu 1 (tính trên 2), giá trị xếp thứ tự 2


            """)
        let en = try #require(ExplainFormat.text(result, subject: "M1", language: .en))
        #expect(en.contains("Sáng kiến [sk]: eligible, not awarded"))
        #expect(en.contains("quota: place 2 of 2 eligible in the one group, limit 1 (base 2), order value 2"))
        let unitVi = try #require(ExplainFormat.text(result, subject: "U2"))
        #expect(unitVi == """
            Chấm điểm [cd]: tổng 20 điểm, hạng 1/2 trong cụm, khối C1, xếp loại Tốt
              phi: 20/20 điểm (tính ra 22,5, chỉ tính tối đa 20) Đoàn phí


            """)
        let unitEn = try #require(ExplainFormat.text(result, subject: "U2", language: .en))
        #expect(unitEn.contains("Chấm điểm [cd]: total 20, rank 1 of 2 in group C1, grade Tốt"))
        #expect(unitEn.contains("phi: 20 / 20 (raw 22.5, clamped to [0, 20]) Đoàn phí"))
    }
}
