@testable import Commend
import Foundation
import LuaKit
import Testing

/// Issue 11 (containment, second round): hostile rules and data that used to
/// escape a limit, crash, or give results that depend on the run.
@Suite("Engine: containment of hostile rules and data")
struct EngineContainmentTests {
    static func members(_ rules: RuleSet, count: Int) throws -> Dataset {
        try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "A", "kind": "cdcs"]), line: nil)
            for i in 0..<count {
                b.addMember(cells(["id": String(format: "M%04d", i), "name": "N\(i)", "unit": "U1"]), line: nil)
            }
        }
    }

    static func failure(_ body: () throws -> Void) -> (any Error)? {
        do { try body() } catch { return error }
        return nil
    }

    // MARK: 2. Bounded inputs, linear checks

    @Test func hugeAwardIdInEligibleIsAnUnknownAwardAtOnce() throws {
        let rules = try engineRules(["a.lua": """
            award "lao-dong" { subject = "member", criteria = { { id = "c", check = function(m) return true end } } }
            award "b" { subject = "member",
              criteria = { { id = "c", check = function(m, ctx) return ctx.eligible(string.rep("y", 1e5), m.id) end } } }
            """])
        let error = Self.failure { _ = try engineEvaluate(rules, try Self.members(rules, count: 3)) }
        let ruleError = try #require(error as? RuleError)
        #expect(ruleError.message.contains("unknown award \"yyyy"))
        #expect(ruleError.message.contains("(100000 bytes)"))
        #expect(ruleError.description.utf8.count < 1000)
    }

    @Test func tooManyCriteriaAreRefusedAndDuplicatesStillFound() throws {
        let many = (0..<20_000).map { "{ id = \"c\($0)\", check = function() return true end }" }.joined(separator: ",\n")
        let problems = try engineCheck(["plan.lua": enginePlan(), "a.lua": """
            award "a" { subject = "member", criteria = { \(many) } }
            award "b" { subject = "member", criteria = {
              { id = "x", check = function() return true end }, { id = "x", check = function() return true end } } }
            """])
        #expect(problems.contains { $0.message.contains("20000 criteria are too many: at most 1000 are allowed") })
        #expect(problems.contains { $0.message.contains("duplicate criterion id \"x\"") })
    }

    @Test func overlongDeclarationIdIsRefused() throws {
        // A 20 KB award id made every "did you mean" against it cost minutes.
        let problems = try engineCheck(["plan.lua": enginePlan(), "a.lua": """
            award (string.rep("x", 20000)) { subject = "member", criteria = { { id = "c", check = function() return true end } } }
            """, "b.lua": """
            award "b" { subject = "member", criteria = { { id = "\(String(repeating: "c", count: 300))", check = function() return true end } } }
            """])
        #expect(problems.contains { $0.message.contains("award id \"xxxx") && $0.message.contains("too long: 20000 bytes, at most 256") && $0.location?.line == 1 })
        #expect(problems.contains { $0.message.contains("criterion id") && $0.message.contains("too long: 300 bytes") && $0.location?.description == "rules/b.lua:1" })
    }

    // MARK: 3. Host memory of results

    @Test func detailsBeyondTheResultMemoryStopTheRun() throws {
        let criteria = (0..<10).map { "{ id = \"c\($0)\", check = function(m) return true, string.rep(\"d\", 4096 - #m.id) .. m.id end }" }
        let rules = try engineRules(["a.lua": "award \"a\" { subject = \"member\", criteria = { \(criteria.joined(separator: ", ")) } }"])
        let data = try Self.members(rules, count: 200)
        // 200 subjects × 10 details of 4 KiB: about 8 MiB of details, against 2 MiB.
        let options = EvaluationOptions(jobs: 2, maxResultMemory: 2 << 20)
        let error = Self.failure { _ = try Evaluator.evaluate(rules: rules, data: data, phase: "dot1", options: options) }
        let ruleError = try #require(error as? RuleError)
        #expect(ruleError.kind == .memory)
        #expect(ruleError.message.contains("result memory limit exceeded"))
        #expect(ruleError.declaration == "award \"a\"")
        // The same rules within a budget that fits: the run completes.
        let fits = EvaluationOptions(jobs: 2, maxResultMemory: 64 << 20)
        let result = try Evaluator.evaluate(rules: rules, data: data, phase: "dot1", options: fits)
        #expect(result.awards.first?.results.count == 200)
    }

    // MARK: 4. Dependencies without native recursion

    @Test func chainOfAThousandQuotaBases() throws {
        var awards = ["award \"a0\" { subject = \"member\", criteria = { { id = \"c\", check = function() return true end } } }"]
        for i in 1..<1000 {
            awards.append("award \"a\(i)\" { subject = \"member\", quota = { share = 0.5, base = \"a\(i - 1)\" }, criteria = { { id = \"c\", check = function() return true end } } }")
        }
        let rules = try engineRules(["a.lua": awards.joined(separator: "\n")])
        let data = try Self.members(rules, count: 4)
        // Evaluated on a thread with a small stack: recursion per link would overflow it.
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            outcome.result = Result { try engineEvaluate(rules, data) }
            done.signal()
        }
        thread.stackSize = 512 << 10
        thread.start()
        done.wait()
        let result = try #require(outcome.result).get()
        #expect(result.awards.count == 1000)
        // a0: 4 awarded; a1: floor(0.5 × 4) = 2; a2: floor(0.5 × 2) = 1; then 0 from a3 on.
        let awarded = result.awards.prefix(4).map { $0.results.filter(\.awarded).count }
        #expect(awarded == [4, 2, 1, 0])
    }

    // MARK: 5. Results that do not depend on the run

    @Test func ruleFunctionKeepingStateInAFileLocalIsRefused() throws {
        let problems = try engineCheck(["plan.lua": enginePlan(), "a.lua": """
            local n = 0
            local seen
            local function note(id)
              seen = id
            end
            award "a" { subject = "member", criteria = { { id = "c", check = function(m)
              n = n + 1
              return n <= 5000
            end } } }
            award "b" { subject = "member", criteria = { { id = "c", check = function(m)
              local k = 0
              local function bump() k = k + 1 end
              bump()
              return k == 1
            end } } }
            """])
        let shared = problems.filter { $0.message.contains("a variable that every call shares") }
        #expect(shared.map { $0.location?.description ?? "" } == ["rules/a.lua:4", "rules/a.lua:7"])
        #expect(shared.first?.message.contains("'seen'") == true)
        #expect(shared.last?.message.contains("'n'") == true)
    }

    @Test func ruleFunctionMadeByACounterFactoryIsRefused() throws {
        let problems = try engineCheck(["plan.lua": enginePlan(), "a.lua": """
            local function counter(limit)
              local n = 0
              return function(m)
                n = n + 1
                return n <= limit
              end
            end
            award "a" { subject = "member", criteria = { { id = "c", check = counter(5000) } } }
            """])
        let shared = problems.filter { $0.message.contains("a variable that every call shares") }
        #expect(shared.map { $0.location?.description ?? "" } == ["rules/a.lua:4"])
        #expect(shared.first?.message.contains("'n'") == true)
    }

    @Test func pairsOverStringKeysGivesTheSameDetailWithAnyJobs() throws {
        let rules = try engineRules(["a.lua": """
            award "a" { subject = "member", criteria = { { id = "c", check = function(m)
              local t = { [m.id] = 1, zeta = 1, alpha = 2, beta = 3, [2] = 0, [1] = 0, [true] = 0 }
              local keys = {}
              for k in pairs(t) do keys[#keys + 1] = tostring(k) end
              return true, table.concat(keys, " ")
            end } } }
            """])
        let data = try Self.members(rules, count: 600)
        let one = try engineEvaluate(rules, data, jobs: 1)
        let two = try engineEvaluate(rules, data, jobs: 2)
        let first = try #require(one.awards.first?.results.first)
        #expect(first.criteria.first?.detail == "1 2 M0000 alpha beta zeta true")
        #expect(try engineJSON(one) == engineJSON(two))
    }

    // MARK: 6. Numbers outside the contract

    @Test func infiniteTotalIsARuleError() throws {
        let rules = try engineRules(["s.lua": """
            scoring "s" { items = {
              { id = "a", max = 1e308, points = function() return 1e308 end },
              { id = "b", max = 1e308, points = function() return 1e308 end } } }
            """])
        let error = Self.failure { _ = try engineEvaluate(rules, try Self.members(rules, count: 1)) }
        let ruleError = try #require(error as? RuleError)
        #expect(ruleError.message.contains("not a finite number"))
        #expect(ruleError.subject == "U1")
    }

    @Test func negativeBonusMaxIsRefused() throws {
        let problems = try engineCheck(["plan.lua": enginePlan(), "s.lua": """
            scoring "s" { items = { { id = "a", max = 1, points = function() return 1 end } },
              bonus = { max = -5, points = function() return 1 end } }
            """])
        #expect(problems.contains { $0.message.contains("bonus: max must be 0 or more, found -5") })
    }

    // MARK: 7. Declarations while evaluating

    @Test func awardCalledWhileEvaluatingIsAnError() throws {
        let rules = try engineRules(["a.lua": """
            award "a" { subject = "member", criteria = { { id = "c", check = function(m)
              for i = 1, 200 do award ("x" .. i) { subject = "member", criteria = {} } end
              return true
            end } } }
            """])
        let error = Self.failure { _ = try engineEvaluate(rules, try Self.members(rules, count: 2)) }
        let ruleError = try #require(error as? RuleError)
        #expect(ruleError.message.contains("called while evaluating"))
        #expect(ruleError.location?.description == "rules/a.lua:2")
    }

    @Test func planCalledWhileEvaluatingIsAnError() throws {
        let rules = try engineRules(["a.lua": """
            award "a" { subject = "member", criteria = { { id = "c", check = function(m) plan {} return true end } } }
            """])
        let error = Self.failure { _ = try engineEvaluate(rules, try Self.members(rules, count: 1)) }
        #expect((error as? RuleError)?.message.contains("plan { ... } called while evaluating") == true)
    }

    // MARK: 8. History

    @Test func historyIndexKeepsAwardAndYearApartForAnyYear() throws {
        let rules = try engineRules([:])
        let data = try Self.members(rules, count: 1)
        // Years outside 1000...9999 are refused when the data loads; the index
        // itself must still not let a year's sign spill into the award.
        let entries = [HistoryEntry(subject: "M0000", award: "a", year: -3),
                       HistoryEntry(subject: "M0000", award: "b", year: 2019)]
        let index = HistoryIndex(entries: entries, before: 2021, members: data.members, units: data.units)
        func years(_ award: String) -> [Int] {
            let code = index.award(award)
            return code.map { index.years(member: 0, award: $0) } ?? []
        }
        #expect(years("a") == [-3])
        #expect(years("b") == [2019])
    }

    // MARK: 10. Blame

    @Test func limitInsidePcallIsBlamedOnTheCriterion() throws {
        let rules = try engineRules(["a.lua": """
            award "a" { subject = "member", criteria = {
              { id = "rep", check = function(m)
                -- A tail call: the criterion returns without another instruction after the trip.
                return pcall(function() local s = "x" while true do s = s .. s end end)
              end } } }
            """])
        let options = EvaluationOptions(jobs: 1, limits: LuaLimits(memory: 32 << 20))
        let error = Self.failure {
            _ = try Evaluator.evaluate(rules: rules, data: try Self.members(rules, count: 2), phase: "dot1", options: options)
        }
        let ruleError = try #require(error as? RuleError)
        #expect(ruleError.kind == .memory)
        #expect(ruleError.part == "criterion \"rep\"")
    }
}

/// The result of an evaluation on another thread (read after it signalled).
final class Outcome: @unchecked Sendable {
    var result: Result<EvaluationResult, any Error>?
}
