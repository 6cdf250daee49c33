import Commend
import CommendStore
import Foundation

/// The engine as the server uses it: the live rules, the served data
/// directory (loaded and indexed once per shape of the plan's fields), and
/// evaluations that answer with the engine's own JSON writer. Every method
/// blocks: call them through `EvaluationQueue`.
final class ServedEngine: @unchecked Sendable {
    let configuration: ServerConfiguration
    let rules: LiveRules
    let runs: RecordedRuns
    private let lock = NSLock()
    private var served: (shape: DataShape, dataset: Dataset, digest: String?)?

    private struct DataShape: Equatable {
        var fields: FieldSchema
        var phases: [String]
    }

    init(configuration: ServerConfiguration) throws {
        self.configuration = configuration
        runs = RecordedRuns(path: configuration.database)
        rules = try LiveRules(directory: configuration.rules, displayName: configuration.rulesDisplayName,
                              limits: configuration.evaluation.limits,
                              poolSize: max(configuration.concurrent, configuration.evaluation.jobs))
        if configuration.data != nil { _ = try servedData(for: rules.current()) }
    }

    /// The served data directory, loaded again only when the plan's fields or phases changed.
    private func servedData(for rules: RuleSet) throws -> Dataset {
        try servedDataAndDigest(for: rules).dataset
    }

    /// The served data and the digest of its files when the result cache is
    /// on (nil when they changed while loading: no cache for them).
    private func servedDataAndDigest(for rules: RuleSet) throws -> (dataset: Dataset, digest: String?) {
        guard let directory = configuration.data else {
            throw APIError(.badRequest, "this server has no data directory (--data): send the data in the request's \"data\"")
        }
        let shape = DataShape(fields: rules.plan.fields, phases: rules.plan.phases.map(\.id))
        lock.lock()
        defer { lock.unlock() }
        if let served, served.shape == shape { return (served.dataset, served.digest) }
        served = nil
        let before = configuration.evaluation.cache == nil ? nil : try? DataFilesDigest.of(directory)
        let dataset = try DatasetLoader.load(directory: directory, schema: shape.fields, phases: shape.phases)
        let digest = before.flatMap { before in (try? DataFilesDigest.of(directory)) == before ? before : nil }
        served = (shape, dataset, digest)
        return (dataset, digest)
    }

    private func dataset(_ document: DataDocument?, for rules: RuleSet) throws -> Dataset {
        guard let document else { return try servedData(for: rules) }
        return try DatasetLoader.load(document: document, name: "data", schema: rules.plan.fields,
                                      phases: rules.plan.phases.map(\.id))
    }

    private func evaluate(phase: String, data: DataDocument?) throws -> (RuleSet, Dataset, EvaluationResult) {
        let (rules, pool) = self.rules.serving()
        guard rules.plan.phase(phase) != nil else {
            let ids = rules.plan.phases.map(\.id)
            throw APIError(.badRequest, "unknown phase \"\(phase)\"; the plan's phases are \(ids.joined(separator: ", "))")
        }
        // The result cache serves the data directory only (a request's own data has no digest).
        let files = data == nil ? try servedDataAndDigest(for: rules).digest : nil
        let dataset = try runs.addingHistory(to: dataset(data, for: rules), plan: rules.plan)
        var options = configuration.evaluation
        options.runtimes = pool
        options.dataDigest = files.map { ResultCache.dataDigest(files: $0, history: dataset.history) }
        let result = try Evaluator.evaluate(rules: rules, data: dataset, phase: phase, options: options)
        return (rules, dataset, result)
    }

    /// The JSON of RULES.md §5, narrowed to `awards` and `subjects` when given.
    func evaluate(_ request: EvaluateRequest) throws -> [UInt8] {
        let (rules, _, full) = try evaluate(phase: request.phase, data: request.data)
        var result = full
        if let ids = request.awards {
            let known = Set(rules.awards.map(\.id) + rules.scorings.map(\.id))
            if let unknown = ids.first(where: { !known.contains($0) }) {
                throw APIError(.badRequest, "unknown award or scoring \"\(unknown)\"")
            }
            let keep = Set(ids)
            result.awards.removeAll { !keep.contains($0.id) }
            result.scorings.removeAll { !keep.contains($0.id) }
        }
        if let subjects = request.subjects {
            let keep = Set(subjects)
            for i in result.awards.indices { result.awards[i].results.removeAll { !keep.contains($0.subject) } }
            for i in result.scorings.indices { result.scorings[i].results.removeAll { !keep.contains($0.subject) } }
        }
        let bytes = CollectedBytes()
        let sink = OutputSink(consumer: bytes.append)
        JSONFormat.write(result, to: sink)
        try sink.commit()
        return bytes.all
    }

