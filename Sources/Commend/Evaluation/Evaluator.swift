import Dispatch
import Foundation
import LuaKit

/// Where an evaluation stands, reported after each step.
public struct EvaluationProgress: Sendable {
    /// What was just done: "indexed the data", "prepared 2 workers", "award:x", "scoring:y".
    public var step: String
    /// Awards and scorings finished, and how many there are.
    public var done: Int
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

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, limits: LuaLimits = .default,
                maxResultMemory: Int? = nil, progress: (@Sendable (EvaluationProgress) -> Void)? = nil) {
        self.jobs = jobs
        self.limits = limits
        self.maxResultMemory = maxResultMemory
        self.progress = progress
    }

    /// The result memory limit in effect.
    var resultMemory: Int? { maxResultMemory ?? limits.memory.map { $0 * 16 } }
}

/// Evaluates one phase of a plan on a dataset (RULES.md §2.2–2.4).
public enum Evaluator {
    public static func evaluate(rules: RuleSet, data: Dataset, phase phaseID: String,
                                options: EvaluationOptions = EvaluationOptions()) throws -> EvaluationResult {
        let collector = ResultCollector()
        try evaluate(rules: rules, data: data, phase: phaseID, options: options, into: collector)
        return collector.result!
    }

    /// Evaluates and hands each award and scoring to `sink` as soon as it and
    /// everything before it in the output order are final; results already
    /// handed over are not kept.
    public static func evaluate(rules: RuleSet, data: Dataset, phase phaseID: String,
                                options: EvaluationOptions = EvaluationOptions(), into sink: EvaluationSink) throws {
        guard let phase = rules.plan.phase(phaseID) else {
            let ids = rules.plan.phases.map(\.id)
            throw EvaluationError("unknown phase \"\(phaseID)\"\(Suggestion.hint(for: phaseID, in: ids)); the plan's phases are \(ids.joined(separator: ", "))")
        }
        let phaseData = PhaseData(plan: rules.plan, phase: phase, dataset: data)
        options.progress?(EvaluationProgress(step: "indexed the data", done: 0, total: 0, subjects: 0))
        let run = try Run(rules: rules, data: phaseData, options: options)
        try run.evaluate(into: sink)
    }
}

/// One evaluation: the workers, the published results, the order of work.
final class Run {
    let rules: RuleSet
    let data: PhaseData
    let options: EvaluationOptions
    let store = ResultStore()
    let workers: [Worker]
    let applicable: Set<String>
    var awardResults: [String: AwardResult] = [:]
    var scoringResults: [String: ScoringResult] = [:]
    var diagnostics: [Diagnostic] = []
    var droppedDiagnostics = 0
    private var inProgress: [String] = []
    /// The position of each award and scoring id in the rules (the first, for a duplicate).
    private let awardIndex: [String: Int]
    private let scoringIndex: [String: Int]
    private var done = 0
    private var subjects = 0

