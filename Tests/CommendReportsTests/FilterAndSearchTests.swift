import Commend
import CommendReports
import Foundation
import Testing

@Suite("Filters, ties at a quota cut-off, and finding a subject by name")
struct FilterAndSearchTests {
    @Test func unitKeepsItsSubtree() throws {
        let loaded = try Fixture.load()
        let d1 = try ResultFilter(unit: "D1").apply(to: loaded.result, data: loaded.dataset)
        #expect(d1.award("lao-dong-gioi")?.results.map(\.subject) == ["M1", "M2", "M3", "M6"])
        #expect(d1.award("tap-the-tot")?.results.map(\.subject) == ["U1", "U3"])
        #expect(d1.scoring("cham-diem")?.results.map(\.subject) == ["U1", "U3"])
        let u2 = try ResultFilter(unit: "U2").apply(to: loaded.result, data: loaded.dataset)
        #expect(u2.award("lao-dong-gioi")?.results.map(\.subject) == ["M4", "M5"])
    }

    @Test func awardAndAwardedOnly() throws {
        let loaded = try Fixture.load()
        let one = try ResultFilter(award: "tap-the-tot").apply(to: loaded.result, data: loaded.dataset)
        #expect(one.awards.map(\.id) == ["tap-the-tot"] && one.scorings.isEmpty)
        let scoring = try ResultFilter(award: "cham-diem").apply(to: loaded.result, data: loaded.dataset)
        #expect(scoring.awards.isEmpty && scoring.scorings.map(\.id) == ["cham-diem"])
        // In the first phase nobody has a rating: no award is received.
        let first = try Fixture.load(phase: "dot1")
        let awarded = try ResultFilter(awardedOnly: true).apply(to: first.result, data: first.dataset)
        #expect(awarded.awards.isEmpty)
        #expect(throws: EvaluationError.self) { try ResultFilter(unit: "X9").apply(to: loaded.result, data: loaded.dataset) }
        #expect(throws: EvaluationError.self) { try ResultFilter(award: "x").apply(to: loaded.result, data: loaded.dataset) }
    }

    @Test func reportKeepsTheUnitsSubtree() throws {
        let html = try Fixture.text(.danhSach, .html, filter: ResultFilter(unit: "D2"))
        #expect(html.contains("Phạm vi: Liên đoàn Lao động huyện Hai"))
        #expect(html.contains("<td>Nguyễn Văn An</td><td>Giáo viên</td>"))
        #expect(!html.contains("Chủ tịch") && !html.contains("Trần Thị Bình") && !html.contains("Hoàng Văn Em"))
        #expect(html.contains("Tổng số: 1 (một) cá nhân"))
        let report = try Fixture.text(.baoCao, .md, filter: ResultFilter(award: "lao-dong-gioi", awardedOnly: true))
        #expect(!report.contains("Tập thể tốt") && !report.contains("Lê Văn Cường (M3) |\n| Lê Văn Cường"))
        #expect(!report.contains("| Lê Văn Cường | "))   // no list of those left out
    }

    @Test func tieAtTheCutOff() throws {
        let loaded = try Fixture.load()
        let ties = try #require(loaded.result.award("lao-dong-gioi")).cutoffTies
        #expect(ties.count == 1)
        let tie = try #require(ties.first)
        #expect(tie.group == "U1" && tie.limit == 2 && tie.order == 2)
        #expect(tie.awarded.map(\.id) == ["M2"] && tie.leftOut.map(\.id) == ["M3"])
        #expect(tie.awarded.first?.place == 2 && tie.leftOut.first?.place == 3)
        #expect(Wording(.en)(tie.message()).contains("broken by subject id (ascending): awarded Trần Thị Bình (M2); left out Lê Văn Cường (M3)"))
        #expect(Wording(.vi)(tie.message()) == "bằng nhau tại ngưỡng chỉ tiêu trong nhóm U1: 2 người đủ điều kiện cùng giá trị xếp thứ tự 2 "
                + "tranh suất cuối trong 2 suất; phân định theo mã đối tượng tăng dần: được khen Trần Thị Bình (M2); ngoài chỉ tiêu Lê Văn Cường (M3)")
    }

    @Test func findsSubjectsByIdOrName() throws {
        let loaded = try Fixture.load()
        let search = SubjectSearch(data: loaded.dataset, phase: "dot2")
        #expect(search.find("M3").map(\.id) == ["M3"])
        let two = search.find("nguyễn văn  an")
        #expect(two.map(\.id) == ["M1", "M4"])
        #expect(two.map(\.unitName) == [Fixture.unitName, "Công đoàn Trường Tiểu học Hai"])
        #expect(search.find("Trần Thị Bình").map(\.id) == ["M2"])
        // No whole name fits: a part of names does.
        #expect(search.find("bình").map(\.id) == ["M2"])
        #expect(search.find("Trạm Y tế").map { "\($0.id) \($0.kind)" } == ["U3 unit"])
        #expect(search.find("Không Có Ai").isEmpty)
        // A decomposed (NFD) spelling finds the composed name.
        #expect(search.find("Trần Thị Bình".decomposedStringWithCanonicalMapping).map(\.id) == ["M2"])
    }
}
