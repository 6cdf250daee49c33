@testable import Commend
import Foundation
import Testing

@Suite("Engine: cross references and ctx")
struct EngineCrossReferenceTests {
    @Test func referencesToLaterDeclarationsAndScorings() throws {
        // a.lua refers to "ldtt" and "diem", which b.lua declares later.
        let rules = try engineRules([
            "a.lua": """
                award "cstd" { subject = "member",
                  criteria = {
                    { id = "base", check = function(m, ctx) return ctx.awarded("ldtt", m.id) end },
                    { id = "streak", check = function(m, ctx)
                        return ctx.streak(m.id, "ldtt") >= 2, table.concat(ctx.history(m.id, "ldtt"), ",") end },
                  } }
                award "unit-top" { subject = "unit",
                  criteria = { { id = "rank", check = function(u, ctx)
                    return ctx.rank("diem", u.id) == 1,
                           string.format("%g #%d %s", ctx.total("diem", u.id), ctx.rank("diem", u.id), tostring(ctx.grade("diem", u.id))) end } } }
                """,
            "b.lua": """
                award "ldtt" { subject = "member",
                  criteria = { { id = "r", check = function(m, ctx) return m.rating ~= "hoan_thanh" end } } }
                scoring "diem" { subject = "unit", group = "cluster",
                  items = { { id = "x", max = 100, points = function(u, ctx) return u.fee_rate * 100 end } },
                  grades = { { min = 60, label = "Tốt" } } }
                """,
        ])
        let data = try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs", "cluster": "C1", "fee_rate": "0.5"]), line: nil)
            b.addUnit(cells(["id": "U2", "name": "B", "kind": "cdcs", "cluster": "C1", "fee_rate": "0.75"]), line: nil)
            b.addMember(cells(["id": "M1", "name": "A", "unit": "U1", "rating": "tot"]), line: nil)
            b.addMember(cells(["id": "M2", "name": "B", "unit": "U1", "rating": "xuat_sac"]), line: nil)
            b.addMember(cells(["id": "M3", "name": "C", "unit": "U1", "rating": "hoan_thanh"]), line: nil)
            // Unordered, with the plan year (2021) itself, which is not "earlier".
            for year in [2020, 2017, 2021, 2019] { b.addHistory(subject: "M1", award: "ldtt", year: year) }
            b.addHistory(subject: "M2", award: "ldtt", year: 2020)
            b.addHistory(subject: "M2", award: "other", year: 2019)
            b.addHistory(subject: "M3", award: "ldtt", year: 2019)
            b.addHistory(subject: "M3", award: "ldtt", year: 2020)
        }
        let result = try engineEvaluate(rules, data)
        #expect(result.awards.map(\.id) == ["cstd", "unit-top", "ldtt"]) // declaration order
        let cstd = try #require(result.award("cstd"))
        // M1: ldtt (tot); history 2017, 2019, 2020 (2021 excluded); streak 2020, 2019 = 2.
        #expect(cstd.outcome("M1")?.eligible == true)
        #expect(cstd.outcome("M1")?.criteria[1].detail == "2017,2019,2020")
        // M2: ldtt; streak 1 (2020 only; 2019 is another award).
        #expect(cstd.outcome("M2")?.failed == ["streak"])
        #expect(cstd.outcome("M2")?.criteria[1].detail == "2020")
        // M3: not ldtt (hoan_thanh); streak 2.
        #expect(cstd.outcome("M3")?.failed == ["base"])
        // diem: U1 50, U2 75 → U2 rank 1 grade Tốt; U1 rank 2, no grade.
        let top = try #require(result.award("unit-top"))
        #expect(top.outcome("U2")?.eligible == true)
        #expect(top.outcome("U2")?.criteria[0].detail == "75 #1 Tốt")
        #expect(top.outcome("U1")?.eligible == false)
        #expect(top.outcome("U1")?.criteria[0].detail == "50 #2 nil")
    }

    @Test func historyOfAnySubjectNotOnlyTheOneEvaluated() throws {
        // Each member asks about itself, its unit, another member and one who
        // left; "h" is an award of the plan without history (an id that is
        // neither is an error: EngineContractV2Tests).
        let rules = try engineRules(["a.lua": """
            award "h" { subject = "member",
              criteria = { { id = "c", check = function(m, ctx)
                local function h(id, award) return table.concat(ctx.history(id, award), ",") .. "/" .. ctx.streak(id, award) end
                return true, h(m.id, "ldtt") .. " " .. h(m.unit, "tt") .. " " .. h("M2", "ldtt") .. " " .. h("GONE", "ldtt")
                  .. " " .. h(m.id, "h") .. " " .. h("", "ldtt")
              end } } }
            """])
        let data = try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs"]), line: nil)
            b.addMember(cells(["id": "M1", "name": "A", "unit": "U1"]), line: nil)
            b.addMember(cells(["id": "M2", "name": "B", "unit": "U1"]), line: nil)
            for year in [2020, 2019, 2020, 2016] { b.addHistory(subject: "M1", award: "ldtt", year: year) }
            b.addHistory(subject: "M2", award: "ldtt", year: 2018)
            b.addHistory(subject: "U1", award: "tt", year: 2020)
            b.addHistory(subject: "U1", award: "tt", year: 2022)
            b.addHistory(subject: "GONE", award: "ldtt", year: 2020)
            b.addHistory(subject: "GONE", award: "ldtt", year: 2019)
        }
        let h = try #require(try engineEvaluate(rules, data).award("h"))
        #expect(h.outcome("M1")?.criteria[0].detail == "2016,2019,2020/2 2020/1 2018/0 2019,2020/2 /0 /0")
        #expect(h.outcome("M2")?.criteria[0].detail == "2018/0 2020/1 2018/0 2019,2020/2 /0 /0")
    }

    @Test func crossReferencesToAnAwardThatDoesNotApplyAreFalseOrNil() throws {
        let rules = try engineRules(["a.lua": """
            award "later" { subject = "member", phases = { "dot2" },
              criteria = { { id = "c", check = function(m, ctx) return true end } } }
            award "uses" { subject = "member",
              criteria = { { id = "c", check = function(m, ctx)
                return not ctx.awarded("later", m.id), tostring(ctx.eligible("later", m.id)) end } } }
            """])
        let data = try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs"]), line: nil)
            b.addMember(cells(["id": "M1", "name": "A", "unit": "U1"]), line: nil)
        }
        let dot1 = try #require(try engineEvaluate(rules, data, phase: "dot1").award("uses")?.outcome("M1"))
        #expect(dot1.eligible && dot1.criteria[0].detail == "false")
        let dot2 = try #require(try engineEvaluate(rules, data, phase: "dot2").award("uses")?.outcome("M1"))
        #expect(!dot2.eligible && dot2.criteria[0].detail == "true")
    }

    static let views = """
        award "view" { subject = "member",
          criteria = { { id = "phase", check = function(m, ctx)
            local other = ctx.facts(m.id, "dot2")
            return true, tostring(m.initiatives) .. "/" .. tostring(other and other.initiatives) .. "/" ..
                         ctx.phase.id .. "/" .. ctx.plan.year end } } }
        award "tree" { subject = "unit",
          criteria = {
            { id = "members", check = function(u, ctx)
                local ids = {} for _, m in ipairs(ctx.members_of(u.id)) do ids[#ids + 1] = m.id end
                return true, table.concat(ids, ",") end },
            { id = "children", check = function(u, ctx)
                local ids = {} for _, c in ipairs(ctx.children(u.id)) do ids[#ids + 1] = c.id end
                return true, table.concat(ids, ",") end },
            { id = "lookup", check = function(u, ctx)
                local m = ctx.member("M1")
                return ctx.unit("nope") == nil, m.name .. "@" .. ctx.unit(m.unit).name end },
          } }
        """

    static func viewData(_ rules: RuleSet) throws -> Dataset {
        try engineData(rules) { b in
            // Added out of id order on purpose.
            b.addUnit(cells(["id": "U2", "name": "B", "kind": "cdcs", "parent": "P"]), line: nil)
            b.addUnit(cells(["id": "P", "name": "Tỉnh", "kind": "ldld"]), line: nil)
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs", "parent": "P"]), line: nil)
            b.addMember(cells(["id": "M3", "name": "C", "unit": "U1", "initiatives": "4"]), line: nil)
            b.addMember(cells(["id": "M2", "name": "B", "unit": "U2", "initiatives": "2"]), line: nil)
            b.addMember(cells(["id": "M1", "name": "An", "unit": "U1", "initiatives": "1"]), line: nil)
            b.addPhaseFacts(phase: "dot1", kind: .member, cells(["id": "M1", "initiatives": "3"]), line: nil)
            b.addPhaseFacts(phase: "dot2", kind: .member, cells(["id": "M1", "initiatives": "7"]), line: nil)
            b.addPhaseFacts(phase: "dot2", kind: .member, cells(["id": "M3", "initiatives": ""]), line: nil)
        }
    }

    @Test func phaseFactsFactsMembersOfAndChildren() throws {
        let rules = try engineRules(["a.lua": Self.views])
        let data = try Self.viewData(rules)
        let dot1 = try engineEvaluate(rules, data, phase: "dot1")
        let view = try #require(dot1.award("view"))
        // M1: base 1, dot1 facts 3 win; dot2 facts 7.
        #expect(view.outcome("M1")?.criteria[0].detail == "3/7/dot1/2021")
        // M2: no phase facts anywhere → base value in both phases.
        #expect(view.outcome("M2")?.criteria[0].detail == "2/2/dot1/2021")
        let tree = try #require(dot1.award("tree"))
        #expect(tree.results.map(\.subject) == ["P", "U1", "U2"])
        #expect(tree.outcome("P")?.criteria.map(\.detail) == ["", "U1,U2", "An@A"])
        #expect(tree.outcome("U1")?.criteria.map(\.detail) == ["M1,M3", "", "An@A"])
        #expect(tree.outcome("U2")?.criteria.map(\.detail) == ["M2", "", "An@A"])

        let dot2 = try #require(try engineEvaluate(rules, data, phase: "dot2").award("view"))
        #expect(dot2.outcome("M1")?.criteria[0].detail == "7/7/dot2/2021")
        #expect(dot2.outcome("M2")?.criteria[0].detail == "2/2/dot2/2021")
    }

    @Test func subjectsAreReadOnly() throws {
        let rules = try engineRules(["w.lua": """
            award "w" { subject = "member",
              criteria = { { id = "c", check = function(m, ctx)
                m.rating = "xuat_sac"
                return true end } } }
            """])
        let data = try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs"]), line: nil)
            b.addMember(cells(["id": "M1", "name": "A", "unit": "U1"]), line: nil)
        }
        #expect {
            try engineEvaluate(rules, data)
        } throws: { error in
            guard let error = error as? RuleError else { return false }
            return error.kind == .script && error.description.hasPrefix("rules/w.lua:3: award \"w\", criterion \"c\", subject M1:")
        }
    }
}

