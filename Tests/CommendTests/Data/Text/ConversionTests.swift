@testable import Commend
import Foundation
import Testing

@Suite("Field conversion")
struct ConversionTests {
    private func member(_ header: String, _ cells: String) throws -> SubjectRows {
        try TempData(["units.csv": unitsCSV, "members.csv": "id,name,unit,\(header)\nM1,An,U1,\(cells)\n"]).load().members
    }

    private func memberErrors(_ header: String, _ cells: String) -> [String] {
        try! TempData(["units.csv": unitsCSV, "members.csv": "id,name,unit,\(header)\nM1,An,U1,\(cells)\n"]).errors()
    }

    @Test("integers: optional sign and digits only")
    func integers() throws {
        let m = try member("initiatives,x", "+3,-2")
        #expect(m["M1", "initiatives"] == .int(3))
        #expect(m["M1", "x"] == .string("-2"))
        #expect(try member("initiatives", " 7 ")["M1", "initiatives"] == .int(7))
        #expect(memberErrors("initiatives", "hai") ==
                ["members.csv:2: column \"initiatives\": expected an integer, found \"hai\""])
        #expect(memberErrors("initiatives", "3.0") ==
                ["members.csv:2: column \"initiatives\": expected an integer, found \"3.0\""])
    }

    @Test("numbers: decimal point; a decimal comma in ;-separated files")
    func numbers() throws {
        let units = "id;name;kind;fee_rate\nU1;A;cdcs;12,5\nU2;B;cdcs;0.25\nU3;C;cdcs;-3\nU4;D;cdcs;1e3\n"
        let d = try TempData(["units.csv": units, "members.csv": "id;name;unit\n"]).load()
        #expect(d.units["U1", "fee_rate"] == .number(12.5))
        #expect(d.units["U2", "fee_rate"] == .number(0.25))
        #expect(d.units["U3", "fee_rate"] == .number(-3))
        #expect(d.units["U4", "fee_rate"] == .number(1000))
    }

    @Test("a decimal comma is not an integer")
    func decimalCommaInteger() {
        let members = "id;name;unit;initiatives\nM1;An;U1;12,5\n"
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": members]).errors() ==
                ["members.csv:2: column \"initiatives\": expected an integer, found \"12,5\""])
    }

    @Test("a decimal comma is not read in comma-separated files")
    func decimalCommaWithCommas() {
        let units = "id,name,kind,fee_rate\nU1,A,cdcs,\"12,5\"\nU2,B,cdcs,abc\n"
        #expect(try! TempData(["units.csv": units, "members.csv": "id,name,unit\n"]).errors() == [
            "units.csv:2: column \"fee_rate\": expected a number, found \"12,5\"",
            "units.csv:3: column \"fee_rate\": expected a number, found \"abc\"",
        ])
    }

    @Test("bool spellings, any case", arguments: [
        ("true", true), ("FALSE", false), ("1", true), ("0", false), ("yes", true), ("No", false),
        ("có", true), ("CÓ", true), ("Có", true), ("không", false), ("KHÔNG", false), ("Không", false),
        ("x", true), ("X", true),
    ])
    func bools(_ text: String, _ expected: Bool) throws {
        #expect(try member("disciplined", text)["M1", "disciplined"] == .bool(expected))
    }

    @Test("an empty bool is nil; other words are errors")
    func boolErrors() throws {
        #expect(try member("disciplined", "")["M1", "disciplined"] == nil)
        #expect(memberErrors("disciplined", "maybe") == [
            "members.csv:2: column \"disciplined\": expected true/false, 1/0, yes/no, có/không or x, found \"maybe\"",
        ])
    }

    @Test("dates: ISO YYYY-MM-DD and a real day")
    func dates() throws {
        let units = """
            id,name,kind,founded
            U1,A,cdcs,2020-02-29
            U2,B,cdcs,2021-02-29
            U3,C,cdcs,30-01-2021
            U4,D,cdcs,2021-13-01
            U5,E,cdcs,2021-04-31

            """
        #expect(try! TempData(["units.csv": units, "members.csv": "id,name,unit\n"]).errors() == [
            "units.csv:3: column \"founded\": expected a date YYYY-MM-DD or dd/mm/yyyy, found \"2021-02-29\" (no such day)",
            "units.csv:4: column \"founded\": expected a date YYYY-MM-DD or dd/mm/yyyy, found \"30-01-2021\"",
            "units.csv:5: column \"founded\": expected a date YYYY-MM-DD or dd/mm/yyyy, found \"2021-13-01\" (no such day)",
            "units.csv:6: column \"founded\": expected a date YYYY-MM-DD or dd/mm/yyyy, found \"2021-04-31\" (no such day)",
        ])
        let ok = try TempData(["units.csv": "id,name,kind,founded\nU1,A,cdcs,2020-02-29\n",
                               "members.csv": "id,name,unit\n"]).load()
        #expect(ok.units["U1", "founded"] == .string("2020-02-29"))
    }

    @Test("dates as Vietnamese spreadsheets write them: dd/mm/yyyy and d/m/yyyy, given as YYYY-MM-DD")
    func vietnameseDates() throws {
        let units = """
            id,name,kind,founded
            U1,A,cdcs,30/06/2021
            U2,B,cdcs,3/2/2021
            U3,C,cdcs,29/02/2020

            """
        let d = try TempData(["units.csv": units, "members.csv": "id,name,unit\n"]).load()
        #expect(d.units["U1", "founded"] == .string("2021-06-30"))
        #expect(d.units["U2", "founded"] == .string("2021-02-03"))   // day first: 3 February
        #expect(d.units["U3", "founded"] == .string("2020-02-29"))
        let bad = "id,name,kind,founded\nU1,A,cdcs,31/06/2021\nU2,B,cdcs,06/30/2021\nU3,C,cdcs,1/1/21\n"
        #expect(try! TempData(["units.csv": bad, "members.csv": "id,name,unit\n"]).errors() == [
            "units.csv:2: column \"founded\": expected a date YYYY-MM-DD or dd/mm/yyyy, found \"31/06/2021\" (no such day)",
            "units.csv:3: column \"founded\": expected a date YYYY-MM-DD or dd/mm/yyyy, found \"06/30/2021\" (no such day)",
            "units.csv:4: column \"founded\": expected a date YYYY-MM-DD or dd/mm/yyyy, found \"1/1/21\"",
        ])
    }

    @Test("a date needs exactly two slashes between three non-empty parts of digits")
    func slashedDatesOutOfShape() {
        let cells = ["1//2021", "/1/2021", "1/2/2021/", "1/2/3/2021", "1/2", "a/2/2021", "123/1/2021", "1/2/20x1"]
        let rows = cells.enumerated().map { "U\($0.offset + 1),A,cdcs,\($0.element)" }.joined(separator: "\n")
        let units = "id,name,kind,founded\n" + rows + "\n"
        let expected = cells.enumerated().map {
            "units.csv:\($0.offset + 2): column \"founded\": expected a date YYYY-MM-DD or dd/mm/yyyy, found \"\($0.element)\""
        }
        #expect(try! TempData(["units.csv": units, "members.csv": "id,name,unit\n"]).errors() == expected)
    }

    @Test("enum values match after folding case, diacritics and separators", arguments: [
        "xuat_sac", "Xuất sắc", "XUẤT SẮC", "xuat sac", "Xuat-Sac", "  xuất   sắc ",
        "Xua\u{0302}\u{0301}t sa\u{0306}\u{0301}c", // decomposed (NFD), as macOS writes it
    ])
    func enumFolding(_ text: String) throws {
        #expect(try member("rating", "\"\(text)\"")["M1", "rating"] == .string("xuat_sac"))
    }

    @Test("đ folds to d, and the listed spelling is stored")
    func enumStroke() throws {
        let schema = FieldSchema(members: ["ky_luat": .enumeration(["khien_trach", "canh_cao", "ha_bac_luong"]),
                                           "loai": .enumeration(["Đạt", "Không đạt"])])
        let d = try TempData(["units.csv": unitsCSV,
                              "members.csv": "id,name,unit,ky_luat,loai\nM1,An,U1,Cảnh cáo,KHÔNG ĐẠT\nM2,B,U1,,dat\n"])
            .load(schema: schema)
        #expect(d.members["M1", "ky_luat"] == .string("canh_cao"))
        #expect(d.members["M1", "loai"] == .string("Không đạt"))
        #expect(d.members["M2", "loai"] == .string("Đạt"))
        #expect(d.members["M2", "ky_luat"] == nil)
    }

    @Test("an enum value that is not listed")
    func enumError() {
        #expect(memberErrors("rating", "giỏi") == [
            "members.csv:2: column \"rating\": expected one of xuat_sac, tot, hoan_thanh, khong_hoan_thanh, found \"giỏi\"",
        ])
    }

    @Test("text is normalised to NFC: cells, ids and header names")
    func nfc() throws {
        let nfdName = "Nguye\u{0302}\u{0303}n Thi\u{0323} Ha\u{0300}" // Nguyễn Thị Hà, decomposed
        let nfdHeader = "ghi_chu\u{0301}" // ghi_chú
        let d = try TempData(["units.csv": unitsCSV,
                              "members.csv": "id,name,unit,\(nfdHeader)\nMo\u{0302}1,\(nfdName),U1,x\n"]).load()
        let name = d.members.value(row: 0, column: "name")
        #expect(name == .string("Nguyễn Thị Hà"))
        if case .string(let s)? = name { #expect(Array(s.utf8) == Array("Nguyễn Thị Hà".utf8)) }
        #expect(d.members.columns.contains("ghi_chú"))
        #expect(Array(d.members.columns[2].utf8) == Array("ghi_chú".utf8))
        #expect(d.members.row(of: "Mô1") == 0)
        #expect(d.members.row(of: "Mo\u{0302}1") == 0)
    }

    @Test("undeclared columns are strings, also standard ones")
    func undeclared() throws {
        let d = try TempData(["units.csv": unitsCSV, "members.csv": "id,name,unit,score\nM1,An,U1,12\n"]).load()
        #expect(d.members["M1", "score"] == .string("12"))
        #expect(d.units["U1", "cluster"] == .string("C1"))
    }

    @Test("repeated long strings share one storage")
    func interning() throws {
        let cluster = "Cụm thi đua các trường học huyện Ba Bể"
        let units = "id,name,kind,cluster\nU1,A,cdcs,\(cluster)\nU2,B,cdcs,\(cluster)\n"
        let d = try TempData(["units.csv": units, "members.csv": "id,name,unit\n"]).load()
        func address(_ v: Value?) -> UnsafeRawPointer? {
            guard case .string(let s)? = v else { return nil }
            return s.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
        }
        #expect(d.units["U1", "cluster"] == .string(cluster))
        #expect(address(d.units["U1", "cluster"]) != nil)
        #expect(address(d.units["U1", "cluster"]) == address(d.units["U2", "cluster"]))
    }
}
