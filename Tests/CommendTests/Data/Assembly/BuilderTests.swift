@testable import Commend
import Testing

@Suite("DatasetBuilder")
struct BuilderTests {
    private func builder() -> DatasetBuilder {
        var b = DatasetBuilder(schema: testSchema, phases: testPhases, source: "tests/x_test.lua:12")
        b.addUnit(["id": .text("U1"), "name": .text("CĐCS A"), "kind": .text("cdcs"), "cluster": .text("C1")], line: nil)
        return b
    }

    @Test("cells given as text or values get the conversions of files")
    func conversions() throws {
        var b = builder()
        b.addMember(["id": .text("M1"), "name": .text("An"), "unit": .text("U1"),
                     "rating": .text("Tốt"), "disciplined": .value(.bool(false)),
                     "initiatives": .value(.number(3)), "score": .value(.int(5))], line: nil)
        b.addMember(["id": .value(.string("M2")), "unit": .value(.string("U1")),
                     "disciplined": .value(.int(1)), "initiatives": .text("4"),
                     "gender": .value(.string("Nữ"))], line: nil)
        b.addPhaseFacts(phase: "dot1", kind: .member, ["id": .text("M1"), "initiatives": .value(.int(7))], line: nil)
        b.addHistory(subject: "M1", award: "lao-dong-gioi", year: 2020)
        let d = try b.build()
        #expect(d.members.columns == ["name", "unit", "disciplined", "gender", "initiatives", "rating", "score"])
        #expect(d.members["M1", "rating"] == .string("tot"))
        #expect(d.members["M1", "disciplined"] == .bool(false))
        #expect(d.members["M1", "initiatives"] == .int(3))
        #expect(d.members["M1", "score"] == .string("5"))
        #expect(d.members["M2", "disciplined"] == .bool(true))
        #expect(d.members["M2", "initiatives"] == .int(4))
        #expect(d.members["M2", "gender"] == .string("nu"))
        #expect(d.members["M2", "name"] == nil)
        #expect(d.members.lines == [0, 1])
        #expect(d.phases["dot1"]!.members["M1", "initiatives"] == .int(7))
        #expect(d.phases["dot2"]!.members.count == 0)
        #expect(d.history == [HistoryEntry(subject: "M1", award: "lao-dong-gioi", year: 2020)])
        #expect(d.units.columns == ["name", "kind", "cluster"])
    }

    @Test("problems name the source and the row")
    func messages() {
        var b = builder()
        b.addMember(["id": .text("M1"), "unit": .text("U1"), "rating": .text("giỏi")], line: 3)
        b.addMember(["id": .text("M2"), "unit": .text("U5"), "initiatives": .value(.bool(true))], line: nil)
        b.addMember(["name": .text("no id"), "unit": .text("U1")], line: nil)
        b.addPhaseFacts(phase: "dot7", kind: .unit, ["id": .text("U1")], line: nil)
        b.addHistory(["subject": .text("M1"), "award": .text("x"), "year": .text("năm ngoái")], line: nil)
        #expect(errors(b) == [
            "tests/x_test.lua:12: members[3] (id \"M1\"): column \"rating\": expected one of xuat_sac, tot, hoan_thanh, khong_hoan_thanh, found \"giỏi\"",
            "tests/x_test.lua:12: members[1] (id \"M2\"): column \"initiatives\": expected an integer, found true",
            "tests/x_test.lua:12: members[2]: column \"id\": empty id; every row needs one",
            "tests/x_test.lua:12: phases.dot7: phase \"dot7\" is not declared in the plan (declared: dot1, dot2)",
            "tests/x_test.lua:12: history[0]: column \"year\": expected an integer, found \"năm ngoái\"",
            "tests/x_test.lua:12: members[1] (id \"M2\"): column \"unit\": unit \"U5\" does not exist",
        ])
    }

    @Test("DataIssue prints path, line, column and message")
    func issueDescription() {
        #expect(DataIssue(path: "phases/dot1/members.csv", line: 8, column: "initiatives",
                          message: "expected an integer, found \"hai\"").description ==
                "phases/dot1/members.csv:8: column \"initiatives\": expected an integer, found \"hai\"")
        #expect(DataIssue(path: "members.csv", message: "file is UTF-16").description == "members.csv: file is UTF-16")
        #expect(DataError(issues: [DataIssue(path: "a", message: "b")], omitted: 1).description ==
                "a: b\n... and 1 more problem")
    }
}