    init(rules: RuleSet, data: PhaseData, options: EvaluationOptions) throws {
        self.rules = rules
        self.data = data
        self.options = options
        store.budget = ResultBudget(limit: options.resultMemory)
        var applicable = Set<String>()
        for award in rules.awards where award.applies(toPhase: data.phase.id) { applicable.insert("award:" + award.id) }
        for scoring in rules.scorings where scoring.applies(toPhase: data.phase.id) { applicable.insert("scoring:" + scoring.id) }
        self.applicable = applicable
        awardIndex = Dictionary(rules.awards.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        scoringIndex = Dictionary(rules.scorings.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let subjects = max(data.members.count, data.units.count)
        let count = max(1, min(options.jobs, subjects / 200))
        let runtimes = try Run.runtimes(count: count, files: rules.files, limits: options.limits)
        let store = self.store
        workers = runtimes.map { Worker(runtime: $0, data: data, store: store, applicable: applicable) }
        diagnostics = rules.diagnostics
        droppedDiagnostics = rules.droppedDiagnostics
        for worker in workers { _ = worker.takeDiagnostics() }
        options.progress?(EvaluationProgress(step: "prepared \(workers.count) worker\(workers.count == 1 ? "" : "s")",
                                             done: 0, total: applicable.count, subjects: 0))
    }

    private static func runtimes(count: Int, files: RuleFiles, limits: LuaLimits) throws -> [RuleRuntime] {
        let slots = Slots<RuleRuntime>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            slots.set(i, Result { try RuleRuntime(files: files, limits: limits) })
        }
        let runtimes = try slots.values.map { try $0!.get() }
        // The same files give the same declarations; anything else is an error, not a guess.
        for runtime in runtimes where !runtime.problems.filter({ $0.severity == .error }).isEmpty {
            throw RuleLoadError(problems: runtime.problems)
        }
        // The limits hold per run: the workers share one account, in which
        // loading the rules counts once (RULES.md §2.5).
        let account = LuaRunAccount(limits: limits, loadedBy: runtimes[0].state)
        for runtime in runtimes { runtime.state.attach(to: account) }
        return runtimes
    }

    func evaluate(into sink: EvaluationSink) throws {
        try sink.begin(plan: rules.plan, phase: data.phase, rulesDigest: rules.digest)
        // A result leaves memory once it and all before it are handed over;
        // one evaluated early for another's sake waits for its turn.
        let awards = rules.awards.filter { applicable.contains("award:" + $0.id) }
        var next = 0
        for award in awards {
            try ensure("award:" + award.id)
            while next < awards.count, let result = awardResults.removeValue(forKey: awards[next].id) {
                try sink.award(result)
                next += 1
            }
        }
        let scorings = rules.scorings.filter { applicable.contains("scoring:" + $0.id) }
        for scoring in scorings {
            try ensure("scoring:" + scoring.id)
            if let result = scoringResults.removeValue(forKey: scoring.id) { try sink.scoring(result) }
        }
        if droppedDiagnostics > 0 {
            diagnostics.append(Diagnostic(level: "warning", message: "\(droppedDiagnostics) more printed messages not kept (at most \(Diagnostic.cap) per run)", file: nil, line: nil))
        }
        try sink.end(diagnostics: diagnostics)
    }

    private var finished: Set<String> = []

    /// Evaluates `key` after whatever it needs; a need met again on the way
    /// is a cycle. Needs are followed with a stack of our own, not by
    /// recursion: a chain of a thousand awards, each the quota base of the
    /// next, must not exhaust the thread's stack.
    func ensure(_ key: String) throws {
        if finished.contains(key) { return }
        var waiting: Set<String> = [key]
        inProgress = [key]
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
            options.progress?(EvaluationProgress(step: current, done: done, total: applicable.count, subjects: subjects))
        }
    }

    /// The cycle error for `key`, met again while it waits for what it needs.
    private func cycle(through key: String) -> RuleError {
        let start = inProgress.firstIndex(of: key) ?? 0
        let cycle = inProgress[start...] + [key]
        let named = cycle.map { k -> String in
            let (kind, id) = split(k)
            let location = kind == "award" ? rules.award(id)?.location : rules.scoring(id)?.location
            return "\(kind) \"\(id)\"" + (location.map { " (\($0))" } ?? "")
        }
        let first = split(key)
        return RuleError(kind: .cycle,
                         location: first.0 == "award" ? rules.award(first.1)?.location : rules.scoring(first.1)?.location,
                         message: "cycle of cross references: " + named.joined(separator: " → "))
    }

    private func split(_ key: String) -> (String, String) {
        let parts = key.split(separator: ":", maxSplits: 1)
        return (String(parts[0]), String(parts[1]))
    }

