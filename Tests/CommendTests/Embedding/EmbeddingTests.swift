import Commend
import Foundation
import Synchronization
import Testing

@Suite("Embedding: the short API")
struct EmbeddingTests {
    @Test("in-memory rules, a dataset from literals, async evaluation, failed criteria, a ranking")
    func evaluateInCode() async throws {
        let rules = try RuleSet(sources: EmbeddingRules.sources)
        let data = try EmbeddingRules.dataset(rules)
        let result = try await rules.evaluate(data, phase: "dot1")
        let award = try #require(result.award("tien-tien"))
        var failed: [String: [String]] = [:]
        for outcome in award.results where !outcome.failed.isEmpty { failed[outcome.subject] = outcome.failed }
        #expect(failed == ["M2": ["rating", "seniority"], "M4": ["seniority"], "M6": ["rating"], "M7": ["seniority"]])
        #expect(award.outcome("M4")?.criteria.last?.detail == "4 năm")
        let scoring = try #require(result.scoring("diem"))
        #expect(scoring.ranking(in: "U1").prefix(3).map(\.subject) == ["M1", "M4", "M3"])
        #expect(scoring.ranking(in: "U1").map(\.total) == [30, 14, 12, 3, 1])
        #expect(scoring.ranking(in: "U2").map(\.subject) == ["M6", "M5"])
        #expect(scoring.ranking(in: "U9").isEmpty)
        #expect(scoring.groups == ["U1", "U2"])
    }

    @Test("rules from memory and from a folder are the same rules, with the same digest")
    func sourcesMatchFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("embed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (path, text) in EmbeddingRules.sources {
            try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        let fromFolder = try RuleSet(directory: folder, displayName: "")
        let fromMemory = try RuleSet(sources: EmbeddingRules.sources)
        #expect(fromMemory.digest == fromFolder.digest)
        #expect(fromMemory.awards == fromFolder.awards)
        #expect(fromMemory.scorings == fromFolder.scorings)
    }

    @Test("a module of lib/ is found among the sources")
    func requireFromMemory() throws {
        var sources = EmbeddingRules.sources
        sources["lib/nguong.lua"] = "return { nam = 5 }"
        sources["awards.lua"] = sources["awards.lua"]!.replacingOccurrences(of: "m.years >= 5", with: "m.years >= require(\"lib.nguong\").nam")
        let rules = try RuleSet(sources: sources)
        let result = try Evaluator.evaluate(rules: rules, data: EmbeddingRules.dataset(rules), phase: "dot1")
        #expect(result.award("tien-tien")?.outcome("M4")?.failed == ["seniority"])
    }

    @Test("data.json's shape read from memory gives the dataset built in code, and equal results")
    func jsonDataset() throws {
        let rules = try RuleSet(sources: EmbeddingRules.sources)
        let json = """
            {"units": [{"id": "U1", "name": "Tổ 1", "cluster": "A"}, {"id": "U2", "name": "Tổ 2", "cluster": "A"}],
             "members": [
               {"id": "M1", "unit": "U1", "rating": "tot", "years": 30, "party": true},
               {"id": "M2", "unit": "U1", "rating": "hoan_thanh", "years": 3, "party": false},
               {"id": "M3", "unit": "U1", "rating": "xuat_sac", "years": 12, "party": false},
               {"id": "M4", "unit": "U1", "rating": "Tốt", "years": 4, "party": true},
               {"id": "M5", "unit": "U2", "rating": "tot", "years": 7, "party": true},
               {"id": "M6", "unit": "U2", "rating": "hoan_thanh", "years": 9, "party": "có"},
               {"id": "M7", "unit": "U1", "rating": "tot", "years": 1, "party": false}]}
            """
        let fromJSON = try Dataset(json: Data(json.utf8), rules: rules)
        let inCode = try EmbeddingRules.dataset(rules)
        let a = try Evaluator.evaluate(rules: rules, data: fromJSON, phase: "dot1")
        let b = try Evaluator.evaluate(rules: rules, data: inCode, phase: "dot1")
        #expect(a == b)
        var changed = DatasetBuilder(rules: rules)
        changed.addUnit(["id": "U1"])
        changed.addMember(["id": "M1", "unit": "U1", "rating": "tot", "years": 30, "party": true])
        #expect(try Evaluator.evaluate(rules: rules, data: changed.build(), phase: "dot1") != b)
    }

