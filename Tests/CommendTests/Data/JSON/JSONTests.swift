@testable import Commend
import Foundation
import Testing

@Suite("data.json")
struct JSONTests {
    static let json = """
        {
          "units": [
            {"id": "P", "name": "LĐLĐ tỉnh Bắc Kạn", "kind": "ldld", "parent": null, "cluster": ""},
            {"id": "U1", "name": "CĐCS Trường A", "kind": "cdcs", "parent": "P", "cluster": "C1"},
            {"id": "U2", "name": "CĐCS Trường B", "kind": "cdcs", "parent": "P", "cluster": "C1"}
          ],
          "members": [
            {"id": "M1", "name": "An", "unit": "U1", "rating": "tot", "initiatives": 2, "disciplined": false, "gender": "nam"},
            {"id": "M2", "name": "Bình", "unit": "U1", "rating": "Xuất sắc", "initiatives": "0", "disciplined": 0, "gender": "nu"},
            {"id": "M3", "name": "Chi", "unit": "U2", "rating": "hoan_thanh", "initiatives": null, "gender": "nu"}
          ],
          "phases": {"dot1": {"members": [{"id": "M1", "initiatives": 5}], "units": []}},
          "history": [{"subject": "M1", "award": "lao-dong-tien-tien", "year": 2020}]
        }
        """

    /// Every row as id → (column → value), which CSV and JSON must agree on.
    private func content(_ rows: SubjectRows) -> [String: [String: Value]] {
        var result: [String: [String: Value]] = [:]
        for (row, id) in rows.ids.enumerated() { result[id] = rows.fields(row: row) }
        return result
    }

    @Test("data.json gives the same dataset as the CSV files")
    func equivalence() throws {
        let csv = try TempData(["units.csv": unitsCSV, "members.csv": membersCSV,
                                "phases/dot1/members.csv": "id,initiatives\nM1,5\n",
                                "history.csv": "subject,award,year\nM1,lao-dong-tien-tien,2020\n"]).load()
        let json = try TempData(["data.json": Self.json]).load()
        #expect(json.units.ids == csv.units.ids)
        #expect(json.members.ids == csv.members.ids)
        #expect(content(json.units) == content(csv.units))
        #expect(content(json.members) == content(csv.members))
        #expect(Set(json.phases.keys) == Set(csv.phases.keys))
        for phase in testPhases {
            #expect(content(json.phases[phase]!.members) == content(csv.phases[phase]!.members))
            #expect(content(json.phases[phase]!.units) == content(csv.phases[phase]!.units))
        }
        #expect(json.history == csv.history)
        #expect(json.members.file == "data.json")
        #expect(json.members.lines == [0, 1, 2])
        #expect(json.members.origin == .list(section: "members"))
        #expect(json.members.location(row: 1) == "data.json: members[1] (id \"M2\")")
        #expect(csv.members.location(row: 1) == "members.csv:3")
    }

    private func jsonErrors(_ text: String) -> [String] {
        try! TempData(["data.json": text]).errors()
    }

    @Test("rows are named by list and index")
    func rowMessages() {
        let text = """
            {"units": [{"id": "U1", "name": "A", "kind": "cdcs"},
                       {"id": "U2", "name": "B", "kind": "cdcs", "founded": "2021-02-30", "parent": "U9"}],
             "members": [{"id": "M1", "name": "An", "unit": "U9", "initiatives": 2.5},
                         {"id": "M2", "name": "B", "unit": "U1", "rating": ["tot"]},
                         {"id": "M1", "name": "C", "unit": "U1"}],
             "phases": {"dot1": {"members": [{"id": "M9"}]}, "dot3": {}},
             "history": [{"subject": "M1", "award": "x", "year": "2020a"}]}
            """
        #expect(jsonErrors(text) == [
            "data.json: members[1] (id \"M2\"): column \"rating\": expected a text, a number or true/false, found an array",
            "data.json: units[1] (id \"U2\"): column \"founded\": expected a date YYYY-MM-DD or dd/mm/yyyy, found \"2021-02-30\" (no such day)",
            "data.json: members[0] (id \"M1\"): column \"initiatives\": expected an integer, found 2.5",
            "data.json: phases.dot3: phase \"dot3\" is not declared in the plan (declared: dot1, dot2)",
            "data.json: history[0]: column \"year\": expected an integer, found \"2020a\"",
            "data.json: units[1] (id \"U2\"): column \"parent\": unit \"U9\" does not exist",
            "data.json: members[2] (id \"M1\"): duplicate id \"M1\" (first at members[0])",
            "data.json: members[0] (id \"M1\"): column \"unit\": unit \"U9\" does not exist",
            "data.json: phases.dot1.members[0] (id \"M9\"): member \"M9\" does not exist",
        ])
    }

    @Test("the structure of data.json is checked")
    func structure() {
        #expect(jsonErrors("[1, 2]") == ["data.json: expected an object with \"units\" and \"members\", found an array"])
        #expect(jsonErrors("{\"units\": [], \"people\": []}") == [
            "data.json: missing \"members\"; data.json needs \"units\" and \"members\"",
            "data.json: unknown key \"people\" (expected units, members, phases, history)",
        ])
        #expect(jsonErrors("{\"units\": {}, \"members\": [3]}") == [
            "data.json: members[0]: expected an object, found a number",
            "data.json: units: expected an array, found an object",
        ])
        let invalid = jsonErrors("{\"units\": [}")
        #expect(invalid.count == 1)
        #expect(invalid[0].hasPrefix("data.json: invalid JSON"))
    }

    @Test("a byte-order mark and decomposed text in data.json")
    func bomAndNFC() throws {
        let text = "\u{FEFF}{\"units\": [{\"id\": \"U1\", \"name\": \"Tru\u{031B}o\u{031B}\u{0300}ng\", \"kind\": \"cdcs\"}], \"members\": []}"
        let d = try TempData(["data.json": text]).load()
        #expect(d.units["U1", "name"] == .string("Trường"))
        if case .string(let s)? = d.units["U1", "name"] { #expect(Array(s.utf8) == Array("Trường".utf8)) }
    }
}
