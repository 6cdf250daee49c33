@testable import Commend
import Foundation
import Testing

/// Rules loaded once into a `RuntimePool` and used by many evaluations
/// (`EvaluationOptions.runtimes`): the same bytes as a fresh load, no state
/// kept between runs, a state that failed never used again.
@Suite("Engine: pool of loaded rule runtimes")
struct EngineRuntimePoolTests {
    /// A criterion that loops `initiatives` times, one that draws a random
    /// number (seeded per subject), one that prints.
    static let rules = ["a.lua": """
        award "a" { subject = "member", criteria = {
          { id = "sum", check = function(m)
              local n = 0
              for i = 1, m.initiatives do n = n + i end
              return m.initiatives < 100, "n=" .. n
            end },
          { id = "draw", check = function(m) return true, tostring(math.random(1000000)) end },
          { id = "say", check = function(m) print("seen " .. m.id); return true end },
        } }
        """]

    static func data(_ rules: RuleSet, initiatives: [Int]) throws -> Dataset {
        try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs"]), line: nil)
            for (i, count) in initiatives.enumerated() {
                b.addMember(cells(["id": "M\(i)", "name": "N\(i)", "unit": "U1", "initiatives": String(count)]), line: nil)
            }
        }
    }

    static func json(_ rules: RuleSet, _ data: Dataset, limits: LuaLimits = .default, pool: RuntimePool? = nil) throws -> [UInt8] {
        try engineJSON(Evaluator.evaluate(rules: rules, data: data, phase: "dot1",
                                          options: EvaluationOptions(jobs: 1, limits: limits, runtimes: pool)))
    }

    @Test func aReusedRuntimeGivesTheBytesOfAFreshOne() throws {
        let rules = try engineRules(Self.rules)
        let first = try Self.data(rules, initiatives: [3, 150, 0])
        let other = try Self.data(rules, initiatives: [7, 8])
        let fresh = try Self.json(rules, first)
        let freshOther = try Self.json(rules, other)
        // Sum 1..3 = 6 and 1..150 = 11325 worked by hand; M1 has too many.
        let text = String(decoding: fresh, as: UTF8.self)
        #expect(text.contains("n=6") && text.contains("n=11325") && text.contains("seen M2"))
        let pool = try RuntimePool(rules: rules, capacity: 1, limits: .default)
        for _ in 0..<3 {
            #expect(try Self.json(rules, first, pool: pool) == fresh)
            #expect(try Self.json(rules, other, pool: pool) == freshOther)
        }
        // Six runs on the one state loaded when the pool was made.
        #expect(pool.counts.ready == 1)
        #expect(pool.counts.loaded == 1)
    }

    @Test func aRuntimeThatHitALimitIsNotReused() throws {
        let rules = try engineRules(Self.rules)
        // 10⁷ loop turns need far more than the 10⁶ instructions a call may take.
        let limits = LuaLimits(instructionsPerCall: 1_000_000)
        let good = try Self.data(rules, initiatives: [3, 4])
        let runaway = try Self.data(rules, initiatives: [3, 10_000_000])
        let fresh = try Self.json(rules, good, limits: limits)
        let pool = try RuntimePool(rules: rules, capacity: 1, limits: limits)
        #expect(try Self.json(rules, good, limits: limits, pool: pool) == fresh)
        let error = try #require(EngineContainmentTests.failure { _ = try Self.json(rules, runaway, limits: limits, pool: pool) })
        #expect("\(error)".contains("instruction"))
        // The tripped state was dropped: the next run loads a new one and answers as before.
        #expect(pool.counts.ready == 0)
        #expect(try Self.json(rules, good, limits: limits, pool: pool) == fresh)
        #expect(pool.counts.loaded == 2)
        #expect(pool.counts.ready == 1)
    }

    @Test func rulesOtherThanThePoolsAreLoadedAfresh() throws {
        let rules = try engineRules(Self.rules)
        let changed = try engineRules(["a.lua": Self.rules["a.lua"]!.replacingOccurrences(of: "< 100", with: "< 2")])
        let data = try Self.data(rules, initiatives: [1, 3])
        let pool = try RuntimePool(rules: rules, capacity: 1, limits: .default)
        #expect(try Self.json(changed, data, pool: pool) == Self.json(changed, data))
        #expect(pool.counts.loaded == 1)
    }

    @Test func memoryDoesNotGrowOverRuns() throws {
        let rules = try engineRules(Self.rules)
        let data = try Self.data(rules, initiatives: Array(0..<300))
        let pool = try RuntimePool(rules: rules, capacity: 1, limits: .default)
        _ = try Self.json(rules, data, pool: pool)
        let after1 = pool.counts.memory
        for _ in 0..<50 { _ = try Self.json(rules, data, pool: pool) }
        #expect(pool.counts.loaded == 1)
        // Collected after each run: what a run made is gone, whatever the number of runs.
        #expect(pool.counts.memory <= after1)
    }
}
