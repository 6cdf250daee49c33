@testable import CommendReports
import Foundation
import Testing

@Suite("Templates an administrator can change")
struct TemplateTests {
    @Test func aCustomTemplateReplacesTheShippedOne() throws {
        let dir = try Fixture.folder(["danh-sach-html.mustache": """
            <p>{{heading.issuer}}</p>{{#awards}}<h2>{{name}}</h2>{{#groups}}<h3>{{unit}}</h3>{{#rows}}<i>{{stt}}. {{name}}</i>{{/rows}}{{/groups}}{{/awards}}
            """])
        let html = try Fixture.text(.danhSach, .html, templates: dir)
        #expect(html == "<p>LIÊN ĐOÀN LAO ĐỘNG TỈNH THỬ NGHIỆM</p><h2>Lao động giỏi</h2>"
                + "<h3>Công đoàn &quot;Sao &amp; &lt;Mai&gt;&quot;</h3><i>1. Nguyễn Văn An</i><i>2. Trần Thị Bình</i>"
                + "<h3>Công đoàn Trạm Y tế Ba</h3><i>3. Hoàng Văn Em</i>"
                + "<h3>Công đoàn Trường Tiểu học Hai</h3><i>4. Nguyễn Văn An</i>"
                + "<h2>Tập thể tốt</h2><h3>Liên đoàn Lao động huyện Một</h3><i>1. Công đoàn &quot;Sao &amp; &lt;Mai&gt;&quot;</i>"
                + "<h3>Liên đoàn Lao động huyện Hai</h3><i>2. Công đoàn Trường Tiểu học Hai</i>")
        // The templates the folder lacks come from the shipped set.
        #expect(try Fixture.text(.baoCao, .html, templates: dir).contains("<h1>BÁO CÁO</h1>"))
    }

    @Test func exportedTemplatesRenderTheSameDocument() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("commend-templates-\(UUID().uuidString)")
        let names = try Documents.exportTemplates(to: dir)
        #expect(names.contains("danh-sach-html.mustache") && names.contains("bao-cao-md.mustache"))
        #expect(try Fixture.render(.danhSach, .html, templates: dir) == Fixture.render(.danhSach, .html))
    }

    @Test func aTemplateThatDoesNotParseNamesItsFileAndLine() throws {
        let dir = try Fixture.folder(["danh-sach-html.mustache": "<p>\n{{#awards}}\n{{name}}\n"])
        #expect {
            _ = try Fixture.render(.danhSach, .html, templates: dir)
        } throws: { error in
            "\(error)".contains("danh-sach-html.mustache:") && "\(error)".contains("template error")
        }
    }
}

@Suite("Markdown escaping")
struct MarkdownEscapingTests {
    @Test func markupInNamesStaysText() {
        let escaped = MarkdownContentType().escapeText("A | B * _c_ [d] <e> & \"f\" `g` #h \\i")
        #expect(escaped == "A \\| B \\* \\_c\\_ \\[d\\] &lt;e&gt; &amp; &quot;f&quot; \\`g\\` \\#h \\\\i")
    }
}
