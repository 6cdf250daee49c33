@testable import Commend
import Foundation
import Testing

/// Issue 11, point 8 (and the data side of 2 and 10): data files that used
/// to block, vanish, go unchecked or be picked by directory order.
@Suite("Data: containment of hostile inputs")
struct ContainmentDataTests {
    static let units = "id,name,kind,parent,cluster\nU1,A,cdcs,,C1\n"
    static let members = "id,name,unit\nM1,An,U1\n"

    @Test func fifoNamedMembersCsvIsRefusedWithoutBlocking() throws {
        let data = try TempData(["units.csv": Self.units])
        let fifo = data.url.appendingPathComponent("members.csv")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let lines = data.errors()
        #expect(lines.contains("members.csv: cannot read the file: it is a FIFO (named pipe), not a regular file"), "\(lines)")
    }

    @Test func historyYearsMustBePlausible() throws {
        let data = try TempData(["units.csv": Self.units, "members.csv": Self.members,
                                 "history.csv": "subject,award,year\nM1,a,-2019\nM1,a,0\nM1,a,2020\n"])
        let lines = data.errors()
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.first?.hasPrefix("history.csv:2: column \"year\": -2019 is not a plausible year") == true, "\(lines)")
        #expect(lines.last?.hasPrefix("history.csv:3: column \"year\": 0 is not a plausible year") == true, "\(lines)")
    }

    @Test func historyYearGivenInCodeIsCheckedToo() throws {
        var builder = DatasetBuilder(schema: testSchema, phases: testPhases, source: "test")
        builder.addUnit(["id": .text("U1"), "name": .text("A"), "kind": .text("cdcs")], line: nil)
        builder.addHistory(subject: "U1", award: "a", year: -1)
        #expect(errors(builder).contains { $0.contains("-1 is not a plausible year") })
    }

    @Test func headerInAnotherCaseIsTheDeclaredField() throws {
        let data = try TempData(["units.csv": Self.units,
                                 "members.csv": "id,name,unit, Rating ,INITIATIVES\nM1,An,U1,gioi,2\n"])
        let lines = data.errors()
        #expect(lines == ["members.csv:2: column \"rating\": expected one of xuat_sac, tot, hoan_thanh, khong_hoan_thanh, found \"gioi\""], "\(lines)")
    }

    @Test func headerInAnotherCaseConvertsValues() throws {
        let data = try TempData(["units.csv": Self.units, "members.csv": "id,name,unit,Initiatives\nM1,An,U1,3\n"])
        let set = try data.load()
        #expect(set.members.columns.contains("initiatives"))
        #expect(set.members.value(row: 0, column: "initiatives") == .int(3))
    }

    @Test func namesThatDifferOnlyInCaseAreAmbiguous() throws {
        let data = try TempData(["units.csv": Self.units, "UNITS.csv": "id,name,kind\nX,Y,cdcs\n", "members.csv": Self.members])
        let lines = data.errors()
        #expect(lines == ["UNITS.csv: \"UNITS.csv\" and \"units.csv\" differ only in case; keep only one of them (which one is meant cannot be told)"], "\(lines)")
    }

    @Test func overlongSubjectIdIsRefused() throws {
        let id = String(repeating: "M", count: 20_000)
        let data = try TempData(["units.csv": Self.units, "members.csv": "id,name,unit\n\(id),An,U1\n"])
        let lines = data.errors()
        #expect(lines.count == 1 && lines[0].hasPrefix("members.csv:2: column \"id\": id \"MMMM"), "\(lines)")
        #expect(lines.first?.hasSuffix("is too long: 20000 bytes, at most 256 are allowed") == true, "\(lines)")
    }

    @Test func headerWithTooManyColumnsIsRefused() throws {
        let header = "id,name,unit," + (0..<40_000).map { "c\($0)" }.joined(separator: ",")
        let data = try TempData(["units.csv": Self.units, "members.csv": header + "\nM1,An,U1\n"])
        let lines = data.errors()
        #expect(lines == ["members.csv:1: the header has 40003 columns; at most 1000 are allowed"], "\(lines)")
    }
}
