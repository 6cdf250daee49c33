import Foundation
import LuaKit

/// Where an evaluation stands, reported after each step.
public struct EvaluationProgress: Sendable {
    /// What was just done: "indexed the data", "prepared 2 workers", "award:x", "scoring:y".
    public var step: String
    /// Awards and scorings finished, and how many there are.
    public var done: Int
    /// Awards and scorings that apply in the phase.
    public var total: Int
    /// Subjects evaluated so far, summed over awards and scorings.
    public var subjects: Int
}

/// How an evaluation runs.
public struct EvaluationOptions: Sendable {
    /// Worker threads, each with its own Lua state; the result does not depend on it.
    public var jobs: Int
    /// Limits of each Lua state.
    public var limits: LuaLimits
    /// Called after each award or scoring with (what, done, total), from the calling thread.
    public var progress: (@Sendable (EvaluationProgress) -> Void)?
    /// Bytes of host memory the results of the run may take (criteria
    /// outcomes, details, points; see `ResultBudget`); nil: 16 times the
    /// memory cap of the Lua states, or no limit without one.
    public var maxResultMemory: Int?
    /// Lua states with these rules already loaded, to use and give back
    /// instead of loading the rules anew (a server's requests). Used only
    /// when it holds the evaluated rules (same digest) and the same limits.
    public var runtimes: RuntimePool?
    /// Results kept between runs: a run evaluates only the awards and
    /// scorings whose rules, data or inputs changed, with the same output.
    /// Used only with `dataDigest`. Nil (the default): no cache.
    public var cache: ResultCache?
    /// What identifies the dataset evaluated (for a data directory, a digest
    /// of its files; with recorded history added, of that too): part of
    /// every key of `cache`.
    public var dataDigest: String?
    /// Set by an `async` evaluation: checked between declarations and chunks.
    var cancellation: CancellationFlag?

    /// Options; by default one job per core, the default limits, no progress.
    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, limits: LuaLimits = .default,
                maxResultMemory: Int? = nil, runtimes: RuntimePool? = nil,
                progress: (@Sendable (EvaluationProgress) -> Void)? = nil) {
        self.jobs = jobs
        self.limits = limits
        self.maxResultMemory = maxResultMemory
        self.runtimes = runtimes
        self.progress = progress
    }

    /// The result memory limit in effect.
    var resultMemory: Int? { maxResultMemory ?? limits.memory.map { $0 * 16 } }
}

/// Evaluates one phase of a plan on a dataset (RULES.md §2.2–2.4).
public enum Evaluator {
    /// Evaluates `phaseID` on the calling thread (and `options.jobs` workers)
    /// and returns the whole result. See also `RuleSet.evaluate(_:phase:options:)`.
    /// - Throws: `EvaluationError` for a phase the plan does not declare,
    ///   `RuleError` when a rule fails or a limit is reached, `RuleLoadError`
    ///   when the rules no longer load in a worker.
    public static func evaluate(rules: RuleSet, data: Dataset, phase phaseID: String,
                                options: EvaluationOptions = EvaluationOptions()) throws -> EvaluationResult {
        let collector = ResultCollector()
        try evaluate(rules: rules, data: data, phase: phaseID, options: options, into: collector)
        return collector.result!
    }

    /// Evaluates and hands each award and scoring to `sink` as soon as it and
    /// everything before it in the output order are final; results already
    /// handed over are not kept.
    /// - Throws: what `evaluate(rules:data:phase:options:)` throws, and
    ///   whatever `sink` throws.
    public static func evaluate(rules: RuleSet, data: Dataset, phase phaseID: String,
                                options: EvaluationOptions = EvaluationOptions(), into sink: EvaluationSink) throws {
        guard let phase = rules.plan.phase(phaseID) else {
            let ids = rules.plan.phases.map(\.id)
            throw EvaluationError("unknown phase \"\(phaseID)\"\(Suggestion.hint(for: phaseID, in: ids)); the plan's phases are \(ids.joined(separator: ", "))")
        }
        let phaseData = PhaseData(plan: rules.plan, phase: phase, dataset: data)
        options.progress?(EvaluationProgress(step: "indexed the data", done: 0, total: 0, subjects: 0))
        let pool = options.runtimes.flatMap { $0.rules.digest == rules.digest && $0.limits == options.limits ? $0 : nil }
        let runtimes = try evaluate(Run(rules: rules, data: phaseData, options: options, pool: pool), into: sink)
        // Only after a run without error: a state that failed is not used again.
        pool?.checkIn(runtimes)
    }