    @Test("the JSON of a result is the JSON of commend evaluate")
    func resultJSON() throws {
        let rules = try RuleSet(sources: EmbeddingRules.sources)
        let result = try Evaluator.evaluate(rules: rules, data: EmbeddingRules.dataset(rules), phase: "dot1")
        let data = result.jsonData()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["schema"] as? String == "commend.result/2")
        #expect(object["rules_digest"] as? String == rules.digest)
        #expect(rules.digest.hasPrefix("sha256:") && rules.digest.count == 7 + 64)
        let awards = try #require(object["awards"] as? [[String: Any]])
        #expect(awards.map { $0["id"] as? String } == ["tien-tien"])
        #expect(data.last == UInt8(ascii: "\n"))
    }

    @Test("errors read as their message: rules, data, phase")
    func errorMessages() throws {
        #expect(throws: RuleLoadError.self) { try RuleSet(sources: ["../plan.lua": "plan {}"]) }
        do {
            _ = try RuleSet(sources: ["../plan.lua": "plan {}", "x.txt": ""])
            Issue.record("loaded")
        } catch let error as any CommendError {
            #expect(error.localizedDescription == "../plan.lua: not a relative path of a .lua file\nx.txt: not a relative path of a .lua file")
        }
        let rules = try RuleSet(sources: EmbeddingRules.sources)
        var data = DatasetBuilder(rules: rules, source: "code")
        data.addUnit(["id": "U1"])
        data.addMember(["id": "M1", "unit": "U1", "rating": "gioi"])
        do {
            _ = try data.build()
            Issue.record("built")
        } catch let error as DataError {
            #expect((error as Error).localizedDescription ==
                    "code: members[0] (id \"M1\"): column \"rating\": expected one of xuat_sac, tot, hoan_thanh, found \"gioi\"")
        }
        let dataset = try EmbeddingRules.dataset(rules)
        do {
            _ = try Evaluator.evaluate(rules: rules, data: dataset, phase: "dot2")
            Issue.record("evaluated")
        } catch let error as EvaluationError {
            #expect((error as Error).localizedDescription == "unknown phase \"dot2\" (did you mean \"dot1\"?); the plan's phases are dot1")
        }
    }

    @Test("a rule error carries file:line in localizedDescription")
    func ruleErrorMessage() async throws {
        var sources = EmbeddingRules.sources
        sources["awards.lua"] = sources["awards.lua"]!.replacingOccurrences(of: "m.years >= 5", with: "m.missing.x >= 5")
        let rules = try RuleSet(sources: sources, displayPrefix: "rules/")
        do {
            _ = try await rules.evaluate(EmbeddingRules.dataset(rules), phase: "dot1")
            Issue.record("evaluated")
        } catch let error as RuleError {
            #expect((error as Error).localizedDescription.hasPrefix("rules/awards.lua:7: award \"tien-tien\", criterion \"seniority\", subject M1: member has no field \"missing\""))
        }
    }

    @Test("a task cancelled before the evaluation starts throws CancellationError")
    func cancelledBefore() async throws {
        let rules = try RuleSet(sources: EmbeddingRules.sources)
        let data = try EmbeddingRules.dataset(rules)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await rules.evaluate(data, phase: "dot1")
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test("cancelling during the evaluation stops it before the next declaration")
    func cancelledBetweenDeclarations() async throws {
        let rules = try RuleSet(sources: EmbeddingRules.sources)
        let data = try EmbeddingRules.dataset(rules)
        let handle = Mutex<Task<EvaluationResult, any Error>?>(nil)
        let steps = Mutex<[String]>([])
        let (gate, open) = AsyncStream<Void>.makeStream()
        let options = EvaluationOptions(jobs: 1, progress: { progress in
            steps.withLock { $0.append(progress.step) }
            if progress.step == "award:tien-tien" { handle.withLock { $0?.cancel() } }
        })
        let task = Task {
            for await _ in gate { break }
            return try await rules.evaluate(data, phase: "dot1", options: options)
        }
        handle.withLock { $0 = task }
        open.yield()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(steps.withLock { $0 }.contains("award:tien-tien"))
        #expect(!steps.withLock { $0 }.contains("scoring:diem"))
    }
}
