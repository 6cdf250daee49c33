import Commend
import Foundation
import Testing

/// `--format table`: headings, counts, ties and columns aligned by what a
/// terminal shows, worked out by hand from `OutputFixture`.
@Suite("Output: table")
struct TableOutputTests {
    @Test("the whole report in Vietnamese: headings, counts, the tie at the cut-off, aligned columns")
    func vietnamese() throws {
        let result = try OutputFixture.result()
        let text = try reportText(result, .plain)
        // The heading is 34 characters wide, so is its rule. Award table widths:
        // mã 2, tên 11 (Chi <b>&"c"), nhóm 4, thứ tự/chỉ tiêu 15 (right-aligned).
        // Scoring table: nhóm 4, hạng 4 (right), mã 2, tên 14 (Tổ <1> & "Một"),
        // tổng điểm 9 (right), xếp loại last, not padded.
        let expected = """
            Thi đua <Hè> & "Thu" (p, năm 2021)
            ══════════════════════════════════
              Đợt 1 [dot1]: từ 01/01/2021 đến 30/06/2021
              mã bộ tiêu chí: \(result.rulesDigest)

            Giỏi <&> "A|B" [gioi]
              \(OutputFixture.awardSummary)
              \(OutputFixture.tie())
              mã  tên          nhóm  thứ tự/chỉ tiêu
              ──  ───────────  ────  ───────────────
              M2  Chi <b>&"c"  U1                1/1
              M4  Em           U2                1/1

            Chấm điểm [cd]
              chấm điểm 2 đơn vị; Tốt: 1; Đạt: 1
              nhóm  hạng  mã  tên             tổng điểm  xếp loại
              ────  ────  ──  ──────────────  ─────────  ────────
              C&1      1  U2  Tổ|Hai                 20  Tốt
              C&1      2  U1  Tổ <1> & "Một"       12,5  Đạt

            """
        #expect(text == expected)
    }

    @Test("English labels, counts and the tie; the columns widen to the English titles")
    func english() throws {
        let text = try reportText(try OutputFixture.result(), .plain, .en)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Thi đua <Hè> & \"Thu\" (p, 2021)")
        #expect(lines.contains("  Đợt 1 [dot1]: 01 Jan 2021 – 30 Jun 2021"))
        #expect(lines.contains("  5 members considered, 4 eligible, 2 awarded; quota at most 1 per unit"))
        #expect(lines.contains("  \(OutputFixture.tieEnglish())"))
        // subject 7, name 11, group 5, place 5 (right-aligned).
        #expect(lines.contains("  subject  name         group  place"))
        #expect(lines.contains("  M2       Chi <b>&\"c\"  U1       1/1"))
        #expect(lines.contains("  2 units scored; Tốt: 1; Đạt: 1"))
        // group 5, rank 4 (right), subject 7, name 14, total 5 (right), grade.
        #expect(lines.contains("  group  rank  subject  name            total  grade"))
        #expect(lines.contains("  C&1       2  U1       Tổ <1> & \"Một\"   12.5  Đạt"))
        #expect(!text.contains("đoàn viên") && !text.contains("khen thưởng"))
    }

    @Test("width counts what a terminal shows: decomposed accents take no room, control characters are made visible")
    func widths() {
        var table = TextTable(["tên", "điểm"], numeric: [1])
        // "Nguyễn" decomposed: e, combining circumflex, combining tilde.
        table.add(["Nguye\u{0302}\u{0303}n", "9,5"])
        table.add(["\u{1B}[2J", "10"])
        let lines = table.plain().split(separator: "\n").map(String.init)
        // Column 1 is 6 wide (Nguyễn; \e[2J is 5), column 2 is 4 (điểm).
        #expect(lines.count == 4)
        #expect(lines[0] == "  tên     điểm")
        #expect(lines[1] == "  ──────  ────")
        // Swift compares text by meaning, so the composed literal matches the decomposed cell.
        #expect(lines[2] == "  Nguyễn   9,5")
        #expect(lines[3] == "  \\e[2J     10")
    }
}