    /// Runs `run` and lets go of it (its workers, their Lua values), so
    /// that a garbage collection of its states frees all it made.
    private static func evaluate(_ run: consuming Run, into sink: EvaluationSink) throws -> [RuleRuntime] {
        try run.evaluate(into: sink)
        return run.workers.map(\.runtime)
    }
}

/// One evaluation: the workers, the published results, the order of work.
final class Run {
    let rules: RuleSet
    let data: PhaseData
    let options: EvaluationOptions
    let store: ResultStore
    let workers: [Worker]
    /// The declarations that apply in the phase, awards then scorings.
    let applicable: [DeclarationID]
    var results: [DeclarationID: EvaluatedDeclaration] = [:]
    /// What the rules printed, loading and evaluating, within the cap.
    var printed: PrintedMessages
    private var inProgress: [DeclarationID] = []
    private var finished: Set<DeclarationID> = []
    /// Evaluated in a batch, not finished yet.
    private var evaluated: [DeclarationID: Evaluated] = [:]
    /// Failed in a batch: thrown when the declaration's turn comes.
    private var failures: [DeclarationID: ChunkFailure] = [:]
    /// Stopped in a batch for another declaration, needed first.
    private var blocked: [DeclarationID: DeclarationID] = [:]

    private var done = 0
    /// The run's use of `options.cache`, if any.
    private(set) var cache: CacheSession?
    var subjects = 0

    /// A result waiting for its turn in the output.
    enum EvaluatedDeclaration {
        case award(AwardResult)
        case scoring(ScoringResult)
    }

    init(rules: RuleSet, data: PhaseData, options: EvaluationOptions, pool: RuntimePool? = nil) throws {
        self.rules = rules
        self.data = data
        self.options = options
        let applicable = rules.declarationIDs.filter { rules.declaration($0).applies(toPhase: data.phase.id) }
        self.applicable = applicable
        let store = ResultStore(rules: rules, applicable: Set(applicable))
        store.budget = ResultBudget(limit: options.resultMemory)
        self.store = store
        let subjects = max(data.members.count, data.units.count)
        let count = max(1, min(options.jobs, subjects / 200))
        let runtimes = try Run.runtimes(count: count, files: rules.files, limits: options.limits, pool: pool)
        workers = runtimes.map { Worker(runtime: $0, data: data, store: store) }
        printed = PrintedMessages(kept: rules.diagnostics, dropped: rules.droppedDiagnostics)
        for worker in workers { _ = worker.takeDiagnostics() }
        cache = CacheSession.make(for: self)
        options.progress?(EvaluationProgress(step: "prepared \(workers.count) worker\(workers.count == 1 ? "" : "s")",
                                             done: 0, total: applicable.count, subjects: 0))
    }

    private static func runtimes(count: Int, files: RuleFiles, limits: LuaLimits, pool: RuntimePool?) throws -> [RuleRuntime] {
        let runtimes = try pool?.checkOut(count)
            ?? Parallel.map(parts: count, threads: count) { _, _ in try RuntimePool.load(files, limits: limits) }
        // The limits hold per run: the workers share one account, in which
        // loading the rules counts once (RULES.md §2.5), and the wall clock
        // starts with the run for a state loaded before it.
        let account = LuaRunAccount(limits: limits, loadInstructions: runtimes[0].loadInstructions,
                                    loadMemory: runtimes[0].loadMemory)
        for runtime in runtimes {
            runtime.state.attach(to: account)
            if pool != nil { runtime.state.restartClock() }
        }
        return runtimes
    }

