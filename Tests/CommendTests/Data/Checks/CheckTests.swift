@testable import Commend
import Foundation
import Testing

@Suite("Checks on the data")
struct CheckTests {
    @Test("duplicate unit ids name the first occurrence")
    func duplicateUnits() {
        let units = unitsCSV + "U1,Again,cdcs,P,C1\n"
        #expect(try! TempData(["units.csv": units, "members.csv": membersCSV]).errors() ==
                ["units.csv:5: duplicate id \"U1\" (first on line 3)"])
    }

    @Test("duplicate member ids")
    func duplicateMembers() {
        let members = membersCSV + "M1,Again,U1\nM1,Thrice,U2\n"
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": members]).errors() == [
            "members.csv:5: duplicate id \"M1\" (first on line 2)",
            "members.csv:6: duplicate id \"M1\" (first on line 2)",
        ])
    }

    @Test("duplicate ids within one phase file")
    func duplicatePhaseRows() {
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": membersCSV,
                               "phases/dot1/members.csv": "id,initiatives\nM1,1\nM2,1\nM1,2\n"]).errors() ==
                ["phases/dot1/members.csv:4: duplicate id \"M1\" (first on line 2)"])
    }

    @Test("a member whose unit does not exist")
    func unknownUnit() {
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": membersCSV + "M4,Dũng,U9\n"]).errors() ==
                ["members.csv:5: column \"unit\": unit \"U9\" does not exist"])
    }

    @Test("a member without a unit")
    func emptyUnit() {
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": membersCSV + "M4,Dũng,\n"]).errors() ==
                ["members.csv:5: column \"unit\": empty; every member needs a unit"])
    }

    @Test("a parent that does not exist")
    func unknownParent() {
        #expect(try! TempData(["units.csv": unitsCSV + "U3,CĐCS C,cdcs,U99,C1\n", "members.csv": membersCSV]).errors() ==
                ["units.csv:5: column \"parent\": unit \"U99\" does not exist"])
    }

    @Test("cycles of parents name every unit in them, once per cycle")
    func cycles() {
        let units = """
            id,name,kind,parent
            E,Outside,cdcs,A
            A,A,cdcs,B
            B,B,cdcs,C
            C,C,cdcs,A
            D,D,cdcs,D
            F,F,cdcs,G
            G,G,cdcs,F

            """
        #expect(try! TempData(["units.csv": units, "members.csv": "id,name,unit\n"]).errors() == [
            "units.csv:3: column \"parent\": cycle of parents: A → B → C → A",
            "units.csv:6: column \"parent\": cycle of parents: D → D",
            "units.csv:7: column \"parent\": cycle of parents: F → G → F",
        ])
    }

    @Test("a phase folder for a phase the plan does not declare")
    func undeclaredPhase() {
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": membersCSV,
                               "phases/dot3/members.csv": "id,initiatives\nM1,1\n"]).errors() ==
                ["phases/dot3: phase \"dot3\" is not declared in the plan (declared: dot1, dot2)"])
    }

    @Test("phase rows of subjects that do not exist")
    func unknownPhaseRows() {
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": membersCSV,
                               "phases/dot1/members.csv": "id,initiatives\nM1,1\nM9,1\n",
                               "phases/dot2/units.csv": "id,fee_rate\nU9,1\n"]).errors() == [
            "phases/dot1/members.csv:3: member \"M9\" does not exist",
            "phases/dot2/units.csv:2: unit \"U9\" does not exist",
        ])
    }

    @Test("a phase row that sets unit or parent to an unknown id is checked like a base row")
    func phaseHierarchyReferences() {
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": membersCSV,
                               "phases/dot1/members.csv": "id,unit\nM1,U2\nM2,U7\n",
                               "phases/dot2/units.csv": "id,parent\nU1,\nU2,P9\n"]).errors() == [
            "phases/dot1/members.csv:3: column \"unit\": unit \"U7\" does not exist",
            "phases/dot2/units.csv:3: column \"parent\": unit \"P9\" does not exist",
        ])
    }

    @Test("a phase row that makes a cycle of parents on the merged data")
    func phaseHierarchyCycles() {
        // Base: P ← U1, P ← U2. In dot2, P's parent becomes U2: P → U2 → P.
        // A phase cycle is named at the phase row that closes it; dot1 changes nothing.
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": membersCSV,
                               "phases/dot1/units.csv": "id,parent\nU1,U2\n",
                               "phases/dot2/units.csv": "id,fee_rate,parent\nU1,1,\nP,1,U2\n"]).errors() == [
            "phases/dot2/units.csv:3: column \"parent\": cycle of parents: P → U2 → P",
        ])
    }

    @Test("a phase value that does not fit its type (the example of RULES.md §3)")
    func phaseValueType() {
        var members = "id,name,unit\n"
        var phase = "id,initiatives\n"
        for i in 1...7 {
            members += "M\(i),Name \(i),U1\n"
            phase += i == 7 ? "M7,hai\n" : "M\(i),\(i)\n"
        }
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": members,
                               "phases/dot1/members.csv": phase]).errors() ==
                ["phases/dot1/members.csv:8: column \"initiatives\": expected an integer, found \"hai\""])
    }

    @Test("phase facts are typed and every declared phase is present")
    func phaseFacts() throws {
        let d = try TempData(["units.csv": unitsCSV, "members.csv": membersCSV,
                              "phases/dot1/members.csv": "id,initiatives,rating,extra\nM2,5,Tốt,a\n",
                              "phases/dot1/units.csv": "id,fee_rate\nU1,0.5\n"]).load()
        let dot1 = try #require(d.phases["dot1"])
        #expect(dot1.members.ids == ["M2"])
        #expect(dot1.members.columns == ["initiatives", "rating", "extra"])
        #expect(dot1.members["M2", "initiatives"] == .int(5))
        #expect(dot1.members["M2", "rating"] == .string("tot"))
        #expect(dot1.members["M2", "extra"] == .string("a"))
        #expect(dot1.units["U1", "fee_rate"] == .number(0.5))
        #expect(dot1.members.file == "phases/dot1/members.csv")
        let dot2 = try #require(d.phases["dot2"])
        #expect(dot2.members.count == 0 && dot2.units.count == 0)
        #expect(d.members["M2", "initiatives"] == .int(0))
    }

    @Test("history: years must be integers, and every cell is needed")
    func history() {
        let history = "subject,award,year\nM1,lao-dong-tien-tien,2020a\nM1,lao-dong-tien-tien,\nM1,lao-dong-tien-tien,2019\n"
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": membersCSV, "history.csv": history]).errors() == [
            "history.csv:2: column \"year\": expected an integer, found \"2020a\"",
            "history.csv:3: column \"year\": empty; every history row needs a subject, an award and a year",
        ])
    }

    @Test("missing base files")
    func missingFiles() {
        #expect(try! TempData(["members.csv": membersCSV]).errors() ==
                ["units.csv: file not found; a data directory needs units.csv and members.csv (or one data.json)"])
        #expect(try! TempData(["notes.txt": "x"]).errors() == [
            "units.csv: file not found; a data directory needs units.csv and members.csv (or one data.json)",
            "members.csv: file not found; a data directory needs units.csv and members.csv (or one data.json)",
        ])
    }

    @Test("data.json beside CSV files")
    func jsonAndCSV() {
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": membersCSV, "data.json": "{}"]).errors() == [
            "data.json: the data directory has both data.json and CSV data (units.csv, members.csv); keep only one of them",
        ])
    }

    @Test("a missing required column is reported at line 1")
    func missingColumn() {
        #expect(try! TempData(["units.csv": "id,name,parent\nU1,A,\n", "members.csv": "id,unit\nM1,U1\n"]).errors() == [
            "units.csv:1: missing column \"kind\"",
            "members.csv:1: missing column \"name\"",
        ])
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": membersCSV,
                               "phases/dot1/units.csv": "code,fee_rate\nU1,1\n"]).errors() ==
                ["phases/dot1/units.csv:1: missing column \"id\""])
    }

    @Test("an empty id")
    func emptyId() {
        #expect(try! TempData(["units.csv": unitsCSV, "members.csv": membersCSV + " ,Dũng,U1\n"]).errors() ==
                ["members.csv:5: column \"id\": empty id; every row needs one"])
    }

    @Test("every problem is reported, in file order")
    func allProblems() {
        let units = unitsCSV + "U3,C,cdcs,U99,C1,extra\nU1,Again,cdcs,P,C1\n"
        let members = """
            id,name,unit,rating,initiatives,disciplined
            M1,An,U1,gioi,1,0
            M2,Bình,U7,tot,hai,maybe
            M1,Chi,U1,tot,1,0

            """
        #expect(try! TempData(["units.csv": units, "members.csv": members,
                               "phases/dot9/units.csv": "id\nU1\n"]).errors() == [
            "units.csv:5: row has 6 cells but the header has 5",
            "members.csv:2: column \"rating\": expected one of xuat_sac, tot, hoan_thanh, khong_hoan_thanh, found \"gioi\"",
            "members.csv:3: column \"initiatives\": expected an integer, found \"hai\"",
            "members.csv:3: column \"disciplined\": expected true/false, 1/0, yes/no, có/không or x, found \"maybe\"",
            "phases/dot9: phase \"dot9\" is not declared in the plan (declared: dot1, dot2)",
            "units.csv:6: duplicate id \"U1\" (first on line 3)",
            "units.csv:5: column \"parent\": unit \"U99\" does not exist",
            "members.csv:4: duplicate id \"M1\" (first on line 2)",
            "members.csv:3: column \"unit\": unit \"U7\" does not exist",
        ])
    }

    @Test("up to 50 problems are listed, then a count of the rest")
    func cap() throws {
        var members = "id,name,unit,initiatives\n"
        for i in 1...60 { members += "M\(i),N,U1,x\n" }
        let data = try TempData(["units.csv": unitsCSV, "members.csv": members])
        do {
            _ = try data.load()
            Issue.record("no error")
        } catch let error as DataError {
            #expect(error.issues.count == 50)
            #expect(error.omitted == 10)
            let lines = error.description.components(separatedBy: "\n")
            #expect(lines.count == 51)
            #expect(lines[0] == "members.csv:2: column \"initiatives\": expected an integer, found \"x\"")
            #expect(lines[49] == "members.csv:51: column \"initiatives\": expected an integer, found \"x\"")
            #expect(lines[50] == "... and 10 more problems")
            #expect(error.issues[0] == DataIssue(path: "members.csv", line: 2, column: "initiatives",
                                                 message: "expected an integer, found \"x\""))
        }
    }

    @Test("a data directory that does not exist")
    func noDirectory() {
        let url = URL(fileURLWithPath: "/nonexistent/commend-data")
        #expect(throws: DataError.self) {
            try DatasetLoader.load(directory: url, schema: testSchema, phases: testPhases)
        }
    }
}