@Suite("Engine: subjects seen from Lua")
struct EngineSubjectTableTests {
    @Test("pairs over a subject lists its fields; the subject stays read-only")
    func pairsOverASubject() throws {
        let rules = try engineRules([
            "plan.lua": """
                plan { id = "p", name = "P", year = 2021,
                  phases = { { id = "dot1", name = "Đợt 1", from = "2021-01-01", to = "2021-06-30" } },
                  fields = { members = { initiatives = "int" } } }
                """,
            "a.lua": """
                award "x" { subject = "member", criteria = {
                  { id = "c", check = function(m)
                      local keys = {}
                      for k, v in pairs(m) do keys[#keys + 1] = k .. "=" .. tostring(v) end
                      table.sort(keys)
                      return true, table.concat(keys, ",")
                    end } } }
                """,
        ])
        let data = try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs"]), line: nil)
            b.addMember(cells(["id": "M1", "name": "An", "unit": "U1", "initiatives": "2"]), line: nil)
        }
        let outcome = try #require(try engineEvaluate(rules, data).award("x")?.outcome("M1"))
        // Fields by hand: id, initiatives (int 2), name, unit; sorted by key.
        #expect(outcome.criteria[0].detail == "id=M1,initiatives=2,name=An,unit=U1")
    }
}