    /// Evaluates `key`, or returns what it needs first (an award or scoring
    /// not finished yet).
    private func pass(_ key: String) throws -> String? {
        let (kind, id) = split(key)
        do {
            if kind == "award", let index = awardIndex[id] {
                let award = rules.awards[index]
                let view = data.view(award.subject)
                var baseCounts: [String?: Int]?
                if let base = award.quota?.base, let baseIndex = awardIndex[base] {
                    let baseKey = "award:" + base
                    if applicable.contains(baseKey) && !finished.contains(baseKey) { return baseKey }
                    baseCounts = Finishing.baseCounts(groups: QuotaGroup(within: award.quota?.within, view: data.view(rules.awards[baseIndex].subject), units: data.units),
                                                      state: store.awards[base])
                }
                let rows: [AwardRow] = try parallel(view) { worker, slice in try worker.evaluateAward(index, rows: slice) }
                subjects += view.count
                let groups = QuotaGroup(within: award.quota?.within, view: view, units: data.units)
                let (result, state) = Finishing.award(award, rows: rows, view: view, groups: groups, baseCounts: baseCounts)
                awardResults[id] = result
                store.awards[id] = state
            } else if let index = scoringIndex[id] {
                let scoring = rules.scorings[index]
                let view = data.view(scoring.subject)
                let rows: [ScoreRow] = try parallel(view) { worker, slice in try worker.evaluateScoring(index, rows: slice) }
                subjects += view.count
                let (result, state) = try Finishing.scoring(scoring, rows: rows, view: view)
                scoringResults[id] = result
                store.scorings[id] = state
            }
        } catch let need as DependencyNeeded {
            return need.key
        }
        return nil
    }

    /// Runs `body` on contiguous chunks of the subjects (by id), several per
    /// worker, each worker taking the next chunk when done, so that a slow
    /// part of the data does not leave the other workers idle. Results and
    /// printed messages are put together in chunk order, and the failure of
    /// the first failing chunk wins (chunks before it always run): nothing
    /// depends on the number of workers.
    private func parallel<T: Sendable>(_ view: KindView, _ body: @escaping @Sendable (Worker, ArraySlice<Int>) throws -> [T]) throws -> [T] {
        let rows = view.sortedRows
        let workers = self.workers
        _ = view.records   // encoded here, on every core, before the workers need it
        let chunks = workers.count == 1 ? 1 : min(rows.count / 256 + 1, workers.count * 8)
        let slots = Slots<([T], [Diagnostic], Int)>(count: chunks)
        let queue = ChunkQueue(count: chunks)
        DispatchQueue.concurrentPerform(iterations: workers.count) { w in
            let worker = workers[w]
            while let c = queue.next() {
                let slice = rows[rows.indices.part(c, of: chunks)]
                let result = Result { try body(worker, slice) }
                let (kept, dropped) = worker.takeDiagnostics()
                switch result {
                case .success(let part): slots.set(c, .success((part, kept, dropped)))
                case .failure(let error):
                    worker.state.clearInterrupt()
                    slots.set(c, .failure(error))
                    queue.failed(at: c)
                }
            }
        }
        var out: [T] = []
        out.reserveCapacity(rows.count)
        for slot in slots.values {
            // A chunk after the first failure may not have run: only chunks before it are read.
            switch slot {
            case .success(let (part, kept, dropped))?:
                out += part
                let room = max(0, Diagnostic.cap - diagnostics.count)
                diagnostics += kept.prefix(room)
                droppedDiagnostics += kept.count - min(room, kept.count) + dropped
            case .failure(let error)?:
                throw error
            case nil:
                preconditionFailure("a chunk before the first failure did not run")
            }
        }
        return out
    }
}

/// Hands out chunk numbers in increasing order, none after a failed chunk.
final class ChunkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var next_ = 0
    private var limit: Int

    init(count: Int) { limit = count }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next_ < limit else { return nil }
        next_ += 1
        return next_ - 1
    }

    /// Chunk `c` failed: chunks after it are not needed.
    func failed(at c: Int) {
        lock.lock()
        limit = min(limit, c + 1)
        lock.unlock()
    }
}

/// Results written by concurrent iterations, each into its own slot.
final class Slots<T>: @unchecked Sendable {
    private(set) var values: [Result<T, any Error>?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: Result<T, any Error>) {
        lock.lock()
        values[i] = value
        lock.unlock()
    }
}
