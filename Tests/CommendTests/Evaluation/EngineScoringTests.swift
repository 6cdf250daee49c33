@testable import Commend
import Foundation
import Testing

@Suite("Engine: scorings (golden)")
struct EngineScoringTests {
    static let plan = enginePlan(units: #", a = "number", b = "number", plaques = "int", incidents = "int""#)
    static let scoring = """
        scoring "cdcs" {
          name = "Chấm điểm", subject = "unit",
          applies = function(u, ctx) return u.kind == "cdcs" end,
          group = "cluster",
          items = {
            { id = "to_chuc", text = "Tổ chức", max = 30, points = function(u, ctx) return u.a end },
            { id = "doan_phi", text = "Đoàn phí", max = 20, points = function(u, ctx) return u.b, "b=" .. string.format("%g", u.b) end },
          },
          bonus = { max = 5, points = function(u, ctx) return u.plaques end },
          penalty = { points = function(u, ctx) return (u.incidents or 0) * 5 end },
          tiebreak = { "to_chuc" },
          grades = { { min = 45, label = "Xuất sắc" }, { min = 30, label = "Khá" }, { min = 10, label = "Đạt" } },
        }
        """

    static func unit(_ id: String, cluster: String?, a: String, b: String, plaques: String = "0", incidents: String = "0")
        -> [String: DatasetBuilder.Cell] {
        var fields = ["id": id, "name": "CĐCS " + id, "kind": "cdcs", "parent": "P",
                      "a": a, "b": b, "plaques": plaques, "incidents": incidents]
        if let cluster { fields["cluster"] = cluster }
        return cells(fields)
    }

    /// Hand-computed (items clamped to [0,max], bonus to [0,5], penalty to [0,∞)):
    /// C1: U1 30(raw 34)+15+5(raw 8)−0 = 50 → rank 1, Xuất sắc
    ///     U2 20+20 = 40, to_chuc 20;  U3 20+20(raw 22) = 40, to_chuc 20 → both rank 2, Khá
    ///     U4 25+15+2−5 = 37 → rank 4, Khá
    /// C2: V1 10+20 = 30 (to_chuc 10); V2 20+10 = 30 (to_chuc 20) → tiebreak: V2 1, V1 2, both Khá
    ///     V3 0(raw −5)+5−0(raw −5) = 5 → rank 3, no grade
    /// no cluster: W1 1+1 = 2 → rank 1 of its own group, no grade.
    static func data(_ rules: RuleSet, reversed: Bool = false) throws -> Dataset {
        try engineData(rules) { b in
            var units = [
                cells(["id": "P", "name": "Tỉnh", "kind": "ldld", "a": "100", "b": "100"]),
                unit("U1", cluster: "C1", a: "34", b: "15", plaques: "8"),
                unit("U2", cluster: "C1", a: "20", b: "20"),
                unit("U3", cluster: "C1", a: "20", b: "22"),
                unit("U4", cluster: "C1", a: "25", b: "15", plaques: "2", incidents: "1"),
                unit("V1", cluster: "C2", a: "10", b: "20"),
                unit("V2", cluster: "C2", a: "20", b: "10"),
                unit("V3", cluster: "C2", a: "-5", b: "5", incidents: "-1"),
                unit("W1", cluster: nil, a: "1", b: "1"),
            ]
            if reversed { units.reverse() }
            for u in units { b.addUnit(u, line: nil) }
        }
    }

    @Test func clampingBonusPenaltyRanksAndGrades() throws {
        let rules = try engineRules(["s.lua": Self.scoring], plan: Self.plan)
        let result = try engineEvaluate(rules, try Self.data(rules))
        let s = try #require(result.scoring("cdcs"))
        // P (kind ldld) does not apply.
        #expect(s.outcome("P") == nil)
        #expect(s.results.count == 8)

        func check(_ id: String, _ group: String?, total: Double, rank: Int, grade: String?,
                   bonus: Double, penalty: Double, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            guard let o = s.outcome(id) else { Issue.record("no outcome for \(id)", sourceLocation: sourceLocation); return }
            #expect(o.group == group, sourceLocation: sourceLocation)
            #expect(o.total == total, sourceLocation: sourceLocation)
            #expect(o.rank == rank, "\(id) rank", sourceLocation: sourceLocation)
            #expect(o.grade == grade, sourceLocation: sourceLocation)
            #expect(o.bonus == bonus, sourceLocation: sourceLocation)
            #expect(o.penalty == penalty, sourceLocation: sourceLocation)
        }
        check("U1", "C1", total: 50, rank: 1, grade: "Xuất sắc", bonus: 5, penalty: 0)
        check("U2", "C1", total: 40, rank: 2, grade: "Khá", bonus: 0, penalty: 0)
        check("U3", "C1", total: 40, rank: 2, grade: "Khá", bonus: 0, penalty: 0)
        check("U4", "C1", total: 37, rank: 4, grade: "Khá", bonus: 2, penalty: 5)
        check("V2", "C2", total: 30, rank: 1, grade: "Khá", bonus: 0, penalty: 0)
        check("V1", "C2", total: 30, rank: 2, grade: "Khá", bonus: 0, penalty: 0)
        check("V3", "C2", total: 5, rank: 3, grade: nil, bonus: 0, penalty: 0)
        check("W1", nil, total: 2, rank: 1, grade: nil, bonus: 0, penalty: 0)

        // Item clamping keeps the raw value.
        let u1 = try #require(s.outcome("U1"))
        #expect(u1.items[0] == ItemOutcome(id: "to_chuc", text: "Tổ chức", points: 30, raw: 34, max: 30, detail: nil))
        #expect(u1.items[1] == ItemOutcome(id: "doan_phi", text: "Đoàn phí", points: 15, raw: 15, max: 20, detail: "b=15"))
        #expect(u1.bonusRaw == 8)
        #expect(s.outcome("U3")?.items[1].points == 20 && s.outcome("U3")?.items[1].raw == 22)
        #expect(s.outcome("V3")?.items[0].points == 0 && s.outcome("V3")?.items[0].raw == -5)
        #expect(s.outcome("V3")?.penaltyRaw == -5)

        // Order: by group, then rank, then subject id (ungrouped W1 placed by the engine's convention).
        #expect(s.results.filter { $0.group != nil }.map(\.subject) == ["U1", "U2", "U3", "U4", "V2", "V1", "V3"])
    }

    @Test func rowOrderDoesNotMatterForScoring() throws {
        let rules = try engineRules(["s.lua": Self.scoring], plan: Self.plan)
        let a = try engineJSON(try engineEvaluate(rules, try Self.data(rules)))
        let b = try engineJSON(try engineEvaluate(rules, try Self.data(rules, reversed: true)))
        #expect(a == b)
    }

    @Test func bonusWithoutMaxIsUnbounded() throws {
        let rules = try engineRules(["s.lua": """
            scoring "s" {
              items = { { id = "x", max = 10, points = function(u, ctx) return 3 end } },
              bonus = { points = function(u, ctx) return 100 end },
            }
            """], plan: Self.plan)
        let data = try engineData(rules) { b in b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs"]), line: nil) }
        let o = try #require(try engineEvaluate(rules, data).scoring("s")?.outcome("U1"))
        // 3 + 100 = 103; no group field → group nil, rank 1, no grades → nil.
        #expect(o.total == 103 && o.bonus == 100 && o.rank == 1 && o.group == nil && o.grade == nil)
    }
}
