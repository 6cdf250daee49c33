@testable import Commend
import Foundation
import Testing

/// `BackgroundSink`: the inner sink gets everything, in order, on its own
/// thread; its failure reaches the evaluation.
@Suite("Output: writing in the background")
struct BackgroundSinkTests {
    /// Notes the calls it gets; fails at the award `failAt`, if given.
    final class Journal: EvaluationSink, @unchecked Sendable {
        var calls: [String] = []
        var failAt: String?
        struct Failed: Error {}
        func begin(plan: Plan, phase: Phase, rulesDigest: String) throws { calls.append("begin") }
        func award(_ result: AwardResult) throws {
            if result.id == failAt { throw Failed() }
            calls.append("award " + result.id)
        }
        func scoring(_ result: ScoringResult) throws { calls.append("scoring " + result.id) }
        func end(diagnostics: [Diagnostic]) throws { calls.append("end \(diagnostics.count)") }
    }

    static func rules() throws -> RuleSet {
        try engineRules(["a.lua": """
            award "a" { subject = "member", criteria = { { id = "c", check = function(m) print(m.id) return true end } } }
            award "b" { subject = "member", criteria = { { id = "c", check = function(m, ctx) return ctx.awarded("a", m.id) end } } }
            scoring "s" { subject = "unit", items = { { id = "i", max = 1, points = function() return 1 end } } }
            award "c" { subject = "member", criteria = { { id = "c", check = function() return true end } } }
            """])
    }

    @Test func theInnerSinkGetsEverythingInOrder() throws {
        let rules = try Self.rules()
        let journal = Journal()
        try Evaluator.evaluate(rules: rules, data: try EngineErrorTests.oneMember(rules), phase: "dot1",
                               options: EvaluationOptions(jobs: 2), into: BackgroundSink(journal, depth: 1))
        #expect(journal.calls == ["begin", "award a", "award b", "award c", "scoring s", "end 2"])
    }

    @Test func aFailureOfTheInnerSinkStopsTheEvaluation() throws {
        let rules = try Self.rules()
        let journal = Journal()
        journal.failAt = "b"
        #expect(throws: Journal.Failed.self) {
            try Evaluator.evaluate(rules: rules, data: try EngineErrorTests.oneMember(rules), phase: "dot1",
                                   options: EvaluationOptions(jobs: 2), into: BackgroundSink(journal))
        }
        #expect(!journal.calls.contains("award c"))
        #expect(!journal.calls.contains { $0.hasPrefix("end") })
    }
}
