@testable import Commend
import Foundation
import Testing

/// The watch loop driven cycle by cycle: no sleeping, no timing.
@Suite("Impact: watch and hot reload")
struct WatcherTests {
    /// A watcher on fresh copies of the fixture, rules shown as `rules`, data as `data`.
    static func watcher(rules: String = ImpactFixture.oldRules) throws -> (Watcher, rules: URL, data: URL) {
        let rulesURL = try ImpactFixture.rulesDirectory(rules), dataURL = try ImpactFixture.dataDirectory()
        let watcher = Watcher(rules: rulesURL, rulesDisplayName: "rules", data: dataURL, dataDisplayName: "data",
                              phase: "dot1", options: EvaluationOptions(jobs: 1))
        return (watcher, rulesURL, dataURL)
    }

    static func cleanUp(_ urls: URL...) {
        for url in urls { try? FileManager.default.removeItem(at: url) }
    }

    @Test func editOfARuleFileReloadsAndReportsTheChanges() throws {
        let (watcher, rules, data) = try Self.watcher()
        defer { Self.cleanUp(rules, data) }
        var cycles: [WatchCycle] = []
        var pauses: [Double] = []
        // Three cycles: the first evaluation, the poll after the edit, a poll with nothing new.
        watcher.run(limit: 3, sleep: { pauses.append($0) }) { cycle in
            cycles.append(cycle)
            if cycle.number == 0 {
                try? ImpactFixture.write(ImpactFixture.newRules, to: rules.appendingPathComponent("rules.lua"))
            }
        }
        #expect(pauses == [0.3, 0.3])
        #expect(cycles.map(\.number) == [0, 1, 2])
        guard case .evaluated(let first, let none, _)? = cycles[0].outcome else {
            Issue.record("first cycle did not evaluate: \(String(describing: cycles[0].outcome))")
            return
        }
        #expect(none == nil)
        #expect(first.award("gioi")?.results.filter(\.awarded).map(\.subject) == ["M1", "M2"])

        #expect(cycles[1].changedFiles == ["rules/rules.lua"])
        guard case .evaluated(let second, let changes?, _)? = cycles[1].outcome else {
            Issue.record("second cycle did not evaluate: \(String(describing: cycles[1].outcome))")
            return
        }
        #expect(second.award("gioi")?.results.filter(\.awarded).map(\.subject) == ["M1", "M3"])
        #expect(changes == (try ImpactTests.impact()))
        #expect(changes.awards.first?.changes.map(\.kind) == [.losesAward, .gainsAward])
        #expect(changes.scorings.first?.changes.map(\.subject) == ["U2", "U1"])
        #expect(watcher.lastGood?.rulesDigest == second.rulesDigest)

        #expect(cycles[2].changedFiles.isEmpty)
        #expect(cycles[2].outcome == nil)
    }

    @Test func syntaxErrorKeepsTheLastGoodResult() throws {
        let (watcher, rules, data) = try Self.watcher()
        defer { Self.cleanUp(rules, data) }
        let file = rules.appendingPathComponent("rules.lua")
        guard case .evaluated(let good, _, _)? = watcher.step().outcome else {
            Issue.record("first cycle did not evaluate")
            return
        }

        // Line 2 of the new text is an unfinished table constructor.
        try ImpactFixture.write("award \"gioi\" {\n  name = \n", to: file)
        let broken = watcher.step()
        #expect(broken.changedFiles == ["rules/rules.lua"])
        guard case .failed(let failure)? = broken.outcome else {
            Issue.record("the broken rules evaluated: \(String(describing: broken.outcome))")
            return
        }
        #expect(failure.kind == .rules)
        #expect(failure.messages.count == 1)
        #expect(failure.messages.first?.hasPrefix("rules/rules.lua:") == true)
        #expect(watcher.lastGood?.rulesDigest == good.rulesDigest)
        #expect(watcher.lastGood?.award("gioi")?.results.filter(\.awarded).map(\.subject) == ["M1", "M2"])
        #expect(watcher.lastFailure == failure)

        // Nothing new: no cycle output, the failure stays.
        #expect(watcher.step().outcome == nil)

        // Fixed: the changes are against the last good result, not the broken one.
        try ImpactFixture.write(ImpactFixture.newRules, to: file)
        guard case .evaluated(_, let changes?, _)? = watcher.step().outcome else {
            Issue.record("the fixed rules did not evaluate")
            return
        }
        #expect(changes == (try ImpactTests.impact()))
        #expect(watcher.lastFailure == nil)
    }

    @Test func editOfADataFileReloadsTheData() throws {
        let (watcher, rules, data) = try Self.watcher()
        defer { Self.cleanUp(rules, data) }
        _ = watcher.step()
        // M4 now has 8 points: Lao động giỏi from 7 points.
        try ImpactFixture.write(ImpactFixture.members.replacingOccurrences(of: "M4,Phạm Thị Hương,U3,5,0", with: "M4,Phạm Thị Hương,U3,8,0"),
                                to: data.appendingPathComponent("members.csv"))
        let cycle = watcher.step()
        #expect(cycle.changedFiles == ["data/members.csv"])
        guard case .evaluated(_, let changes?, _)? = cycle.outcome else {
            Issue.record("the new data did not evaluate: \(String(describing: cycle.outcome))")
            return
        }
        // M4 gains Lao động giỏi, so it is eligible for Tiêu biểu too, third (0 initiatives, like M1 and M2) of limit 1.
        #expect(changes.awards.map(\.id) == ["gioi", "tieu-bieu"])
        #expect(changes.awards[0].changes.map(\.subject) == ["M4"])
        #expect(changes.awards[0].changes.first?.kind == .gainsAward)
        let m4 = try #require(changes.awards[1].changes.first)
        #expect(changes.awards[1].changes.count == 1)
        #expect(m4.subject == "M4" && m4.kind == .becomesEligible)
        #expect(m4.quota.new?.place == 3 && m4.quota.new?.limit == 1)
        #expect(ImpactTextFormat.reasons(m4) == ["gioi: ✘ → ✔", "ngoài chỉ tiêu: thứ tự 3/1"])
        #expect(ImpactTextFormat.reasons(m4, Wording(.en)) == ["gioi: ✘ → ✔", "beyond the quota: place 3/1"])
        #expect(changes.scorings.isEmpty)
    }

    @Test func badDataIsReportedAndTheScanIsInjectable() throws {
        let (watcher, rules, data) = try Self.watcher()
        defer { Self.cleanUp(rules, data) }
        var stamps = FileStamps(files: ["members.csv": .init(size: 1, modified: 1)])
        watcher.scan = { (FileStamps(), stamps) }
        _ = watcher.step()
        try ImpactFixture.write(ImpactFixture.members + "M5,Hà Văn Dũng,U9,hai,0\n", to: data.appendingPathComponent("members.csv"))
        // The real files changed, but only the injected scan decides.
        #expect(watcher.step().outcome == nil)
        stamps.files["members.csv"] = .init(size: 2, modified: 1)
        let cycle = watcher.step()
        #expect(cycle.changedFiles == ["data/members.csv"])
        guard case .failed(let failure)? = cycle.outcome else {
            Issue.record("bad data evaluated")
            return
        }
        #expect(failure.kind == .data)
        #expect(failure.messages.contains { $0.hasPrefix("members.csv:6:") })
        #expect(watcher.lastGood != nil)
    }
}
