import Commend
import CommendReports
import Foundation
import Testing

@Suite("Báo cáo sơ kết / tổng kết")
struct BaoCaoTests {
    @Test func htmlHasEveryPartOfTheReport() throws {
        let html = try Fixture.text(.baoCao, .html)
        #expect(html.contains("<h1>BÁO CÁO</h1>"))
        #expect(html.contains("Tổng kết Đợt 2"))   // the plan's last phase
        for heading in ["I. TỔNG QUAN", "II. KẾT QUẢ THEO HÌNH THỨC KHEN THƯỞNG", "III. KẾT QUẢ THEO ĐỊA BÀN, NGÀNH",
                        "IV. CHẤM ĐIỂM, XẾP HẠNG THI ĐUA", "V. ĐỦ ĐIỀU KIỆN NHƯNG NGOÀI CHỈ TIÊU",
                        "VI. SO SÁNH VỚI CÙNG KỲ NĂM TRƯỚC"] {
            #expect(html.contains("<h2>\(heading)</h2>"), "\(heading)")
        }
        // 6 members, 3 grassroots unions; eligible M1 M2 M3 M4 M6 U1 U2; awarded M1 M2 M4 M6 U1 U2.
        #expect(html.contains("Xét 6 đoàn viên và 3 tập thể theo 2 hình thức khen thưởng: đủ điều kiện 7 lượt, đề nghị khen thưởng 6 lượt (4 cá nhân, 2 tập thể)."))
        #expect(html.contains("<tr><td>Lao động giỏi</td><td class=\"n\">6</td><td class=\"n\">5</td><td class=\"n\">4</td><td>tối đa 2, trong mỗi đơn vị</td></tr>"))
        #expect(html.contains("Chưa có kho kết quả đã ghi"))
        // Self-contained: inline CSS and SVG, nothing fetched, no script.
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("url(") && !html.contains("@import"))
        #expect(html.contains("@page { size: A4"))
    }

    @Test func countsPerDistrict() throws {
        let html = try Fixture.text(.baoCao, .html)
        let section = try #require(html.offset(of: "<h3>Lao động giỏi</h3>"))
        // Huyện Một: M1 M2 M3 (U1) and M6 (U3), all eligible, M3 left out; huyện Hai: M4 M5, M4 eligible and awarded.
        let one = try #require(html.offset(of: "<tr><td>Liên đoàn Lao động huyện Một</td><td class=\"n\">4</td><td class=\"n\">4</td><td class=\"n\">3</td></tr>", from: section))
        _ = try #require(html.offset(of: "<tr><td>Liên đoàn Lao động huyện Hai</td><td class=\"n\">2</td><td class=\"n\">1</td><td class=\"n\">1</td></tr>", from: one))
    }

    @Test func clusterRankingsWithABarChart() throws {
        let html = try Fixture.text(.baoCao, .html)
        let c1 = try #require(html.offset(of: "Cụm, khối thi đua: C1"))
        // U2: 95 + 3 bonus = 98, rank 1; U1: 80, rank 2.
        let first = try #require(html.offset(of: "<tr><td class=\"c\">1</td><td>Công đoàn Trường Tiểu học Hai</td><td class=\"n\">95</td><td class=\"n\">3</td><td class=\"n\"><b>98</b></td><td>Xuất sắc</td></tr>", from: c1))
        let second = try #require(html.offset(of: "<tr><td class=\"c\">2</td><td>Công đoàn &quot;Sao &amp; &lt;Mai&gt;&quot;</td><td class=\"n\">80</td><td class=\"n\">0</td><td class=\"n\"><b>80</b></td><td>Đạt</td></tr>", from: first))
        let svg = try #require(html.offset(of: "<svg xmlns=\"http://www.w3.org/2000/svg\"", from: second))
        let c2 = try #require(html.offset(of: "Cụm, khối thi đua: C2", from: svg))
        let chart = String(html[html.index(html.startIndex, offsetBy: svg)..<html.index(html.startIndex, offsetBy: c2)])
        #expect(chart.occurrences(of: "<rect class=\"bar\"") == 2)
        // Bars scale to the best total (98 → 300 units wide, 80 → 244.9).
        #expect(chart.contains("width=\"300\" height=\"14\""))
        #expect(chart.contains("width=\"244.9\" height=\"14\""))
    }

    @Test func quotaLeftOutAndTheTieAtTheCutOff() throws {
        let html = try Fixture.text(.baoCao, .html)
        #expect(html.contains("<tr><td>Lê Văn Cường</td><td>Công đoàn &quot;Sao &amp; &lt;Mai&gt;&quot;</td><td>Công đoàn &quot;Sao &amp; &lt;Mai&gt;&quot;</td><td class=\"n\">3</td><td class=\"n\">2</td><td class=\"n\">2</td></tr>"))
        #expect(html.contains("<h3>Bằng nhau tại ngưỡng chỉ tiêu</h3>"))
        #expect(html.contains("<tr><td>Lao động giỏi</td><td>Công đoàn &quot;Sao &amp; &lt;Mai&gt;&quot;</td><td class=\"n\">2</td><td class=\"n\">2</td><td class=\"n\">2</td><td>Trần Thị Bình (M2)</td><td>Lê Văn Cường (M3)</td></tr>"))
    }

    @Test func changeAgainstThePreviousYear() throws {
        // Last year M6 was rated "kha" and U1 scored 60: Lao động giỏi 4 eligible, 3 awarded
        // (M1, M2, M4); Tập thể tốt 1 and 1 (U2). This year 5 and 4, 2 and 2.
        var lastYear = Fixture.data
        lastYear["phases/dot2/members.csv"] = "id,rating,initiatives\nM1,tot,3\nM2,tot,2\nM3,tot,2\nM4,tot,1\nM5,kha,0\nM6,kha,5\n"
        lastYear["phases/dot2/units.csv"] = "id,score\nU1,60\nU2,95\nU3,60\n"
        let previous = try Fixture.load(data: lastYear).result
        let now = try Fixture.load()
        let html = String(decoding: try Documents.render(now.result, data: now.dataset,
                                                         request: DocumentRequest(kind: .baoCao, previous: previous)), as: UTF8.self)
        #expect(!html.contains("Chưa có kho kết quả đã ghi"))
        #expect(html.contains("So sánh với Đợt 2 năm 2021 (kết quả chính thức đã ghi) và Đợt 2 năm 2021:"))
        #expect(html.contains("<tr><td>Lao động giỏi</td><td class=\"n\">4</td><td class=\"n\">3</td><td class=\"n\">5</td><td class=\"n\">4</td><td class=\"n\">+1</td></tr>"))
        #expect(html.contains("<tr><td>Tập thể tốt</td><td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">2</td><td class=\"n\">2</td><td class=\"n\">+1</td></tr>"))
    }

    @Test func markdownReport() throws {
        let md = try Fixture.text(.baoCao, .md)
        #expect(md.contains("# BÁO CÁO\n"))
        #expect(md.contains("## IV. CHẤM ĐIỂM, XẾP HẠNG THI ĐUA\n"))
        #expect(md.contains("| 1 | Công đoàn Trường Tiểu học Hai | 95 | 3 | **98** | Xuất sắc |"))
        #expect(md.contains("| Lao động giỏi | Công đoàn &quot;Sao &amp; &lt;Mai&gt;&quot; | 2 | 2 | 2 | Trần Thị Bình (M2) | Lê Văn Cường (M3) |"))
        #expect(!md.contains("<Mai>"))
    }

    @Test func firstPhaseIsASoKet() throws {
        let html = try Fixture.text(.baoCao, .html, phase: "dot1")
        #expect(html.contains("Sơ kết Đợt 1"))
        #expect(html.contains("Không có ai đủ điều kiện mà ngoài chỉ tiêu."))
    }

    @Test func englishReport() throws {
        let html = try Fixture.text(.baoCao, .html, language: .en)
        #expect(html.contains("<h2>IV. SCORING AND RANKING</h2>"))
        #expect(html.contains("6 members and 3 collectives considered for 2 forms of commendation: 7 eligible, 6 proposed (4 individuals, 2 collectives)."))
        #expect(html.contains("Year-end review, Đợt 2"))
    }
}
