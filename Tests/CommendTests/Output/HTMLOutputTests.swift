import Commend
import Foundation
import Testing

/// `--format html`: one document, every tag closed, text from rules and data
/// escaped so that a name cannot open a tag or an entity.
@Suite("Output: HTML")
struct HTMLOutputTests {
    @Test("the document's head, headings and tables, names and ids escaped")
    func vietnamese() throws {
        let text = try reportText(try OutputFixture.result(), .html)
        #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">\n<head><meta charset=\"utf-8\">"
                               + "<title>Thi đua &lt;Hè&gt; &amp; &quot;Thu&quot; – Đợt 1</title>\n"))
        #expect(text.hasSuffix("</body>\n</html>\n"))
        #expect(text.contains("<body>\n<h1>Thi đua &lt;Hè&gt; &amp; &quot;Thu&quot; (p, năm 2021)</h1>\n"
                              + "<p>Đợt 1 [dot1]: từ 01/01/2021 đến 30/06/2021</p>\n"))
        #expect(text.contains("<h2>Giỏi &lt;&amp;&gt; &quot;A|B&quot; [gioi]</h2>\n"
                              + "<p>\(OutputFixture.awardSummary)</p>\n"
                              + "<p>\(OutputFixture.tie("M5&lt;&amp;&gt;"))</p>\n"))
        #expect(text.contains("""
            <table>
            <thead><tr><th>mã</th><th>tên</th><th>nhóm</th><th>thứ tự/chỉ tiêu</th></tr></thead>
            <tbody>
            <tr><td>M2</td><td>Chi &lt;b&gt;&amp;&quot;c&quot;</td><td>U1</td><td class="n">1/1</td></tr>
            <tr><td>M4</td><td>Em</td><td>U2</td><td class="n">1/1</td></tr>
            </tbody>
            </table>

            """))
        #expect(text.contains("""
            <h2>Chấm điểm [cd]</h2>
            <p>chấm điểm 2 đơn vị; Tốt: 1; Đạt: 1</p>
            <table>
            <thead><tr><th>nhóm</th><th>hạng</th><th>mã</th><th>tên</th><th>tổng điểm</th><th>xếp loại</th></tr></thead>
            <tbody>
            <tr><td>C&amp;1</td><td class="n">1</td><td>U2</td><td>Tổ|Hai</td><td class="n">20</td><td>Tốt</td></tr>
            <tr><td>C&amp;1</td><td class="n">2</td><td>U1</td><td>Tổ &lt;1&gt; &amp; &quot;Một&quot;</td><td class="n">12,5</td><td>Đạt</td></tr>
            </tbody>
            </table>

            """))
    }

    @Test("well-formed in both languages: every tag closed in order, no raw < > \" or bare & in text")
    func wellFormed() throws {
        let result = try OutputFixture.result()
        for language in [Language.vi, .en] {
            let text = try reportText(result, .html, language)
            #expect(HTMLShape.problems(text).isEmpty, "\(language): \(HTMLShape.problems(text))")
            #expect(HTMLShape.tags(text).filter { $0 == "body" }.count == 1)
        }
        // The check itself notices what an unescaped name would do.
        #expect(!HTMLShape.problems("<p>Chi <b>&\"c\"</p>").isEmpty)
        #expect(!HTMLShape.problems("<p>a &amp b</p>").isEmpty)
        #expect(!HTMLShape.problems("<table><tr></table>").isEmpty)
    }

    @Test("English: the document says lang=\"en\" and the tables have English titles")
    func english() throws {
        let text = try reportText(try OutputFixture.result(), .html, .en)
        #expect(text.contains("<html lang=\"en\">"))
        #expect(text.contains("<thead><tr><th>subject</th><th>name</th><th>group</th><th>place</th></tr></thead>"))
        #expect(text.contains("<p>5 members considered, 4 eligible, 2 awarded; quota at most 1 per unit</p>"))
        #expect(text.contains("<td class=\"n\">12.5</td>"))
    }
}

/// A small structural check of the HTML the report writes: tags balance
/// (void `meta` aside), and text between tags holds no `<`, `>` or `"` and
/// no `&` that does not start one of the entities the escaper writes.
enum HTMLShape {
    static let void: Set<String> = ["meta"]
    static let entities = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]

    /// The names of the opening tags, in order.
    static func tags(_ html: String) -> [String] {
        pieces(html).compactMap { if case .open(let name) = $0 { name } else { nil } }
    }

    /// What is wrong, in words; empty when the document is well-formed.
    static func problems(_ html: String) -> [String] {
        var open: [String] = []
        var found: [String] = []
        for piece in pieces(html) {
            switch piece {
            case .open(let name):
                if !void.contains(name) { open.append(name) }
            case .close(let name):
                if open.last == name { open.removeLast() } else { found.append("</\(name)> closes <\(open.last ?? "nothing")>") }
            case .text(let text):
                if text.contains(where: { $0 == ">" || $0 == "\"" }) { found.append("raw > or \" in \(text)") }
                var rest = Substring(text)
                while let amp = rest.firstIndex(of: "&") {
                    let tail = rest[amp...]
                    if !entities.contains(where: { tail.hasPrefix($0) }) { found.append("bare & in \(text)") }
                    rest = rest[rest.index(after: amp)...]
                }
            case .broken(let what):
                found.append(what)
            }
        }
        if !open.isEmpty { found.append("never closed: \(open)") }
        return found
    }

    enum Piece { case open(String), close(String), text(String), broken(String) }

    /// Tags and the text between them; `<!DOCTYPE ...>` is skipped.
    static func pieces(_ html: String) -> [Piece] {
        var out: [Piece] = []
        var rest = Substring(html)
        while !rest.isEmpty {
            guard let lt = rest.firstIndex(of: "<") else {
                out.append(.text(String(rest)))
                break
            }
            if lt > rest.startIndex { out.append(.text(String(rest[..<lt]))) }
            guard let gt = rest[lt...].firstIndex(of: ">") else {
                out.append(.broken("unterminated tag"))
                break
            }
            let inside = rest[rest.index(after: lt)..<gt]
            rest = rest[rest.index(after: gt)...]
            if inside.hasPrefix("!DOCTYPE") { continue }
            let closing = inside.hasPrefix("/")
            let name = String((closing ? inside.dropFirst() : inside).prefix { $0.isLetter || $0.isNumber })
            guard !name.isEmpty, !inside.contains("<") else {
                out.append(.broken("not a tag: <\(inside)>"))
                continue
            }
            out.append(closing ? .close(name) : .open(name))
        }
        return out
    }
}
