@testable import Commend
import CommendTestSupport
import Foundation
import Testing

/// `EvaluationOptions.cache` from the library: results equal to an
/// evaluation without it, the statistics, the size bound, failures not kept.
@Suite("Engine: the result cache")
struct ResultCacheTests {
    static let plan = """
        plan { id = "p", name = "P", year = 2021,
          phases = { { id = "dot1", name = "Đợt 1", from = "2021-01-01", to = "2021-06-30" } },
          fields = { members = { initiatives = "int" } } }
        """
    static func award(_ id: String, _ check: String) -> String {
        """
        award "\(id)" { name = "\(id)", subject = "member",
          criteria = { { id = "c", text = "C", check = function(m, ctx) \(check) end } } }

        """
    }
    static let data = [
        "units.csv": "id,name,kind,parent,cluster\nU1,CĐCS A,cdcs,,C1\n",
        "members.csv": "id,name,unit,initiatives\nM1,An,U1,2\nM2,Bình,U1,0\nM3,Chi,U1,5\n",
    ]

    static func evaluate(_ rulesText: String, cache: ResultCache?, limits: LuaLimits = .default) throws -> EvaluationResult {
        let root = try TemporaryFolder.make("cache-engine", ["rules/plan.lua": plan, "rules/a.lua": rulesText])
        let dataURL = try TemporaryFolder.make("cache-data", data)
        let rules = try RuleSet.load(directory: root.appendingPathComponent("rules"), displayName: "rules")
        let dataset = try DatasetLoader.load(directory: dataURL, schema: rules.plan.fields, phases: ["dot1"])
        var options = EvaluationOptions(jobs: 1, limits: limits)
        options.cache = cache
        options.dataDigest = try ResultCache.dataDigest(directory: dataURL, dataset: dataset)
        return try Evaluator.evaluate(rules: rules, data: dataset, phase: "dot1", options: options)
    }

    static let rules = award("x", "return m.initiatives > 1, 'có ' .. m.initiatives")
        + award("y", "return ctx.eligible('x', m.id)")
        + award("z", "return m.initiatives > 4")

    @Test func theSameResultWithAndWithoutTheCacheAndEveryResultReusedTheSecondTime() throws {
        let folder = try TemporaryFolder.make("cache-dir")
        let cache = ResultCache(directory: folder)
        let plain = try Self.evaluate(Self.rules, cache: nil)
        #expect(try Self.evaluate(Self.rules, cache: cache) == plain)
        #expect(cache.takeStatistics() == ResultCache.Statistics(reused: [], evaluated: ["award:x", "award:y", "award:z"]))
        #expect(try Self.evaluate(Self.rules, cache: cache) == plain)
        #expect(cache.takeStatistics() == ResultCache.Statistics(reused: ["award:x", "award:y", "award:z"], evaluated: []))
        // y read x: by hand, M1 (2) and M3 (5) are eligible for both.
        #expect(plain.award("y")?.results.map(\.eligible) == [true, false, true])
    }

    @Test func aResultThatAskedTheClockIsNeverReusedNorWhatReadIt() throws {
        // t calls os.time (and d os.date): what they return depends on the
        // moment, so they are evaluated again every run, and so is r, which
        // reads t; z asks nothing of the clock and is reused.
        let folder = try TemporaryFolder.make("cache-dir")
        let cache = ResultCache(directory: folder)
        let clocked = Self.award("t", "return os.time() > 0")
            + Self.award("d", "return #os.date('%Y') == 4")
            + Self.award("r", "return ctx.awarded('t', m.id)")
            + Self.award("z", "return m.initiatives > 4")
        let plain = try Self.evaluate(clocked, cache: nil)
        #expect(try Self.evaluate(clocked, cache: cache) == plain)
        _ = cache.takeStatistics()
        #expect(try Self.evaluate(clocked, cache: cache) == plain)
        #expect(cache.takeStatistics() == ResultCache.Statistics(reused: ["award:z"], evaluated: ["award:t", "award:d", "award:r"]))
    }

    @Test func aFailedEvaluationIsNotKept() throws {
        let folder = try TemporaryFolder.make("cache-dir")
        let cache = ResultCache(directory: folder)
        let failing = Self.award("x", "return m.initiatives > 1") + Self.award("w", "if m.id == 'M3' then error('hỏng') end return true")
        #expect(throws: RuleError.self) { try Self.evaluate(failing, cache: cache) }
        #expect(cache.takeStatistics() == ResultCache.Statistics(reused: [], evaluated: ["award:x"]))
        #expect(throws: RuleError.self) { try Self.evaluate(failing, cache: cache) }
        #expect(cache.takeStatistics() == ResultCache.Statistics(reused: ["award:x"], evaluated: []))
    }

    @Test func theLeastRecentlyUsedEntriesGoWhenTheCacheIsFull() throws {
        let folder = try TemporaryFolder.make("cache-dir")
        // Each entry and manifest of these awards takes a few hundred bytes: 1500 hold a few, not all.
        let cache = ResultCache(directory: folder, maxBytes: 1500)
        let many = (1...8).map { Self.award("a\($0)", "return m.initiatives > \($0)") }.joined()
        let plain = try Self.evaluate(many, cache: nil)
        #expect(try Self.evaluate(many, cache: cache) == plain)
        let files = (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey])?.allObjects as? [URL] ?? [])
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
        let total = files.reduce(0) { $0 + ((try? $1.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0) }
        #expect(total <= 1500)
        #expect(files.filter { $0.pathExtension == "entry" }.count < 8)
        _ = cache.takeStatistics()
        #expect(try Self.evaluate(many, cache: cache) == plain)
        let second = cache.takeStatistics()
        #expect(second.reused.count + second.evaluated.count == 8)
        #expect(!second.evaluated.isEmpty)
    }
}
