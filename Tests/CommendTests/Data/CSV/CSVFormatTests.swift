@testable import Commend
import Foundation
import Testing

@Suite("CSV format")
struct CSVFormatTests {
    @Test("an Excel (Vietnamese) export: BOM, semicolons, CRLF, decimal commas, quoted line break")
    func excelFixture() throws {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
            .appendingPathComponent("excel-vn")
        let d = try DatasetLoader.load(directory: url, schema: testSchema, phases: testPhases)
        #expect(d.units.ids == ["P", "U1", "U2"])
        #expect(d.units.columns == ["name", "kind", "parent", "cluster", "fee_rate", "founded"])
        #expect(d.units["U1", "name"] == .string("CĐCS Trường THPT Ba Bể; huyện Ba Bể"))
        #expect(d.units["U1", "fee_rate"] == .number(0.85))
        #expect(d.units["U2", "fee_rate"] == .number(1))
        #expect(d.units["P", "founded"] == .string("1950-07-28"))
        #expect(d.units["P", "parent"] == nil)
        #expect(d.members.lines == [2, 3, 4])   // rows, as a spreadsheet numbers them
        #expect(d.members["M1", "rating"] == .string("xuat_sac"))
        #expect(d.members["M1", "disciplined"] == .bool(false))
        #expect(d.members["M1", "gender"] == .string("nu"))
        #expect(d.members["M2", "rating"] == .string("tot"))
        #expect(d.members["M2", "disciplined"] == .bool(true))
        #expect(d.members["M2", "note"] == .string("Tổ trưởng\r\ncông đoàn"))
        #expect(d.members["M3", "rating"] == .string("hoan_thanh"))
        #expect(d.members["M3", "disciplined"] == nil)
        #expect(d.phases["dot1"]!.members["M1", "initiatives"] == .int(3))
        #expect(d.phases["dot2"]!.members.count == 0)
        #expect(d.history == [HistoryEntry(subject: "M1", award: "lao-dong-tien-tien", year: 2019),
                              HistoryEntry(subject: "M1", award: "lao-dong-tien-tien", year: 2020)])
    }

    @Test("the separator is detected from the header", arguments: [",", ";", "\t"])
    func separators(_ separator: String) throws {
        let d = try TempData([
            "units.csv": unitsCSV.replacingOccurrences(of: ",", with: separator),
            "members.csv": membersCSV.replacingOccurrences(of: ",", with: separator),
        ]).load()
        #expect(d.members.ids == ["M1", "M2", "M3"])
        #expect(d.members["M2", "rating"] == .string("xuat_sac"))
        #expect(d.members["M1", "initiatives"] == .int(2))
        #expect(d.units["U1", "parent"] == .string("P"))
    }

    @Test("a UTF-8 byte-order mark is skipped")
    func byteOrderMark() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let d = try TempData([
            "units.csv": bom + Array(unitsCSV.utf8),
            "members.csv": bom + Array(membersCSV.utf8),
        ]).load()
        #expect(d.units.ids == ["P", "U1", "U2"])
        #expect(d.units.columns.first == "name")
    }

    @Test("CRLF line ends give the same rows and lines")
    func crlf() throws {
        let d = try TempData([
            "units.csv": unitsCSV.replacingOccurrences(of: "\n", with: "\r\n"),
            "members.csv": membersCSV.replacingOccurrences(of: "\n", with: "\r\n"),
        ]).load()
        #expect(d.members.lines == [2, 3, 4])
        #expect(d.members["M3", "gender"] == .string("nu"))
    }

    @Test("quoted cells hold separators, doubled quotes and line breaks; lines are spreadsheet rows")
    func quotedLineBreaks() throws {
        let members = #"""
            id,name,unit,rating
            M1,"An
            Nguyễn, Văn",U1,tot
            M2,"Bình ""Bé""",U1,tot
            M3,"x
            y
            z",U2,tot
            M4,Dũng,U2,tot
            """#
        let d = try TempData(["units.csv": unitsCSV, "members.csv": members]).load()
        #expect(d.members.lines == [2, 3, 4, 5])
        #expect(d.members["M1", "name"] == .string("An\nNguyễn, Văn"))
        #expect(d.members["M2", "name"] == .string("Bình \"Bé\""))
    }

    @Test("an error after a quoted line break names its spreadsheet row, not its text line")
    func lineAfterQuotedLineBreak() {
        let members = #"""
            id,name,unit,initiatives
            M1,"An
            Nguyễn",U1,1
            M2,Bình,U1,hai

            """#
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": members]).errors() ==
                ["members.csv:3: column \"initiatives\": expected an integer, found \"hai\""])
    }

    @Test("blank lines, rows of empty cells and the trailing empty line are skipped")
    func blankLines() throws {
        let members = "id,name,unit\n\nM1,An,U1\n,,\n\nM2,Bình,U1\n\n"
        let d = try TempData(["units.csv": unitsCSV, "members.csv": members]).load()
        #expect(d.members.ids == ["M1", "M2"])
        #expect(d.members.lines == [3, 6])
    }

    @Test("header names are trimmed")
    func headerTrimmed() throws {
        let d = try TempData(["units.csv": unitsCSV,
                              "members.csv": " id , name ,unit , initiatives\nM1,An,U1,3\n"]).load()
        #expect(d.members.columns == ["name", "unit", "initiatives"])
        #expect(d.members["M1", "initiatives"] == .int(3))
    }

    @Test("missing cells at the end of a row are empty")
    func fewerCells() throws {
        let d = try TempData(["units.csv": unitsCSV, "members.csv": "id,name,unit,rating,initiatives\nM1,An,U1\n"]).load()
        #expect(d.members["M1", "rating"] == nil)
        #expect(d.members["M1", "initiatives"] == nil)
        #expect(d.members.cells.count == 4)
    }

    @Test("a row with more cells than the header is an error; empty extra cells are not")
    func moreCells() {
        let members = "id,name,unit\nM1,An,U1,\nM2,Bình,U1,extra\n"
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": members]).errors() ==
                ["members.csv:3: row has 4 cells but the header has 3"])
    }

    @Test("a quoted cell that is never closed")
    func unclosedQuote() {
        let members = "id,name,unit\nM1,An,U1\nM2,\"Bình,U1\nM3,Chi,U1\n"
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": members]).errors() ==
                ["members.csv:3: a quoted cell starting on this line is not closed (missing \")"])
    }

    @Test("file names are found in any case")
    func fileNameCase() throws {
        let d = try TempData(["Units.CSV": unitsCSV, "MEMBERS.csv": membersCSV]).load()
        #expect(d.units.file == "Units.CSV")
        #expect(d.members.count == 3)
    }

    @Test("a header column named twice, and cells under a header cell left empty")
    func headerProblems() {
        let members = "id,name,unit,name,,note\nM1,An,U1,X,,a\nM2,B,U1,Y,oops,b\nM3,C,U1,Z,again,c\n"
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": members]).errors() == [
            "members.csv:1: column \"name\": appears twice in the header; the second one is ignored",
            "members.csv:3: cell 5 holds \"oops\" but its column has no name in the header",
        ])
    }

    @Test("an unnamed column with nothing in it is ignored (trailing separators)")
    func emptyUnnamedColumn() throws {
        let d = try TempData(["units.csv": unitsCSV, "members.csv": "id;name;unit;;\nM1;An;U1;;\n"]).load()
        #expect(d.members.columns == ["name", "unit"])
    }

    @Test("unexpected CSV files in the phases folder")
    func unexpectedPhaseFiles() {
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": membersCSV,
                               "phases/dot1/member.csv": "id\nM1\n",
                               "phases/dot1.csv": "id\nM1\n",
                               "phases/dot1/notes.txt": "ignored",
                               "phases/dot2/.DS_Store": "ignored"]).errors() == [
            "phases/dot1/member.csv: unexpected file; a phase folder holds units.csv and members.csv",
            "phases/dot1.csv: unexpected file; the facts of a phase go in phases/<phase>/units.csv and members.csv",
        ])
    }

    @Test("files are read in parallel, their issues reported in file order")
    func issuesInFileOrder() {
        #expect(try! TempData(["units.csv": "id,name,kind,parent,cluster,fee_rate\nU1,A,cdcs,,,x\n",
                               "members.csv": "id,name,unit,initiatives\nM1,A,U1,hai\n",
                               "history.csv": "subject,award,year\nM1,ldtt,2019x\n",
                               "phases/dot1/members.csv": "id,rating\nM1,gioi\n",
                               "phases/dot1/extra.csv": "id\n",
                               "phases/dot2/units.csv": "id,fee_rate\nU1,y\n"]).errors().map { $0.prefix(while: { $0 != ":" }) } == [
            "units.csv", "members.csv", "history.csv", "phases/dot1/extra.csv", "phases/dot1/members.csv", "phases/dot2/units.csv",
        ])
    }

    @Test("an empty file")
    func emptyFile() {
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": "\u{FEFF}\r\n"]).errors() ==
                ["members.csv: file is empty; it needs a header line"])
    }
}
