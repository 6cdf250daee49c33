@testable import Commend
import Foundation
import Testing

/// Promises of RULES.md version 2 that the engine keeps.
@Suite("Engine: contract version 2")
struct EngineContractV2Tests {
    @Test func membersOfAndChildrenFollowThePhaseValues() throws {
        // In dot2, M1 moves from U1 to U2 and U2 moves from P to U1.
        let rules = try engineRules(["a.lua": """
            award "where" { subject = "unit",
              criteria = { { id = "c", check = function(u, ctx)
                local ms, cs = {}, {}
                for _, m in ipairs(ctx.members_of(u.id)) do ms[#ms + 1] = m.id end
                for _, c in ipairs(ctx.children(u.id)) do cs[#cs + 1] = c.id end
                return true, table.concat(ms, ",") .. "|" .. table.concat(cs, ",") .. "|" .. tostring(u.parent)
              end } } }
            """])
        let data = try engineData(rules) { b in
            b.addUnit(cells(["id": "P", "name": "P", "kind": "ldld"]), line: nil)
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs", "parent": "P"]), line: nil)
            b.addUnit(cells(["id": "U2", "name": "B", "kind": "cdcs", "parent": "P"]), line: nil)
            b.addMember(cells(["id": "M1", "name": "An", "unit": "U1"]), line: nil)
            b.addMember(cells(["id": "M2", "name": "Bình", "unit": "U1"]), line: nil)
            b.addPhaseFacts(phase: "dot2", kind: .member, cells(["id": "M1", "unit": "U2"]), line: nil)
            b.addPhaseFacts(phase: "dot2", kind: .unit, cells(["id": "U2", "parent": "U1"]), line: nil)
        }
        func details(_ phase: String) throws -> [String?] {
            let award = try #require(try engineEvaluate(rules, data, phase: phase).award("where"))
            return ["P", "U1", "U2"].map { award.outcome($0)?.criteria.first?.detail }
        }
        #expect(try details("dot1") == ["|U1,U2|nil", "M1,M2||P", "||P"])
        #expect(try details("dot2") == ["|U1|nil", "M2|U2|P", "M1||U1"])
    }

    /// The message of the rule error that evaluating `files` throws, or "no error".
    static func ruleError(_ files: [String: String], jobs: Int = 1) throws -> String {
        let rules = try engineRules(files)
        let data = try EngineErrorTests.oneMember(rules)
        do {
            _ = try engineEvaluate(rules, data, jobs: jobs)
            return "no error"
        } catch let error as RuleError {
            return error.description
        }
    }

    static let module = ["lib/m.lua": "local M = { limit = 5, seen = {} }\nreturn M\n"]

    @Test func assigningIntoAModuleAfterLoadingStopsTheRun() throws {
        let message = try Self.ruleError(Self.module.merging(["a.lua": """
            local m = require "lib.m"
            award "a" { subject = "member",
              criteria = { { id = "c", check = function(s)
                m.limit = 99
                return true end } } }
            """]) { a, _ in a })
        #expect(message.contains("rules/a.lua:4:"), "\(message)")
        #expect(message.contains("cannot assign \"limit\" in module \"lib.m\""), "\(message)")
    }

    @Test func aTableInsideAModuleCarriesNothingBetweenSubjects() throws {
        let message = try Self.ruleError(Self.module.merging(["a.lua": """
            award "a" { subject = "member",
              criteria = { { id = "c", check = function(s)
                local m = require "lib.m"
                m.seen[s.id] = true
                return true end } } }
            """]) { a, _ in a })
        #expect(message.contains("rules/a.lua:4:"), "\(message)")
        #expect(message.contains("cannot assign \"M1\" in module \"lib.m\""), "\(message)")
    }

    @Test func assigningAGlobalAfterLoadingStopsTheRun() throws {
        let message = try Self.ruleError(["a.lua": """
            count = 0
            award "a" { subject = "member",
              criteria = { { id = "c", check = function(s)
                count = count + 1
                return true end } } }
            """])
        #expect(message.contains("rules/a.lua:4:"), "\(message)")
        #expect(message.contains("cannot assign global \"count\""), "\(message)")
    }

    @Test func pcallCannotCatchAnAssignmentIntoAModule() throws {
        let message = try Self.ruleError(Self.module.merging(["a.lua": """
            local m = require "lib.m"
            award "a" { subject = "member",
              criteria = { { id = "c", check = function(s)
                local ok = pcall(function() m.limit = 99 end)
                return not ok end } } }
            """]) { a, _ in a }, jobs: 2)
        #expect(message.contains("rules/a.lua:4:"), "\(message)")
        #expect(message.contains("cannot assign \"limit\" in module \"lib.m\""), "\(message)")
    }