    func evaluate(into sink: EvaluationSink) throws {
        try sink.begin(plan: rules.plan, phase: data.phase, rulesDigest: rules.digest)
        // A result leaves memory once it and all before it are handed over;
        // one evaluated early for another's sake waits for its turn.
        var next = 0
        for id in applicable {
            try options.cancellation?.check()
            try ensure(id)
            while next < applicable.count, let result = results.removeValue(forKey: applicable[next]) {
                switch result {
                case .award(let award): try sink.award(award)
                case .scoring(let scoring): try sink.scoring(scoring)
                }
                next += 1
            }
        }
        var diagnostics = printed.kept
        if printed.dropped > 0 {
            diagnostics.append(Diagnostic(level: "warning", message: "\(printed.dropped) more printed messages not kept (at most \(Diagnostic.cap) per run)", file: nil, line: nil))
        }
        try sink.end(diagnostics: diagnostics)
    }

    /// Evaluates `id` after whatever it needs; a need met again on the way
    /// is a cycle. Needs are followed with a stack of our own, not by
    /// recursion: a chain of a thousand awards, each the quota base of the
    /// next, must not exhaust the thread's stack.
    func ensure(_ id: DeclarationID) throws {
        if finished.contains(id) { return }
        var waiting: Set<DeclarationID> = [id]
        inProgress = [id]
        defer { inProgress = [] }
        while let current = inProgress.last {
            if let need = try pass(current) {
                if waiting.contains(need) { throw cycle(through: need) }
                waiting.insert(need)
                inProgress.append(need)
                continue
            }
            finished.insert(current)
            waiting.remove(current)
            inProgress.removeLast()
            done += 1
            options.progress?(EvaluationProgress(step: current.kind.rawValue + ":" + rules.declaration(current).id, done: done,
                                                 total: applicable.count, subjects: subjects))
        }
    }

    /// The cycle error for `id`, met again while it waits for what it needs.
    private func cycle(through id: DeclarationID) -> RuleError {
        let start = inProgress.firstIndex(of: id) ?? 0
        let cycle = inProgress[start...] + [id]
        let named = cycle.map { id -> String in
            let declaration = rules.declaration(id)
            return "\(id.kind.rawValue) \"\(declaration.id)\" (\(declaration.location))"
        }
        return RuleError(kind: .cycle, location: rules.declaration(id).location,
                         message: "cycle of cross references: " + named.joined(separator: " → "))
    }

    /// Evaluates `id`, or returns what it needs first (an award or scoring
    /// not finished yet). Its outcomes come from a batch run for it, or
    /// for an earlier declaration of the same kind of subject.
    private func pass(_ id: DeclarationID) throws -> DeclarationID? {
        if evaluated[id] == nil, failures[id] == nil, cache?.reuse(id, in: self) == true { return nil }
        if let base = quotaBase(id), !finished.contains(base) { return base }
        if let need = blocked[id] {
            if !finished.contains(need) { return need }
            blocked[id] = nil
        }
        if let failure = failures.removeValue(forKey: id) { throw failure.error }
        if evaluated[id] == nil {
            try evaluateBatch(startingWith: id)
            if let need = blocked[id] { return need }
            if let failure = failures.removeValue(forKey: id) { throw failure.error }
        }
        try finish(id)
        return nil
    }

    /// The award whose holders a quota of `id` counts, when it applies.
    private func quotaBase(_ id: DeclarationID) -> DeclarationID? {
        guard id.kind == .award, let base = rules.awards[id.index].quota?.base,
              // The first award of that id, as for a duplicate everywhere.
              let baseIndex = rules.awards.firstIndex(where: { $0.id == base }),
              store.applies(.award(baseIndex)) else { return nil }
        return .award(baseIndex)
    }

    /// Quotas or ranks of an evaluated declaration: its result waits for
    /// its turn in the output, its state is published for later ones.
    private func finish(_ id: DeclarationID) throws {
        guard let done = evaluated.removeValue(forKey: id) else { preconditionFailure("finishing what was not evaluated") }
        let view = data.view(rules.declaration(id).subject)
        subjects += view.count
        printed.add(done.diagnostics)
        switch done.output {
        case .award(let rows):
            let award = rules.awards[id.index]
            var baseCounts: [String?: Int]?
            if let base = quotaBase(id) {
                baseCounts = Finishing.baseCounts(groups: QuotaGroup(within: award.quota?.within, view: data.view(rules.awards[base.index].subject), units: data.units),
                                                  state: store.award(base))
            }
            let groups = QuotaGroup(within: award.quota?.within, view: view, units: data.units)
            let (result, state) = Finishing.award(award, rows: rows, view: view, groups: groups, baseCounts: baseCounts)
            results[id] = .award(result)
            store.publish(id, .award(state), index: view.rowIndex)
        case .scoring(let rows):
            let (result, state) = try Finishing.scoring(rules.scorings[id.index], rows: rows, view: view)
            results[id] = .scoring(result)
            store.publish(id, .scoring(state), index: view.rowIndex)
        }
        cache?.keep(id, in: self, printed: done.diagnostics)
    }

