import Commend
import Foundation
import Testing

/// RULES.md 6 as a Swift tool embedding the engine sees it: public API only
/// (this file imports Commend without @testable), several threads at once.
@Suite("Conformance: the Swift library")
struct ConformanceLibraryTests {
    @Test func loadsEvaluatesAndReadsResultsFromSeveralThreads() async throws {
        let rules = try RuleSet.load(directory: ConformanceResultTests.fixtures.appendingPathComponent("plan-a/rules"))
        let phases = rules.plan.phases.map(\.id)
        #expect(phases == ["dot1", "dot2"])
        let files = try DatasetLoader.load(directory: ConformanceResultTests.fixtures.appendingPathComponent("plan-a/data"),
                                           schema: rules.plan.fields, phases: phases)

        // The same units in code; three members: only M1 (tot, 4 initiatives) passes ldg.
        var builder = DatasetBuilder(schema: rules.plan.fields, phases: phases, source: "code")
        for (id, parent, cluster) in [("U1", "", ""), ("U2", "U1", "C1")] {
            builder.addUnit(["id": .text(id), "name": .text(id), "kind": .text(parent.isEmpty ? "tinh" : "cdcs"),
                             "parent": .text(parent), "cluster": .text(cluster), "fee_rate": .text("1"),
                             "plaques": .text("0"), "incidents": .text("0"), "new_members": .text("1")], line: nil)
        }
        for (id, rating, gender) in [("M1", "tot", "nam"), ("M2", "hoan_thanh", "nu"), ("M3", "tot", "")] {
            builder.addMember(["id": .text(id), "name": .text(id), "unit": .text("U2"), "rating": .text(rating),
                               "initiatives": .text("4"), "gender": .text(gender)], line: nil)
        }
        let inCode = try builder.build()

        // Eight evaluations at once, on two datasets.
        let results = try await withThrowingTaskGroup(of: (Int, EvaluationResult).self) { group in
            for i in 0..<8 {
                group.addTask {
                    (i, try Evaluator.evaluate(rules: rules, data: i % 2 == 0 ? files : inCode, phase: "dot1",
                                               options: EvaluationOptions(jobs: 2)))
                }
            }
            var all: [Int: EvaluationResult] = [:]
            for try await (i, result) in group { all[i] = result }
            return all
        }
        for (i, result) in results {
            let ldg = try #require(result.award("ldg"))
            if i % 2 == 0 {
                // As in ConformanceResultTests.awardsOfPhaseOne.
                #expect(ldg.results.filter(\.awarded).map(\.subject) == ["M02", "M03", "M07"])
                #expect(result.scoring("cdcs")?.outcome("U7")?.rank == 4)
                #expect(result.scoring("cdcs")?.outcome("U7")?.grade == nil)
            } else {
                // M3 has no gender: left out. U2 has 3 ldtt holders (M1, M2, M3): floor(0.5 × 3) = 1.
                #expect(ldg.results.map(\.subject) == ["M1", "M2"])
                #expect(ldg.outcome("M1")?.awarded == true)
                #expect(ldg.outcome("M2")?.failed == ["rating"])
                #expect(ldg.outcome("M1")?.quota?.limit == 1)
                #expect(ldg.outcome("M1")?.quota?.base == 3)
            }
            #expect(result.rulesDigest == rules.digest)
        }
    }
}
