import Commend
import Foundation
import Testing

/// `--format md`: Markdown headings, paragraphs and pipe tables, with text
/// from rules and data escaped as HTML (Markdown passes raw HTML through)
/// and `|` escaped inside table cells.
@Suite("Output: Markdown")
struct MarkdownOutputTests {
    @Test("the whole report: headings, paragraphs, pipe tables with numbers aligned right, text escaped")
    func vietnamese() throws {
        let result = try OutputFixture.result()
        let text = try reportText(result, .markdown)
        let expected = """
            # Thi đua &lt;Hè&gt; &amp; &quot;Thu&quot; (p, năm 2021)

            Đợt 1 [dot1]: từ 01/01/2021 đến 30/06/2021

            mã bộ tiêu chí: \(result.rulesDigest)

            ## Giỏi &lt;&amp;&gt; &quot;A|B&quot; [gioi]

            \(OutputFixture.awardSummary)

            \(OutputFixture.tie("M5&lt;&amp;&gt;"))

            | mã | tên | nhóm | thứ tự/chỉ tiêu |
            | --- | --- | --- | ---: |
            | M2 | Chi &lt;b&gt;&amp;&quot;c&quot; | U1 | 1/1 |
            | M4 | Em | U2 | 1/1 |

            ## Chấm điểm [cd]

            chấm điểm 2 đơn vị; Tốt: 1; Đạt: 1

            | nhóm | hạng | mã | tên | tổng điểm | xếp loại |
            | --- | ---: | --- | --- | ---: | --- |
            | C&amp;1 | 1 | U2 | Tổ\\|Hai | 20 | Tốt |
            | C&amp;1 | 2 | U1 | Tổ &lt;1&gt; &amp; &quot;Một&quot; | 12,5 | Đạt |


            """
        #expect(text == expected)
    }

    @Test("every row of a table has as many cells as its header, whatever `|` the cells hold")
    func cellsStayInTheirColumns() {
        var table = TextTable(["a", "b"])
        table.add(["x|y", "|"])
        table.add(["\\", "z"])
        let lines = table.markdown().split(separator: "\n").map(String.init)
        #expect(lines == ["| a | b |", "| --- | --- |", "| x\\|y | \\| |", "| \\ | z |"])
        for line in lines {
            // Separators: `|` not escaped by a backslash.
            let unescaped = zip(" " + line, line).filter { $1 == "|" && $0 != "\\" }.count
            #expect(unescaped == 3, "\(line)")
        }
    }

    @Test("a line break or an ESC in a cell is written visibly, so it cannot end the row or reach a terminal")
    func controlCharacters() {
        var table = TextTable(["a"])
        table.add(["one\ntwo\u{1B}[2J"])
        #expect(table.markdown() == "| a |\n| --- |\n| one\\ntwo\\e[2J |\n")
    }

    @Test("English titles and sentences with --lang en")
    func english() throws {
        let text = try reportText(try OutputFixture.result(), .markdown, .en)
        #expect(text.hasPrefix("# Thi đua &lt;Hè&gt; &amp; &quot;Thu&quot; (p, 2021)\n\nĐợt 1 [dot1]: 01 Jan 2021 – 30 Jun 2021\n\n"))
        #expect(text.contains("\n5 members considered, 4 eligible, 2 awarded; quota at most 1 per unit\n\n"))
        #expect(text.contains("\n| subject | name | group | place |\n| --- | --- | --- | ---: |\n"))
        #expect(text.contains("\n| group | rank | subject | name | total | grade |\n| --- | ---: | --- | --- | ---: | --- |\n"))
        #expect(text.contains("\n| C&amp;1 | 2 | U1 | Tổ &lt;1&gt; &amp; &quot;Một&quot; | 12.5 | Đạt |\n"))
    }
}