    /// The declarations to evaluate together with `id`: those of the same
    /// kind of subject not evaluated yet and not waiting for another one,
    /// `id` first, then in output order, as many as the memory of their
    /// outcomes allows (about 192 MiB: a national run keeps every
    /// criterion's detail of every subject until the batch ends).
    private func batch(startingWith id: DeclarationID) -> [DeclarationID] {
        let kind = rules.declaration(id).subject
        let count = data.view(kind).count
        func cost(_ id: DeclarationID) -> Int {
            return count * (64 + 24 * (id.kind == .award ? rules.awards[id.index].criteria.count : rules.scorings[id.index].items.count))
        }
        var batch = [id]
        var bytes = cost(id)
        for other in applicable where other != id && rules.declaration(other).subject == kind {
            guard !finished.contains(other), evaluated[other] == nil, failures[other] == nil,
                  !inProgress.contains(other), cache?.mayReuse(other, in: self) != true else { continue }
            if let need = blocked[other], !finished.contains(need) { continue }
            if let base = quotaBase(other), !finished.contains(base) { continue }
            let more = cost(other)
            if bytes + more > 192 << 20 { break }
            blocked[other] = nil
            batch.append(other)
            bytes += more
        }
        return batch
    }

    /// Evaluates a batch on every subject, in chunks spread over the workers,
    /// and keeps what each declaration came to: its outcomes, the failure of
    /// its first failing chunk, or the declaration it needs first. Chunks
    /// are put together in order, so nothing depends on the number of
    /// workers. A limit stops the run: the failure of the first declaration
    /// of the batch that failed is thrown (the one a run of one declaration
    /// at a time would have met first).
    private func evaluateBatch(startingWith id: DeclarationID) throws {
        let batch = self.batch(startingWith: id)
        let view = data.view(rules.declaration(id).subject)
        let rows = view.sortedRows
        let workers = self.workers
        let cancellation = options.cancellation
        _ = view.records   // encoded here, on every core, before the workers need it
        _ = view.rowIndex
        let chunks = workers.count == 1 ? 1 : min(rows.count / 256 + 1, workers.count * 8)
        let parts = try Parallel.map(parts: chunks, threads: workers.count) { c, w in
            let worker = workers[w]
            try cancellation?.check()
            worker.syncLookups()
            return worker.evaluate(batch, rows: rows[rows.indices.part(c, of: chunks)])
        }
        cache?.collectReads(from: workers)
        for (d, declaration) in batch.enumerated() {
            var outputs: [ChunkOutput] = []
            var diagnostics = PrintedMessages()
            var failure: ChunkFailure?
            var incomplete = false
            for part in parts {
                switch part[d] {
                case .done(let output, let printed):
                    diagnostics.add(printed)
                    outputs.append(output)
                    continue
                case .failed(let first): failure = first
                case .incomplete: incomplete = true
                }
                break
            }
            if let failure {
                if let need = failure.error as? DependencyNeeded { blocked[declaration] = need.id }
                else { failures[declaration] = failure }
            } else if !incomplete {
                evaluated[declaration] = Evaluated(output: ChunkOutput(joining: outputs, as: declaration.kind), diagnostics: diagnostics)
            }
        }
        let stopped = parts.contains { $0.contains { outcome in
            if case .failed(let failure) = outcome { failure.stopsRun } else { false }
        } }
        if stopped, let first = batch.lazy.compactMap({ self.failures[$0] }).first { throw first.error }
    }

    /// A declaration evaluated on every subject, waiting to be finished.
    struct Evaluated {
        var output: ChunkOutput
        var diagnostics: PrintedMessages
    }
}