    /// One subject's explanation; 404 when the data has no such subject.
    func explain(_ request: ExplainRequest) throws -> Explanation {
        let (rules, dataset, result) = try evaluate(phase: request.phase, data: request.data)
        if let only = request.award, rules.award(only) == nil, rules.scoring(only) == nil {
            throw APIError(.badRequest, "unknown award or scoring \"\(only)\"")
        }
        guard let kind = dataset.members.row(of: request.subject) != nil ? "member"
                : dataset.units.row(of: request.subject) != nil ? "unit" : nil else {
            throw APIError(.notFound, "no member or unit \"\(request.subject)\" in the data")
        }
        return Explanation(result, subject: request.subject, kind: kind, only: request.award)
    }

    /// Evaluates the served data directory and records the run, as
    /// `commend evaluate --record` does; the run as listed.
    func record(_ request: EvaluateRequest) throws -> RunSummary {
        guard request.data == nil, request.awards == nil, request.subjects == nil else {
            throw APIError(.badRequest, "a recorded run is the whole phase on the served data directory: send only \"phase\"")
        }
        guard let directory = configuration.data else {
            throw APIError(.badRequest, "this server has no data directory (--data): there is nothing to record")
        }
        let rules = self.rules.current()
        guard rules.plan.phase(request.phase) != nil else {
            throw APIError(.badRequest, "unknown phase \"\(request.phase)\"; the plan's phases are \(rules.plan.phases.map(\.id).joined(separator: ", "))")
        }
        let dataset = try runs.addingHistory(to: servedData(for: rules), plan: rules.plan)
        let limits = configuration.evaluation.limits
        let options = ["rules": configuration.rulesDisplayName, "data": directory.relativePath,
                       "max_memory_mib": limits.memory.map { String($0 >> 20) } ?? "none",
                       "max_instructions": limits.instructions.map(String.init) ?? "none",
                       "max_call_instructions": limits.instructionsPerCall.map(String.init) ?? "none",
                       "timeout_seconds": limits.seconds.map { String($0) } ?? "none"]
        let recorder = try RunRecorder(dataDigest: DataDigest.of(directory), options: options)
        var evaluation = configuration.evaluation
        evaluation.dataDigest = try servedDataAndDigest(for: rules).digest
            .map { ResultCache.dataDigest(files: $0, history: dataset.history) }
        try Evaluator.evaluate(rules: rules, data: dataset, phase: request.phase, options: evaluation, into: recorder)
        let store = try runs.store(create: true)!
        return RunSummary(try runs.run(try store.record(recorder), in: store))
    }

    /// The recorded runs, oldest first.
    func listRuns(plan: String?, phase: String?) throws -> [RunSummary] {
        guard let store = try runs.store(create: false) else { return [] }
        return try store.runs(plan: plan, phase: phase).map(RunSummary.init)
    }

    /// A recorded run's JSON, byte for byte as it was recorded.
    func runJSON(_ id: Int64) throws -> [UInt8] {
        guard let store = try runs.store(create: false) else { throw APIError(.notFound, "there is no run \(id): no runs are recorded") }
        _ = try runs.run(id, in: store)
        let bytes = CollectedBytes()
        let sink = OutputSink(consumer: bytes.append)
        try store.writeJSON(of: id, to: sink)
        try sink.commit()
        return bytes.all
    }

    /// Makes a run the official decision of its plan and phase.
    func finalize(_ id: Int64, replace: Bool) throws -> FinalizeAnswer {
        guard let store = try runs.store(create: false) else { throw APIError(.notFound, "there is no run \(id): no runs are recorded") }
        _ = try runs.run(id, in: store)
        let done: Finalization
        do {
            done = try store.finalize(run: id, replace: replace)
        } catch let error as StoreError {
            throw APIError(.badRequest, error.description.replacingOccurrences(of: "add --replace", with: "send {\"replace\": true}"))
        }
        return FinalizeAnswer(run: RunSummary(try runs.run(id, in: store)), replaced: done.replaced, alreadyFinal: done.alreadyFinal)
    }

    /// The problems `commend check` reports for the served rules directory.
    func check() -> CheckReport {
        let problems = RuleSet.check(directory: configuration.rules, displayName: configuration.rulesDisplayName,
                                     limits: configuration.evaluation.limits)
        return CheckReport(rules: configuration.rulesDisplayName, problems: problems)
    }
}

/// The bytes an `OutputSink(consumer:)` hands over (on its writing queue).
private final class CollectedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []

    @Sendable func append(_ more: [UInt8]) {
        lock.withLock { bytes += more }
    }

    var all: [UInt8] { lock.withLock { bytes } }
}
