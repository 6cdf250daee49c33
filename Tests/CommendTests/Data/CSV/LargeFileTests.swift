@testable import Commend
import Foundation
import Testing

/// Larger files: storage reserved from an estimate, many quoted line
/// breaks, lines counted across the whole file.
@Suite("Large files")
struct LargeFileTests {
    /// A members file of `rows` rows with a quoted two-line note every 97th
    /// row, and each row's line as a spreadsheet numbers it (a quoted line
    /// break does not start a row).
    private func members(rows: Int, badRows: Set<Int> = [], strayQuoteRow: Int? = nil) -> (text: String, lines: [Int]) {
        var text = "id,name,unit,rating,initiatives,disciplined,gender,note\n"
        var lines: [Int] = []
        var line = 2
        for i in 0..<rows {
            lines.append(line)
            let note = i % 97 == 0 ? "\"ghi chú, dòng một\ndòng \"\"hai\"\"\"" : "Tổ công đoàn số \(i % 13)"
            let name = i == strayQuoteRow ? "Hà \"Bé" : "Nguyễn Thị Hồng Nhung \(i)"
            let initiatives = badRows.contains(i) ? "hai" : "\(i % 5)"
            text += "M\(i),\(name),U\(i % 2 + 1),Xuất sắc,\(initiatives),có,Nữ,\(note)\n"
            line += 1
        }
        return (text, lines)
    }

    @Test("rows and lines of a larger file")
    func halves() throws {
        let (text, lines) = members(rows: 15_000)
                let d = try TempData(["units.csv": unitsCSV, "members.csv": text]).load()
        #expect(d.members.count == 15_000)
        #expect(d.members.lines == lines)
        #expect(d.members.ids == (0..<15_000).map { "M\($0)" })
        #expect(d.members["M14999", "name"] == .string("Nguyễn Thị Hồng Nhung 14999"))
        #expect(d.members["M14938", "note"] == .string("ghi chú, dòng một\ndòng \"hai\""))
        #expect(d.members["M7501", "rating"] == .string("xuat_sac"))
        #expect(d.members.row(of: "M11250") == 11_250)
    }

    @Test("problems far into a file have the lines of the whole file")
    func problemsInBothHalves() throws {
        let (text, lines) = members(rows: 15_000, badRows: [10, 14_000])
        let expected = [10, 14_000].map {
            "members.csv:\(lines[$0]): column \"initiatives\": expected an integer, found \"hai\""
        }
        #expect(try TempData(["units.csv": unitsCSV, "members.csv": text]).errors() == expected)
    }

    @Test("a stray quote inside an unquoted cell is kept as text", arguments: [5, 7_500])
    func strayQuote(_ row: Int) throws {
        let (text, lines) = members(rows: 15_000, strayQuoteRow: row)
        let d = try TempData(["units.csv": unitsCSV, "members.csv": text]).load()
        #expect(d.members.count == 15_000)
        #expect(d.members.lines == lines)
        #expect(d.members["M\(row)", "name"] == .string("Hà \"Bé"))
    }
}
