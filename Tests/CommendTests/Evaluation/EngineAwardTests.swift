@testable import Commend
import Foundation
import Testing

@Suite("Engine: awards (golden)")
struct EngineAwardTests {
    static let twoCriteria = """
        award "ldg" {
          name = "Lao động giỏi", subject = "member",
          criteria = {
            { id = "rating", text = "Tốt trở lên",
              check = function(m, ctx) return m.rating == "xuat_sac" or m.rating == "tot", "xếp loại " .. tostring(m.rating) end },
            { id = "clean", text = "Không kỷ luật",
              check = function(m, ctx) return not m.disciplined, m.disciplined and "bị kỷ luật" or nil end },
          },
        }
        """

    @Test func everyCriterionIsEvaluatedWithDetails() throws {
        let rules = try engineRules(["a.lua": Self.twoCriteria])
        let data = try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs", "cluster": "C1"]), line: nil)
            // Added out of id order: results come by subject id.
            b.addMember(cells(["id": "M3", "name": "C", "unit": "U1", "rating": "xuat_sac", "disciplined": "true"]), line: nil)
            b.addMember(cells(["id": "M1", "name": "A", "unit": "U1", "rating": "tot", "disciplined": "false"]), line: nil)
            b.addMember(cells(["id": "M2", "name": "B", "unit": "U1", "rating": "hoan_thanh", "disciplined": "có"]), line: nil)
        }
        let result = try engineEvaluate(rules, data)
        let award = try #require(result.award("ldg"))
        #expect(award.results.map(\.subject) == ["M1", "M2", "M3"])

