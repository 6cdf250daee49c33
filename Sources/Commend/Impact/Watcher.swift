import Foundation
import LuaKit

/// Evaluates a phase, then re-evaluates whenever a rule file (`*.lua` under
/// the rules directory) or a data file (any file under the data directory)
/// changes: the engine of `commend evaluate --watch`.
///
/// Changes are found by polling sizes and modification times (`FileStamps`).
/// Each `step()` is one cycle and never sleeps, so a test drives the watch
/// deterministically; `run` adds the pause between cycles, itself injectable.
///
/// ```swift
/// let watcher = Watcher(rules: rulesURL, data: dataURL, phase: "dot2")
/// watcher.run(shouldStop: { stopRequested }) { cycle in
///     if case .evaluated(_, let changes?, _) = cycle.outcome { print(changes.awards.count, "awards changed") }
/// }
/// ```
public final class Watcher {
    /// The rules folder.
    public let rules: URL
    /// The data folder (or data.json).
    public let data: URL
    /// The phase evaluated at each cycle.
    public let phase: String
    /// How rule paths are shown (`rules` gives `rules/ca-nhan.lua:12`).
    public let rulesDisplayName: String
    /// How data paths are shown in `WatchCycle.changedFiles`.
    public let dataDisplayName: String
    /// Limits of the Lua states loading the rules.
    public var limits: LuaLimits
    /// How each evaluation runs.
    public var options: EvaluationOptions
    /// Takes the stamps of the rules and the data directories; replace it to
    /// simulate file changes.
    public var scan: () -> (rules: FileStamps, data: FileStamps)

    /// The result of the last evaluation that succeeded.
    public private(set) var lastGood: EvaluationResult?
    /// The failure of the last cycle that evaluated, if it failed.
    public private(set) var lastFailure: WatchFailure?
    /// How many cycles ran.
    public private(set) var cycles = 0

    private var stamps: (rules: FileStamps, data: FileStamps)?
    private var dataset: Dataset?
    private var datasetShape: (fields: FieldSchema, phases: [String])?

    /// A watcher of `rules` and `data`, evaluating `phase`; nothing runs until `run` or `cycle`.
    public init(rules: URL, rulesDisplayName: String? = nil, data: URL, dataDisplayName: String? = nil, phase: String,
                limits: LuaLimits = .default, options: EvaluationOptions = EvaluationOptions()) {
        self.rules = rules
        self.data = data
        self.phase = phase
        self.rulesDisplayName = rulesDisplayName ?? rules.path
        self.dataDisplayName = dataDisplayName ?? data.path
        self.limits = limits
        self.options = options
        scan = { (FileStamps.scan(rules, suffix: ".lua"), FileStamps.scan(data)) }
    }

    /// One cycle. The first evaluates; each later one scans both directories
    /// and evaluates again only when a file changed since the previous scan.
    public func step() -> WatchCycle {
        defer { cycles += 1 }
        let now = scan()
        guard let before = stamps else {
            stamps = now
            return WatchCycle(number: cycles, changedFiles: [], outcome: evaluate(dataChanged: true))
        }
        let rulesChanged = now.rules.changes(since: before.rules)
        let dataChanged = now.data.changes(since: before.data)
        stamps = now
        guard !rulesChanged.isEmpty || !dataChanged.isEmpty else {
            return WatchCycle(number: cycles, changedFiles: [], outcome: nil)
        }
        let files = rulesChanged.map { Self.join(rulesDisplayName, $0) } + dataChanged.map { Self.join(dataDisplayName, $0) }
        return WatchCycle(number: cycles, changedFiles: files, outcome: evaluate(dataChanged: !dataChanged.isEmpty))
    }

    /// Runs cycles until `shouldStop` answers true (checked before each one) or
    /// `limit` cycles ran, calling `sleep` with `interval` seconds between two cycles.
    public func run(limit: Int? = nil, interval: Double = 0.3,
                    sleep: (Double) -> Void = { Thread.sleep(forTimeInterval: $0) },
                    shouldStop: () -> Bool = { false }, onCycle: (WatchCycle) -> Void) {
        var ran = 0
        while !shouldStop(), limit.map({ ran < $0 }) ?? true {
            if ran > 0 { sleep(interval) }
            onCycle(step())
            ran += 1
        }
    }

    /// Loads the rules (and the data when it changed or the plan's fields or
    /// phases did) and evaluates; keeps the result only when all of it worked.
    private func evaluate(dataChanged: Bool) -> WatchCycle.Outcome {
        let outcome: WatchCycle.Outcome
        do {
            let ruleSet = try RuleSet.load(directory: rules, displayName: rulesDisplayName, limits: limits)
            let shape = (fields: ruleSet.plan.fields, phases: ruleSet.plan.phases.map(\.id))
            if dataChanged || dataset == nil || datasetShape?.fields != shape.fields || datasetShape?.phases != shape.phases {
                dataset = nil
                let before = options.cache == nil ? nil : try? DataFilesDigest.of(data)
                dataset = try DatasetLoader.load(directory: data, schema: shape.fields, phases: shape.phases)
                datasetShape = shape
                // Files changed while loading: no cache this time (the next cycle loads them again).
                let after = before == nil ? nil : try? DataFilesDigest.of(data)
                options.dataDigest = before != nil && after == before
                    ? ResultCache.dataDigest(files: before!, history: dataset!.history) : nil
            }
            let result = try Evaluator.evaluate(rules: ruleSet, data: dataset!, phase: phase, options: options)
            let changes = lastGood.map { Impact(old: $0, new: result) }
            lastGood = result
            lastFailure = nil
            return .evaluated(result, changes: changes, warnings: ruleSet.warnings.filter { $0.severity == .warning })
        } catch let error as RuleLoadError {
            outcome = .failed(WatchFailure(kind: .rules, messages: error.problems.map(\.description)))
        } catch let error as RuleError {
            outcome = .failed(WatchFailure(kind: .rules, messages: [error.description]))
        } catch let error as DataError {
            outcome = .failed(WatchFailure(kind: .data, messages: error.description.split(separator: "\n").map(String.init)))
        } catch let error as EvaluationError {
            outcome = .failed(WatchFailure(kind: .data, messages: [error.description]))
        } catch {
            outcome = .failed(WatchFailure(kind: .rules, messages: [String(describing: error)]))
        }
        if case .failed(let failure) = outcome { lastFailure = failure }
        return outcome
    }

    private static func join(_ directory: String, _ path: String) -> String {
        directory.isEmpty || directory == "." ? path : (directory.hasSuffix("/") ? directory + path : directory + "/" + path)
    }
}
