@testable import Commend
import CommendTestSupport
import Foundation
import Testing

/// `evaluate --watch` with the result cache: a cycle after an edit evaluates
/// only what the edit changed, with the result of an evaluation without it.
@Suite("Impact: watch with the result cache")
struct WatcherCacheTests {
    @Test func aCycleAfterAnEditEvaluatesOnlyWhatChanged() throws {
        let rules = try ImpactFixture.rulesDirectory(ImpactFixture.oldRules), data = try ImpactFixture.dataDirectory()
        let cache = ResultCache(directory: try TemporaryFolder.make("watch-cache"))
        var options = EvaluationOptions(jobs: 1)
        options.cache = cache
        let watcher = Watcher(rules: rules, rulesDisplayName: "rules", data: data, dataDisplayName: "data",
                              phase: "dot1", options: options)
        _ = watcher.step()
        #expect(cache.takeStatistics().evaluated == ["award:gioi", "award:tieu-bieu", "award:sang-kien", "scoring:cham-diem"])
        // Item b of the scoring weighs 2 instead of 1: nothing else changes.
        let edited = ImpactFixture.oldRules.replacingOccurrences(of: "return 1 * u.b", with: "return 2 * u.b")
        #expect(edited != ImpactFixture.oldRules)
        try ImpactFixture.write(edited, to: rules.appendingPathComponent("rules.lua"))
        let cycle = watcher.step()
        #expect(cache.takeStatistics() == ResultCache.Statistics(reused: ["award:gioi", "award:tieu-bieu", "award:sang-kien"],
                                                                 evaluated: ["scoring:cham-diem"]))
        guard case .evaluated(let result, _, _)? = cycle.outcome else {
            Issue.record("the cycle after the edit did not evaluate: \(String(describing: cycle.outcome))")
            return
        }
        #expect(result == (try ImpactFixture.evaluate(edited)))
    }
}