    @Test func aFileLocalTableCarriesNothingBetweenSubjects() throws {
        // Without the freeze, u.k counts the calls: odd subjects pass, even
        // ones fail, and what a subject gets depends on the order and --jobs.
        let message = try Self.ruleError(["a.lua": """
            local box = { {} }
            local function get() return box[1] end
            award "a" { subject = "member",
              criteria = { { id = "c", check = function(s)
                local u = get() u.k = (u.k or 0) + 1
                return u.k % 2 == 1 end } } }
            """], jobs: 2)
        #expect(message.contains("rules/a.lua:5:"), "\(message)")
        #expect(message.contains("cannot assign \"k\" in local \"box\""), "\(message)")
    }

    @Test func fileLocalTablesStillRead() throws {
        let rules = try engineRules(["a.lua": """
            local LIMITS = { tot = 2, xuat_sac = 1 }
            local function limit(r) return LIMITS[r] end
            award "a" { subject = "member",
              criteria = { { id = "c", check = function(s) return true, tostring(limit("tot")) .. "," .. #{ LIMITS } end } } }
            """])
        let result = try engineEvaluate(rules, try EngineErrorTests.oneMember(rules))
        #expect(result.award("a")?.outcome("M1")?.criteria.first?.detail == "2,1")
    }

    @Test func nextSeesWhatFrozenTablesHold() throws {
        // Frozen globals, modules and file locals keep their contents for `next`:
        // next(t) == nil still tests emptiness, `for k, v in next, t` still iterates.
        let rules = try engineRules(["lib/m.lua": "return { a = 1 }\n", "a.lua": """
            local m = require "lib.m"
            local L = { x = 1 }
            G = { y = 2 }
            award "a" { subject = "member",
              criteria = { { id = "c", check = function(s)
                local n = 0
                for _ in next, L do n = n + 1 end
                local ok, e = pcall(function() local r = next(nil) return r end)
                return true, tostring(next(L)) .. tostring(next(G)) .. tostring(next(m)) .. n .. tostring(next({})) .. " " .. e end } } }
            """])
        let result = try engineEvaluate(rules, try EngineErrorTests.oneMember(rules))
        #expect(result.award("a")?.outcome("M1")?.criteria.first?.detail
            == "xya1nil rules/a.lua:8: bad argument #1 to 'next' (table expected, got nil)")
    }

    @Test func frozenTablesStillReadIterateAndCount() throws {
        let rules = try engineRules(["lib/m.lua": "return { list = { 3, 4 }, name = \"x\" }\n", "a.lua": """
            local m = require "lib.m"
            TOTALS = { a = 1 }
            award "a" { subject = "member",
              criteria = { { id = "c", check = function(s)
                local keys = {}
                for k in pairs(m) do keys[#keys + 1] = k end
                table.sort(keys)
                local sum = 0
                for _, v in ipairs(m.list) do sum = sum + v end
                return true, table.concat(keys, ",") .. " " .. #m.list .. " " .. sum .. " " .. TOTALS.a .. " " .. m.name end } } }
            """])
        let result = try engineEvaluate(rules, try EngineErrorTests.oneMember(rules))
        #expect(result.award("a")?.outcome("M1")?.criteria.first?.detail == "list,name 2 7 1 x")
    }

    @Test func aMisspeltFieldStopsTheRunWithTheNearestName() throws {
        // `culture_family` is a column of dot2's file only: read as nil in dot1. `culture_famly` is nowhere.
        let files = ["a.lua": """
            award "a" { subject = "member",
              criteria = {
                { id = "ok", check = function(m) return m.culture_family == nil and m.initiatives == nil end },
                { id = "typo", check = function(m)
                    return m.culture_famly == true end } } }
            """]
        let rules = try engineRules(files)
        let data = try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs"]), line: nil)
            b.addMember(cells(["id": "M1", "name": "An", "unit": "U1"]), line: nil)
            b.addPhaseFacts(phase: "dot2", kind: .member, cells(["id": "M1", "culture_family": "x"]), line: nil)
        }
        #expect {
            try engineEvaluate(rules, data)
        } throws: { error in
            let text = "\(error)"
            return text.contains("rules/a.lua:5:") && text.contains("subject M1")
                && text.contains("member has no field \"culture_famly\"")
                && text.contains("(did you mean \"culture_family\"?)")
        }
    }

    @Test func declaredFieldsAndBuiltInsReadAsNil() throws {
        // `initiatives` is declared but no data has it; `cluster` is built in for units.
        let rules = try engineRules(["a.lua": """
            award "a" { subject = "unit",
              criteria = { { id = "c", check = function(u, ctx)
                local m = ctx.member("M1")
                return u.cluster == nil and m.initiatives == nil and u.fee_rate == nil end } } }
            """])
        let data = try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs"]), line: nil)
            b.addMember(cells(["id": "M1", "name": "An", "unit": "U1"]), line: nil)
        }
        #expect(try engineEvaluate(rules, data).award("a")?.outcome("U1")?.eligible == true)
    }

    @Test func aFieldOfTheOtherKindReadsAsNil() throws {
        // RULES.md §2.4 errs only on a name that the plan does not declare and no data
        // file has: `fee_rate` is declared for units and `kind` is a column of the units,
        // so a member reading them reads nil; a unit reading the members' `unit` column too.
        let rules = try engineRules(["a.lua": """
            award "a" { subject = "member",
              criteria = { { id = "c", check = function(m, ctx)
                local u = ctx.unit(m.unit)
                return m.fee_rate == nil and m.kind == nil and u.unit == nil end } } }
            """])
        let data = try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs"]), line: nil)
            b.addMember(cells(["id": "M1", "name": "An", "unit": "U1"]), line: nil)
        }
        #expect(try engineEvaluate(rules, data).award("a")?.outcome("M1")?.eligible == true)
    }

    @Test func historyAndStreakOfAnUnknownAwardAreErrors() throws {
        for call in ["ctx.history(m.id, \"lao-dong-gioii\")", "ctx.streak(m.id, \"lao-dong-gioii\")"] {
            let message = try Self.ruleError(["a.lua": """
                award "lao-dong-gioi" { subject = "member",
                  criteria = { { id = "c", check = function(m, ctx)
                    return #(\(call) or {}) >= 0 end } } }
                """])
            #expect(message.contains("rules/a.lua:3:"), "\(message)")
            #expect(message.contains("unknown award \"lao-dong-gioii\""), "\(message)")
            #expect(message.contains("did you mean \"lao-dong-gioi\""), "\(message)")
        }
        // An award of the plan without history, and ones only the history has, are fine.
        let rules = try engineRules(["a.lua": """
            award "a" { subject = "member",
              criteria = { { id = "c", check = function(m, ctx)
                return #ctx.history(m.id, "a") == 0 and ctx.streak(m.id, "co-thi-dua") == 1
                  and #ctx.history(m.id, "moi") == 0 end } } }
            """])
        let data = try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs"]), line: nil)
            b.addMember(cells(["id": "M1", "name": "An", "unit": "U1"]), line: nil)
            b.addHistory(subject: "M1", award: "co-thi-dua", year: 2020)
            b.addHistory(subject: "M1", award: "moi", year: 2021)   // the plan's year: not an earlier one
        }
        #expect(try engineEvaluate(rules, data).award("a")?.outcome("M1")?.eligible == true)
    }

    @Test func withinClusterOnAMemberAwardUsesTheUnitsCluster() throws {
        // One place per cluster: C1 holds U1 and U2, C2 holds U3.
        let rules = try engineRules(["a.lua": """
            award "a" { subject = "member",
              criteria = { { id = "c", check = function(m) return true end } },
              quota = { max = 1, within = "cluster", order = function(m) return m.initiatives end } }
            """])
        let data = try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs", "cluster": "C1"]), line: nil)
            b.addUnit(cells(["id": "U2", "name": "B", "kind": "cdcs", "cluster": "C1"]), line: nil)
            b.addUnit(cells(["id": "U3", "name": "C", "kind": "cdcs", "cluster": "C2"]), line: nil)
            b.addMember(cells(["id": "M1", "name": "An", "unit": "U1", "initiatives": "1"]), line: nil)
            b.addMember(cells(["id": "M2", "name": "Bình", "unit": "U2", "initiatives": "3"]), line: nil)
            b.addMember(cells(["id": "M3", "name": "Chi", "unit": "U3", "initiatives": "0"]), line: nil)
        }
        let award = try #require(try engineEvaluate(rules, data).award("a"))
        #expect(award.results.map(\.awarded) == [false, true, true])
        #expect(award.results.map { $0.quota?.group } == ["C1", "C1", "C2"])
        #expect(award.results.map { $0.quota?.place } == [2, 1, 1])
        // No warning that "cluster" is not a member field.
        #expect(!rules.warnings.contains { $0.message.contains("quota within") })
    }
}