        // M1: tot and not disciplined → both pass, eligible, awarded (no quota).
        let m1 = try #require(award.outcome("M1"))
        #expect(m1.eligible && m1.awarded)
        #expect(m1.name == "A")
        #expect(m1.criteria == [
            CriterionOutcome(id: "rating", text: "Tốt trở lên", passed: true, detail: "xếp loại tot"),
            CriterionOutcome(id: "clean", text: "Không kỷ luật", passed: true, detail: nil),
        ])
        #expect(m1.quota == nil)

        // M2: hoan_thanh and disciplined → the second criterion is evaluated
        // even though the first failed; both fail with their details.
        let m2 = try #require(award.outcome("M2"))
        #expect(!m2.eligible && !m2.awarded)
        #expect(m2.failed == ["rating", "clean"])
        #expect(m2.criteria.map(\.detail) == ["xếp loại hoan_thanh", "bị kỷ luật"])

        // M3: xuat_sac but disciplined → only "clean" fails.
        let m3 = try #require(award.outcome("M3"))
        #expect(!m3.eligible && !m3.awarded)
        #expect(m3.failed == ["clean"])
    }

    @Test func appliesFiltersSubjectsOut() throws {
        let rules = try engineRules(["a.lua": """
            award "u1-only" {
              subject = "member",
              applies = function(m, ctx) return m.unit == "U1" end,
              criteria = { { id = "any", check = function(m, ctx) return true end } },
            }
            award "cdcs" {
              subject = "unit",
              applies = function(u, ctx) return u.kind == "cdcs" end,
              criteria = { { id = "any", check = function(u, ctx) return false, "never" end } },
            }
            """])
        let data = try engineData(rules) { b in
            b.addUnit(cells(["id": "P", "name": "Tỉnh", "kind": "ldld"]), line: nil)
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs", "parent": "P"]), line: nil)
            b.addUnit(cells(["id": "U2", "name": "B", "kind": "cdcs", "parent": "P"]), line: nil)
            b.addMember(cells(["id": "M1", "name": "A", "unit": "U1"]), line: nil)
            b.addMember(cells(["id": "M2", "name": "B", "unit": "U2"]), line: nil)
            b.addMember(cells(["id": "M3", "name": "C", "unit": "U1"]), line: nil)
        }
        let result = try engineEvaluate(rules, data)
        // M2 is in U2: applies is false, so it is absent (not "not eligible").
        #expect(result.award("u1-only")?.results.map(\.subject) == ["M1", "M3"])
        #expect(result.award("u1-only")?.outcome("M2") == nil)
        // P is kind ldld: absent. U1, U2 present and not eligible.
        let cdcs = try #require(result.award("cdcs"))
        #expect(cdcs.results.map(\.subject) == ["U1", "U2"])
        #expect(cdcs.results.allSatisfy { !$0.eligible && !$0.awarded && $0.failed == ["any"] })
    }

    /// Base award "ldtt" (rating not hoan_thanh) and quota award "cstd"
    /// (initiatives >= 1), share 0.15 of the ldtt holders within the unit.
    static func quotaRules(rounding: String, extra: String = "") -> String {
        """
        award "cstd" {
          subject = "member",
          criteria = { { id = "sang_kien", check = function(m, ctx) return (m.initiatives or 0) >= 1 end } },
          quota = { share = 0.15, base = "ldtt", within = "unit", rounding = "\(rounding)"\(extra),
                    order = function(m, ctx) return m.initiatives end },
        }
        award "ldtt" {
          subject = "member",
          criteria = { { id = "rating", check = function(m, ctx) return m.rating ~= "hoan_thanh" end } },
        }
        """
    }

    /// U1: M01…M20, all rating tot (20 ldtt holders), all eligible for cstd;
    /// initiatives M02 = 5, M05 = 5, M04 = 3, M10 = 3, the others 1.
    /// U2: N01…N12; N01…N10 tot (10 holders), N11, N12 hoan_thanh; initiatives
    /// N11 = 9, N03 = 4, N07 = 4, N12 = 0 (not eligible), the others 1.
    static func quotaData(_ rules: RuleSet) throws -> Dataset {
        try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs"]), line: nil)
            b.addUnit(cells(["id": "U2", "name": "B", "kind": "cdcs"]), line: nil)
            let u1: [Int: String] = [2: "5", 5: "5", 4: "3", 10: "3"]
            for i in 1...20 {
                let id = String(format: "M%02d", i)
                b.addMember(cells(["id": id, "name": id, "unit": "U1", "rating": "tot", "initiatives": u1[i] ?? "1"]), line: nil)
            }
            let u2: [Int: String] = [11: "9", 3: "4", 7: "4", 12: "0"]
            for i in 1...12 {
                let id = String(format: "N%02d", i)
                b.addMember(cells(["id": id, "name": id, "unit": "U2", "rating": i <= 10 ? "tot" : "hoan_thanh",
                                   "initiatives": u2[i] ?? "1"]), line: nil)
            }
        }
    }

    static func awarded(_ award: AwardResult, prefix: String) -> Set<String> {
        Set(award.results.filter { $0.awarded && $0.subject.hasPrefix(prefix) }.map(\.subject))
    }

    /// U1: 0.15 × 20 = 3 exactly for every rounding (ceil must not give 4).
    /// U2: 0.15 × 10 = 1.5 → floor 1, round (half up) 2, ceil 2.
    @Test(arguments: [("floor", 3, 1), ("round", 3, 2), ("ceil", 3, 2)])
    func quotaShareOfAnotherAwardWithinUnit(rounding: String, limitU1: Int, limitU2: Int) throws {
        let rules = try engineRules(["a.lua": Self.quotaRules(rounding: rounding)])
        let result = try engineEvaluate(rules, try Self.quotaData(rules))
        let cstd = try #require(result.award("cstd"))
        // cstd is declared first but its base must be evaluated before it.
        #expect(result.awards.map(\.id) == ["cstd", "ldtt"])

        // U1 order: M02(5), M05(5) [tie → id], M04(3), M10(3) [tie → id], then 1s by id.
        #expect(Self.awarded(cstd, prefix: "M") == ["M02", "M05", "M04"])
        let m10 = try #require(cstd.outcome("M10")?.quota)
        #expect(m10 == QuotaPlace(group: "U1", place: 4, eligible: 20, base: 20, limit: limitU1, order: 3))
        #expect(cstd.outcome("M10")?.eligible == true && cstd.outcome("M10")?.awarded == false)
        #expect(cstd.outcome("M05")?.quota?.place == 2)
        #expect(cstd.outcome("M01")?.quota?.place == 5) // first of the 1s by id

        // U2 order: N11(9), N03(4), N07(4), N01(1)… ; N12 not eligible.
        let expectedU2: Set<String> = limitU2 == 1 ? ["N11"] : ["N11", "N03"]
        #expect(Self.awarded(cstd, prefix: "N") == expectedU2)
        let n03 = try #require(cstd.outcome("N03")?.quota)
        #expect(n03 == QuotaPlace(group: "U2", place: 2, eligible: 11, base: 10, limit: limitU2, order: 4))
        #expect(cstd.outcome("N12")?.eligible == false)
        #expect(cstd.outcome("N12")?.quota == nil)
    }

    @Test func quotaMaxCapsTheShare() throws {
        // share gives 3 (U1) and 1 (U2); max 2 → U1 2, U2 min(1, 2) = 1.
        let rules = try engineRules(["a.lua": Self.quotaRules(rounding: "floor", extra: ", max = 2")])
        let cstd = try #require(try engineEvaluate(rules, try Self.quotaData(rules)).award("cstd"))
        #expect(Self.awarded(cstd, prefix: "M") == ["M02", "M05"])
        #expect(Self.awarded(cstd, prefix: "N") == ["N11"])
        #expect(cstd.outcome("M04")?.quota?.limit == 2)
    }

    @Test func quotaWithoutBaseCountsEligibleSubjectsInOneGroup() throws {
        // No base, no within: one group of the 31 eligible (20 + 11);
        // 0.1 × 31 = 3.1 → floor 3: N11(9), M02(5), M05(5).
        let rules = try engineRules(["a.lua": """
            award "top" {
              subject = "member",
              criteria = { { id = "sang_kien", check = function(m, ctx) return (m.initiatives or 0) >= 1 end } },
              quota = { share = 0.1, order = function(m, ctx) return m.initiatives end },
            }
            """])
        let top = try #require(try engineEvaluate(rules, try Self.quotaData(rules)).award("top"))
        #expect(Set(top.results.filter(\.awarded).map(\.subject)) == ["N11", "M02", "M05"])
        #expect(top.outcome("N11")?.quota == QuotaPlace(group: nil, place: 1, eligible: 31, base: 31, limit: 3, order: 9))
    }

    @Test func quotaMaxOnlyWithoutOrderTakesLowestIds() throws {
        let rules = try engineRules(["a.lua": """
            award "one" {
              subject = "member",
              criteria = { { id = "c", check = function(m, ctx) return m.rating == "tot" end } },
              quota = { max = 1, within = "unit" },
            }
            """])
        let one = try #require(try engineEvaluate(rules, try Self.quotaData(rules)).award("one"))
        // No order: ties everywhere, so the lowest eligible id of each unit.
        #expect(Set(one.results.filter(\.awarded).map(\.subject)) == ["M01", "N01"])
    }

    @Test func unknownPhaseIsAnEvaluationError() throws {
        let rules = try engineRules(["a.lua": Self.twoCriteria])
        let data = try engineData(rules) { _ in }
        #expect(throws: EvaluationError.self) { try engineEvaluate(rules, data, phase: "dot3") }
    }

    @Test func awardLimitedToAPhaseIsAbsentFromTheOther() throws {
        let rules = try engineRules(["a.lua": """
            award "only2" { subject = "unit", phases = { "dot2" },
              criteria = { { id = "c", check = function(u, ctx) return true end } } }
            award "both" { subject = "unit",
              criteria = { { id = "c", check = function(u, ctx) return true end } } }
            """])
        let data = try engineData(rules) { b in b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs"]), line: nil) }
        #expect(try engineEvaluate(rules, data, phase: "dot1").awards.map(\.id) == ["both"])
        #expect(try engineEvaluate(rules, data, phase: "dot2").awards.map(\.id) == ["only2", "both"])
    }
}
