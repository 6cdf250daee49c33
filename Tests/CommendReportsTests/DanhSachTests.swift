import Commend
import CommendReports
import Foundation
import Testing

@Suite("Danh sách đề nghị khen thưởng: HTML and Markdown")
struct DanhSachTests {
    @Test func htmlHasTheHeadingBlockAndASignatureBlock() throws {
        let html = try Fixture.text(.danhSach, .html)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<p class=\"issuer\">LIÊN ĐOÀN LAO ĐỘNG TỈNH THỬ NGHIỆM</p>"))
        #expect(html.contains("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(html.contains("Độc lập - Tự do - Hạnh phúc"))
        #expect(html.contains("Thử Nghiệm, ngày 20 tháng 12 năm 2021"))
        #expect(html.contains("<h1>DANH SÁCH</h1>"))
        #expect(html.contains("Đề nghị khen thưởng Đợt 2"))
        #expect(html.contains("<h2>Lao động giỏi</h2>"))
        #expect(html.contains("<h2>Tập thể tốt</h2>"))
        #expect(html.contains("TM. BAN THƯỜNG VỤ"))
        #expect(html.contains("NGƯỜI LẬP BIỂU"))
        #expect(html.contains("@page { size: A4"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
    }

    @Test func everyAwardedMemberIsUnderItsUnitsNameInTheOrderOfTheTree() throws {
        let html = try Fixture.text(.danhSach, .html)
        // Huyện Một's unions (U1, then U3), then huyện Hai's (U2), numbered through the award.
        let u1 = try #require(html.offset(of: "<td class=\"c\">I</td><td colspan=\"4\">Công đoàn &quot;Sao &amp; &lt;Mai&gt;&quot;</td>"))
        let m1 = try #require(html.offset(of: "<td class=\"c\">1</td><td>Nguyễn Văn An</td><td>Chủ tịch</td>", from: u1))
        let m2 = try #require(html.offset(of: "<td class=\"c\">2</td><td>Trần Thị Bình</td><td>Giáo viên</td>", from: m1))
        let u3 = try #require(html.offset(of: "<td class=\"c\">II</td><td colspan=\"4\">Công đoàn Trạm Y tế Ba</td>", from: m2))
        let m6 = try #require(html.offset(of: "<td class=\"c\">3</td><td>Hoàng Văn Em</td><td>Bác sĩ</td>", from: u3))
        let u2 = try #require(html.offset(of: "<td class=\"c\">III</td><td colspan=\"4\">Công đoàn Trường Tiểu học Hai</td>", from: m6))
        _ = try #require(html.offset(of: "<td class=\"c\">4</td><td>Nguyễn Văn An</td><td>Giáo viên</td>", from: u2))
        // M3 ties with M2 and loses on the id; M5 is not eligible.
        #expect(!html.contains("Lê Văn Cường"))
        #expect(!html.contains("Phạm Thị Dung"))
        // Thành tích from the details of the criteria.
        #expect(html.contains("<td>Xếp loại tốt; có 3 sáng kiến</td>"))
        #expect(html.contains("Tổng số: 4 (bốn) cá nhân"))
    }

    @Test func unitsAreGroupedUnderTheUnitAboveThem() throws {
        let html = try Fixture.text(.danhSach, .html)
        let section = try #require(html.offset(of: "<h2>Tập thể tốt</h2>"))
        let d1 = try #require(html.offset(of: "<td colspan=\"3\">Liên đoàn Lao động huyện Một</td>", from: section))
        let u1 = try #require(html.offset(of: "<td>Công đoàn &quot;Sao &amp; &lt;Mai&gt;&quot;</td><td class=\"unit\">Liên đoàn Lao động huyện Một</td><td>Đạt 80 điểm</td>", from: d1))
        let d2 = try #require(html.offset(of: "<td colspan=\"3\">Liên đoàn Lao động huyện Hai</td>", from: u1))
        _ = try #require(html.offset(of: "<td>Công đoàn Trường Tiểu học Hai</td>", from: d2))
        #expect(!html[html.index(html.startIndex, offsetBy: section)...].contains("Trạm Y tế Ba</td><td>"))
        #expect(html.contains("Tổng số: 2 (hai) tập thể"))
    }

    @Test func namesAreEscapedInHTML() throws {
        let html = try Fixture.text(.danhSach, .html)
        #expect(html.contains("Công đoàn &quot;Sao &amp; &lt;Mai&gt;&quot;"))
        #expect(!html.contains("<Mai>"))
        #expect(!html.contains("Sao & "))
    }

    @Test func markdownHasTheSameStructureEscaped() throws {
        let md = try Fixture.text(.danhSach, .md)
        #expect(md.contains("**LIÊN ĐOÀN LAO ĐỘNG TỈNH THỬ NGHIỆM**"))
        #expect(md.contains("# DANH SÁCH\n"))
        #expect(md.contains("## Lao động giỏi\n"))
        #expect(md.contains("| STT | Họ và tên | Chức vụ | Đơn vị | Thành tích |"))
        let u1 = try #require(md.offset(of: "| **I** | **Công đoàn &quot;Sao &amp; &lt;Mai&gt;&quot;** |"))
        let m1 = try #require(md.offset(of: "| 1 | Nguyễn Văn An | Chủ tịch | Công đoàn &quot;Sao &amp; &lt;Mai&gt;&quot; |", from: u1))
        let u3 = try #require(md.offset(of: "| **II** | **Công đoàn Trạm Y tế Ba** |", from: m1))
        let u2 = try #require(md.offset(of: "| **III** | **Công đoàn Trường Tiểu học Hai** |", from: u3))
        _ = try #require(md.offset(of: "| 4 | Nguyễn Văn An | Giáo viên | Công đoàn Trường Tiểu học Hai |", from: u2))
        #expect(!md.contains("<Mai>"))
        #expect(md.contains("**Tổng số: 4 (bốn) cá nhân**"))
        #expect(!md.contains("Lê Văn Cường"))
    }

    @Test func englishVariant() throws {
        let html = try Fixture.text(.danhSach, .html, language: .en)
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("SOCIALIST REPUBLIC OF VIETNAM"))
        #expect(html.contains("<h1>LIST</h1>"))
        #expect(html.contains("<th>Full name</th><th>Position</th><th class=\"unit\">Unit</th><th>Achievement</th>"))
        #expect(html.contains("Total: 4 individuals"))
        #expect(html.contains("01 Jul 2021 to 31 Dec 2021"))
        #expect(!html.contains("Họ và tên"))
        #expect(!html.contains("CỘNG HOÀ"))
    }
}
