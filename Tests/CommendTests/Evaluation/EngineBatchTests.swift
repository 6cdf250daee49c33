@testable import Commend
import Foundation
import Testing

/// Subject-major evaluation: the declarations of one kind of subject run
/// together on each subject, yet every outcome, message and error is the
/// one a run of one declaration at a time gives.
@Suite("Engine: declarations evaluated together, subject by subject")
struct EngineBatchTests {
    /// Three members M1, M2, M3 in one unit.
    static func threeMembers(_ rules: RuleSet) throws -> Dataset {
        try engineData(rules) { b in
            b.addUnit(cells(["id": "U1", "name": "Một", "kind": "cdcs"]), line: nil)
            for id in ["M3", "M1", "M2"] {
                b.addMember(cells(["id": id, "name": id, "unit": "U1", "rating": "tot"]), line: nil)
            }
        }
    }

    @Test(arguments: [1, 3]) func printedMessagesComeDeclarationByDeclaration(jobs: Int) throws {
        // a and b are evaluated in one batch (M1: a, b; M2: a, b; ...), but
        // the messages are listed as if a ran on every member before b.
        let rules = try engineRules(["a.lua": """
            award "a" { subject = "member", criteria = { { id = "c", check = function(m) print("a " .. m.id) return true end } } }
            award "b" { subject = "member", criteria = { { id = "c", check = function(m) print("b " .. m.id) return true end } } }
            """])
        let result = try engineEvaluate(rules, try Self.threeMembers(rules), jobs: jobs)
        #expect(result.diagnostics.map(\.message) == ["a M1", "a M2", "a M3", "b M1", "b M2", "b M3"])
    }

    @Test(arguments: [1, 3]) func aDeclarationThatNeedsAnotherOfItsBatchWaitsForIt(jobs: Int) throws {
        // b is in the first batch with a, stops at its first member (a is not
        // final yet), and runs again once a is: its messages come after a's,
        // once each.
        let rules = try engineRules(["a.lua": """
            award "b" { subject = "member", criteria = { { id = "c", check = function(m, ctx)
              local got = ctx.awarded("a", m.id)
              print("b " .. m.id .. " " .. tostring(got))
              return got end } } }
            award "a" { subject = "member", criteria = { { id = "c", check = function(m)
              print("a " .. m.id)
              return m.id ~= "M2" end } } }
            """])
        let result = try engineEvaluate(rules, try Self.threeMembers(rules), jobs: jobs)
        #expect(result.diagnostics.map(\.message) == ["a M1", "a M2", "a M3", "b M1 true", "b M2 false", "b M3 true"])
        #expect(result.award("b")?.results.map(\.awarded) == [true, false, true])
        #expect(result.awards.map(\.id) == ["b", "a"])
    }

    @Test func aFailureIsReportedWhenItsDeclarationsTurnComes() throws {
        // Both fail; a comes first in the output order, so its error is the
        // one reported, although b fails on an earlier member.
        let rules = try engineRules(["a.lua": """
            award "a" { subject = "member", criteria = { { id = "c", check = function(m)
              if m.id == "M3" then error("a fails on M3") end return true end } } }
            award "b" { subject = "member", criteria = { { id = "c", check = function(m)
              if m.id == "M1" then error("b fails on M1") end return true end } } }
            """])
        let data = try Self.threeMembers(rules)
        for jobs in [1, 3] {
            #expect {
                _ = try engineEvaluate(rules, data, jobs: jobs)
            } throws: { error in
                let ruleError = error as? RuleError
                return ruleError?.declaration == "award \"a\"" && ruleError?.subject == "M3"
                    && ruleError?.message.contains("a fails on M3") == true
            }
        }
    }

    @Test func aLimitIsBlamedOnTheDeclarationThatReachedIt() throws {
        // b loops on its first member; a, evaluated alongside, is innocent.
        let rules = try engineRules(["a.lua": """
            award "a" { subject = "member", criteria = { { id = "c", check = function(m) return true end } } }
            award "b" { subject = "member", criteria = { { id = "loop", check = function(m) while true do end end } } }
            """])
        let options = EvaluationOptions(jobs: 1, limits: LuaLimits(instructionsPerCall: 1_000_000))
        #expect {
            _ = try Evaluator.evaluate(rules: rules, data: try Self.threeMembers(rules), phase: "dot1", options: options)
        } throws: { error in
            let ruleError = error as? RuleError
            return ruleError?.kind == .instructionLimit && ruleError?.declaration == "award \"b\""
                && ruleError?.part == "criterion \"loop\"" && ruleError?.subject == "M1"
        }
    }

    @Test func evaluatingWithOneThreadUsesOne() throws {
        // EngineThreads caps every parallel part of a run, and lifts again.
        EngineThreads.limit(to: 1)
        #expect(Parallel.cores == 1)
        #expect(Parallel.map(parts: 8, threads: 4) { _, thread in thread } == Array(repeating: 0, count: 8))
        EngineThreads.limit(to: nil)
        #expect(Parallel.cores == ProcessInfo.processInfo.activeProcessorCount)
    }
}
