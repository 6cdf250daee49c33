@testable import Commend
import Foundation
import PropertyBased
import Testing

@Suite("Engine: properties")
struct EnginePropertyTests {
    /// Awarded per group never exceeds the limit, equals min(limit, eligible),
    /// and is exactly the first subjects by (order desc, id asc).
    /// shareTwentieths k: share = k/20, so floor(share × n) = (k × n) / 20 exactly.
    @Test func quotaNeverExceedsItsLimit() async throws {
        await propertyCheck(count: 40,
                            input: Gen.int(in: 0...6).array(of: 0...40), // per member: initiatives (0 = not eligible)
                            Gen.int(in: 1...20), Gen.int(in: -1...6)) { values, k, maxOrNone in
            let maxText = maxOrNone >= 0 ? ", max = \(maxOrNone)" : ""
            let rules = try engineRules(["q.lua": """
                award "q" { subject = "member",
                  criteria = { { id = "c", check = function(m, ctx) return m.initiatives > 0 end } },
                  quota = { share = \(k) / 20, within = "unit"\(maxText), order = function(m, ctx) return m.initiatives end } }
                """])
            let data = try engineData(rules) { b in
                b.addUnit(cells(["id": "G0", "name": "G0", "kind": "cdcs"]), line: nil)
                b.addUnit(cells(["id": "G1", "name": "G1", "kind": "cdcs"]), line: nil)
                for (i, v) in values.enumerated() {
                    b.addMember(cells(["id": String(format: "M%03d", i), "name": "m", "unit": "G\(i % 2)",
                                       "initiatives": String(v)]), line: nil)
                }
            }
            let award = try #require(try engineEvaluate(rules, data).award("q"))
            for group in ["G0", "G1"] {
                let eligible = values.enumerated()
                    .filter { $0.offset % 2 == (group == "G0" ? 0 : 1) && $0.element > 0 }
                    .map { (id: String(format: "M%03d", $0.offset), order: $0.element) }
                var limit = (k * eligible.count) / 20
                if maxOrNone >= 0 { limit = min(limit, maxOrNone) }
                let expected = eligible.sorted { $0.order != $1.order ? $0.order > $1.order : $0.id < $1.id }
                    .prefix(limit).map(\.id)
                let awarded = award.results.filter { $0.awarded && $0.quota?.group == group }.map(\.subject)
                #expect(awarded.count <= limit)
                #expect(Set(awarded) == Set(expected), "group \(group), k \(k), max \(maxOrNone)")
                for outcome in award.results where outcome.quota?.group == group {
                    #expect(outcome.quota?.limit == limit)
                    #expect(outcome.quota?.eligible == eligible.count)
                }
            }
        }
    }

    /// rank = 1 + number of subjects of the group with strictly better (total, tiebreak).
    @Test func ranksAreCompetitionRanks() async throws {
        await propertyCheck(count: 40, input: Gen.int(in: 0...4).array(of: 1...40), Gen.int(in: 0...4).array(of: 40)) { a, b in
            let rules = try engineRules(["s.lua": """
                scoring "s" { subject = "unit", group = "cluster",
                  items = { { id = "a", max = 3, points = function(u, ctx) return u.a end },
                            { id = "b", max = 10, points = function(u, ctx) return u.b end } },
                  tiebreak = { "a" } }
                """], plan: enginePlan(units: #", a = "int", b = "int""#))
            // Unit i: cluster C(i % 3), a = a[i] (4 is clamped to 3), b = b[i].
            let data = try engineData(rules) { builder in
                for (i, av) in a.enumerated() {
                    builder.addUnit(cells(["id": String(format: "U%02d", i), "name": "u", "kind": "cdcs",
                                           "cluster": "C\(i % 3)", "a": String(av), "b": String(b[i])]), line: nil)
                }
            }
            let scoring = try #require(try engineEvaluate(rules, data).scoring("s"))
            #expect(scoring.results.count == a.count)
            struct Key { var group: String; var total: Double; var a: Double }
            let keys = a.enumerated().map { i, av in
                Key(group: "C\(i % 3)", total: Double(min(av, 3) + b[i]), a: Double(min(av, 3)))
            }
            for (i, key) in keys.enumerated() {
                let better = keys.filter { $0.group == key.group && ($0.total > key.total || ($0.total == key.total && $0.a > key.a)) }.count
                let outcome = try #require(scoring.outcome(String(format: "U%02d", i)))
                #expect(outcome.rank == 1 + better)
                #expect(outcome.total == key.total)
            }
            // Results: by group, then rank, then id.
            let order = scoring.results.map { ($0.group ?? "", $0.rank, $0.subject) }
            #expect(zip(order, order.dropFirst()).allSatisfy { $0 < $1 })
        }
    }

    static let mixedRules = """
        award "ldtt" { subject = "member",
          criteria = { { id = "r", check = function(m, ctx) return m.rating ~= "hoan_thanh" end } } }
        award "cstd" { subject = "member",
          criteria = { { id = "b", check = function(m, ctx) return ctx.awarded("ldtt", m.id) end },
                       { id = "k", check = function(m, ctx) return m.initiatives >= 1 end } },
          quota = { share = 0.3, base = "ldtt", within = "unit", rounding = "ceil",
                    order = function(m, ctx) return m.initiatives end } }
        scoring "u" { subject = "unit", group = "cluster",
          items = { { id = "n", max = 4, points = function(u, ctx) return #ctx.members_of(u.id) end } },
          bonus = { max = 2, points = function(u, ctx)
            local n = 0 for _, m in ipairs(ctx.members_of(u.id)) do if ctx.awarded("cstd", m.id) then n = n + 1 end end
            return n end } }
        """

    /// Shuffling the rows given to the builder does not change the JSON.
    @Test func resultsDoNotDependOnRowOrder() async throws {
        let ratings = ["xuat_sac", "tot", "hoan_thanh"]
        await propertyCheck(count: 30, input: Gen.int(in: 0...8).array(of: 1...30), Gen.int(in: 0...1_000_000)) { values, seed in
            let rules = try engineRules(["m.lua": Self.mixedRules])
            var units = (0..<4).map { u in
                cells(["id": "U\(u)", "name": "Unit \(u)", "kind": "cdcs", "cluster": u < 2 ? "A" : "B"])
            }
            var members = values.enumerated().map { i, v in
                cells(["id": String(format: "M%02d", i), "name": "m\(i)", "unit": "U\(v % 4)",
                       "rating": ratings[v % 3], "initiatives": String(v / 2)])
            }
            let plain = try engineJSON(try engineEvaluate(rules, try engineData(rules) { b in
                for u in units { b.addUnit(u, line: nil) }
                for m in members { b.addMember(m, line: nil) }
            }))
            var generator = EngineSeededGenerator(seed: seed)
            units.shuffle(using: &generator)
            members.shuffle(using: &generator)
            let shuffled = try engineJSON(try engineEvaluate(rules, try engineData(rules) { b in
                for u in units { b.addUnit(u, line: nil) }
                for m in members { b.addMember(m, line: nil) }
            }))
            #expect(plain == shuffled)
        }
    }
}
