import ArgumentParser
import Commend
import Foundation

/// Where the rules and the data are.
struct SourceOptions: ParsableArguments {
    @Option(help: "The rules directory (plan.lua, award and scoring files, lib/, tests/).")
    var rules = "rules"

    @Option(help: "The data directory: units.csv, members.csv, phases/<phase>/*.csv, history.csv, or one data.json.")
    var data = "examples/bac-kan-2021"

    @Option(help: "The phase to evaluate, one of the plan's phases (for example dot1).")
    var phase: String
}

/// The limits every Lua state runs under.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-memory"), help: "Memory cap of the run, in MiB: what the rules allocate, shared by every worker.")
    var maxMemory = 256

    @Option(name: .customLong("max-result-memory"), help: ArgumentHelp(
        "Host memory the results of the run may take (criteria outcomes, details, points), in MiB; default 16 × --max-memory.",
        valueName: "MiB"))
    var maxResultMemory: Int?

    @Option(name: .customLong("max-instructions"), help: "Lua instructions allowed for the whole run, shared by every worker.")
    var maxInstructions = 100_000_000_000

    @Option(name: .customLong("max-call-instructions"), help: "Lua instructions allowed for one call of a rule function.")
    var maxCallInstructions = 100_000_000

    @Option(help: "Wall-clock limit of the run, in seconds.")
    var timeout = 600.0

    @Option(help: "Threads of the run (default: the number of cores): Lua workers, and the reading and writing around them. The result is the same for any number.")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard maxMemory > 0, maxInstructions > 0, maxCallInstructions > 0, timeout > 0, (maxResultMemory ?? 1) > 0 else {
            throw ValidationError("limits must be positive")
        }
        guard jobs > 0 else { throw ValidationError("--jobs must be at least 1") }
        EngineThreads.limit(to: jobs)
    }

    var limits: LuaLimits {
        LuaLimits(memory: maxMemory << 20, instructions: maxInstructions,
                  instructionsPerCall: maxCallInstructions, seconds: timeout)
    }

    var evaluation: EvaluationOptions {
        EvaluationOptions(jobs: jobs, limits: limits, maxResultMemory: maxResultMemory.map { $0 << 20 })
    }
}

extension SourceOptions {
    func loadRules(limits: LuaLimits) throws -> RuleSet {
        try RuleSet.load(directory: URL(fileURLWithPath: rules), displayName: rules, limits: limits)
    }

    /// Loads the data directory; with a `timeout`, a load that takes longer
    /// (a file on a stalled network share, a file of many gigabytes) ends the
    /// process with exit status 2 and a message, as the wall-clock limit of
    /// the run ends the rules: nothing has been written yet.
    func loadData(plan: Plan, timeout: Double? = nil) throws -> Dataset {
        let watchdog = timeout.map { seconds -> DispatchSourceTimer in
            let timer = DispatchSource.makeTimerSource(queue: .global())
            timer.schedule(deadline: .now() + seconds)
            timer.setEventHandler { [data] in
                FileHandle.standardError.write(Data("\(data): time limit exceeded while loading the data (--timeout \(ReportFormat.number(seconds)) s)\n".utf8))
                Foundation.exit(2)
            }
            timer.resume()
            return timer
        }
        defer { watchdog?.cancel() }
        return try DatasetLoader.load(directory: URL(fileURLWithPath: data), schema: plan.fields, phases: plan.phases.map(\.id))
    }
}

func printWarnings(_ rules: RuleSet) {
    for warning in rules.warnings where warning.severity == .warning {
        FileHandle.standardError.write(Data((Terminal.text(warning.description) + "\n").utf8))
    }
}

/// `--lang`: the language of readable output (RULES.md section 9).
struct LanguageOption: ParsableArguments {
    @Option(help: "Language of readable output: vi (Vietnamese, the default) or en (English). JSON and CSV do not change.")
    var lang: Language = .vi

    var wording: Wording { Wording(lang) }
}

extension Language: ExpressibleByArgument {}

extension OutputSink {
    /// Where a command's `--out` sends its output: that file (written whole or not
    /// at all), or standard output when the option is not given.
    static func to(_ out: String?) throws -> OutputSink {
        try out.map { try OutputSink(file: URL(fileURLWithPath: $0)) } ?? OutputSink()
    }
}
