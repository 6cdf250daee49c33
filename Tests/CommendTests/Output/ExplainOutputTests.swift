import Commend
import Foundation
import Testing

/// `commend explain`: every criterion with its mark and detail, the quota
/// decision and the tie that decided it, worked out by hand from `OutputFixture`.
@Suite("Output: explain")
struct ExplainOutputTests {
    @Test("a subject that fails: each failed criterion named, with its detail made safe for a terminal")
    func failedCriteria() throws {
        let result = try OutputFixture.result()
        #expect(ExplainFormat.text(result, subject: "M3") == """
            Giỏi <&> "A|B" [gioi]: không đủ điều kiện
              ✘ sk: Có sáng kiến — chưa có\\e[2J
              ✘ kl: Không bị kỷ luật


            """)
        #expect(ExplainFormat.text(result, subject: "M3", language: .en) == """
            Giỏi <&> "A|B" [gioi]: not eligible
              ✘ sk: Có sáng kiến — chưa có\\e[2J
              ✘ kl: Không bị kỷ luật


            """)
    }

    @Test("the quota decision: placed inside, placed outside, and left out by a tie broken by id")
    func quotaDecision() throws {
        let result = try OutputFixture.result()
        #expect(ExplainFormat.text(result, subject: "M2") == """
            Giỏi <&> "A|B" [gioi]: ĐƯỢC KHEN THƯỞNG
              ✔ sk: Có sáng kiến — 3 sáng kiến | <mới>
              ✔ kl: Không bị kỷ luật
              chỉ tiêu: xếp thứ 1 trong số 2 đủ điều kiện trong nhóm U1, chỉ tiêu 1 (tính trên 2), giá trị xếp thứ tự 3


            """)
        #expect(ExplainFormat.text(result, subject: "M1") == """
            Giỏi <&> "A|B" [gioi]: đủ điều kiện, ngoài chỉ tiêu
              ✔ sk: Có sáng kiến — 2 sáng kiến | <mới>
              ✔ kl: Không bị kỷ luật
              chỉ tiêu: xếp thứ 2 trong số 2 đủ điều kiện trong nhóm U1, chỉ tiêu 1 (tính trên 2), giá trị xếp thứ tự 2


            """)
        let tie = OutputFixture.tie()
        #expect(ExplainFormat.text(result, subject: "M5<&>") == """
            Giỏi <&> "A|B" [gioi]: đủ điều kiện, ngoài chỉ tiêu
              ✔ sk: Có sáng kiến — 1 sáng kiến | <mới>
              ✔ kl: Không bị kỷ luật
              chỉ tiêu: xếp thứ 2 trong số 2 đủ điều kiện trong nhóm U2, chỉ tiêu 1 (tính trên 2), giá trị xếp thứ tự 1
              \(tie)


            """)
        // The winner of the tie is told the same tie.
        #expect(ExplainFormat.text(result, subject: "M4")?.contains("  \(tie)\n") == true)
        let en = try #require(ExplainFormat.text(result, subject: "M5<&>", language: .en))
        #expect(en.contains("Giỏi <&> \"A|B\" [gioi]: eligible, not awarded\n"))
        #expect(en.contains("\n  quota: place 2 of 2 eligible in group U2, limit 1 (base 2), order value 1\n"))
        #expect(en.contains("\n  \(OutputFixture.tieEnglish())\n"))
    }

    @Test("a scored unit: total, rank in its group, grade, and each item's points")
    func scoring() throws {
        let result = try OutputFixture.result()
        #expect(ExplainFormat.text(result, subject: "U1") == """
            Chấm điểm [cd]: tổng 12,5 điểm, hạng 2/2 trong cụm, khối C&1, xếp loại Đạt
              phi: 12,5/20 điểm Đoàn phí


            """)
        #expect(ExplainFormat.text(result, subject: "U1", language: .en) == """
            Chấm điểm [cd]: total 12.5, rank 2 of 2 in group C&1, grade Đạt
              phi: 12.5 / 20 Đoàn phí


            """)
    }

    @Test("nothing to explain: an unknown subject, or an award the subject is not considered for")
    func nothing() throws {
        let result = try OutputFixture.result()
        #expect(ExplainFormat.text(result, subject: "M9") == nil)
        #expect(ExplainFormat.text(result, subject: "M1", only: "cd") == nil)
        #expect(ExplainFormat.text(result, subject: "U2", only: "gioi") == nil)
        #expect(ExplainFormat.text(result, subject: "U2", only: "cd")?.hasPrefix("Chấm điểm [cd]: tổng 20 điểm, hạng 1/2") == true)
    }
}
