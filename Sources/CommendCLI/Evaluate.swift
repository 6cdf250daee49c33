import ArgumentParser
import Commend
import CommendStore
import Foundation

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Decide every award and scoring of one phase.",
        discussion: """
            Loads the rules and the data, evaluates every award and scoring that applies
            to the phase, and prints the result. Output files are written whole or not
            at all.

              commend evaluate --phase dot1
              commend evaluate --rules rules --data examples/bac-kan-2021 --phase dot2 --format json --out result.json
              commend evaluate --phase dot2 --watch
              commend evaluate --phase dot2 --unit H01 --award lao-dong-tien-tien --awarded-only

            With --watch, the rules (every .lua) and the data (every file) are polled
            every 0.3 s after the first evaluation; on a change the phase is evaluated
            again, and what changed since the last good result is printed after it
            (awards gained or lost, ranks and grades moved). A reload that fails keeps the
            last good result, with the errors after it. Ctrl-C stops.

            The table, md and html formats (and the watch screen) are in Vietnamese,
            numbers as 1.234,5 and dates as 30/06/2021; --lang en gives English.
            JSON and CSV are the same in any language.

            Results are kept in a cache (.commend-cache beside the rules directory, or
            --cache DIR; at most --cache-size MiB, least recently used removed first): an
            award or scoring whose fields, functions (with the values and modules they
            use), data, phase and cross references did not change is not evaluated again,
            and the output is byte-identical to a run without the cache. After editing one
            criterion, only that award and those that read it through ctx are evaluated.
            --no-cache evaluates everything; --timings ends with what was reused.

            With --record, the run is stored in the database of recorded runs (--db,
            default $COMMEND_DB, else commend.db): plan, phase, rules and data digests,
            the options that affect results, the engine version, the time and the whole
            JSON result, in one transaction; "recorded run ID" is printed on standard
            error. A run that fails records nothing. When the database exists, the
            awards of its finalized runs of earlier years and its imported history are
            added to the data's history.csv for ctx.history and ctx.streak.

              commend evaluate --phase dot2 --record
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, md, html
    }

    @OptionGroup var source: SourceOptions
    @OptionGroup var limits: LimitOptions
    @OptionGroup var language: LanguageOption

    @Option(help: "Output format: table (readable text), json (RULES.md §5), csv, md or html.")
    var format: Format = .table

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    @Flag(help: "After the first evaluation, watch the rules and data directories and evaluate again on every change (Ctrl-C stops).")
    var watch = false

    @Flag(help: "Print the time of each step (rules, data, evaluation, output) to standard error.")
    var timings = false

    @Flag(help: "No progress bar on standard error.")
    var quiet = false

    /// For the table, md and html formats.
    @OptionGroup var narrowing: FilterOptions
    var filter: ResultFilter { narrowing.filter }

    @Flag(help: "Record the run in the database of recorded runs (see --db).")
    var record = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var caching: CacheOptions

    func validate() throws {
        if record && watch { throw ValidationError("--record cannot be combined with --watch") }
        guard !filter.isEmpty else { return }
        if format == .json || format == .csv {
            throw ValidationError("--award, --unit and --awarded-only narrow the table, md and html formats; JSON and CSV are always whole")
        }
        if watch { throw ValidationError("--award, --unit and --awarded-only do not apply with --watch") }
    }

    func run() throws {
        if let out { try OutputTarget.check(out, inputs: [(source.rules, OutputTarget.rules), (source.data, OutputTarget.data)]) }
        if watch { return WatchScreen(command: self).run() }
        var clock = StepClock(enabled: timings)
        let rules = try source.loadRules(limits: limits.limits)
        printWarnings(rules)
        clock.step("load rules")
        let store = try record ? self.store.open() : self.store.openIfPresent()
        let data = try self.store.addingHistory(to: try source.loadData(plan: rules.plan, timeout: limits.timeout),
                                                plan: rules.plan, store: store)
        for warning in YearCheck.warnings(rules: rules, phase: source.phase, history: data.history) { printError(warning) }
        // The data files are digested once, for the recorded run and the result cache.
        let recordedDigest = record ? try DataDigest.of(URL(fileURLWithPath: source.data)) : nil
        var options = limits.evaluation
        caching.apply(to: &options, rules: source.rules, files: recordedDigest ?? caching.filesDigest(dataDirectory: source.data),
                      dataset: data)
        defer { if timings, let cache = options.cache { printError("  " + cache.summary()) } }
        clock.step("load data")
        let bar = ProgressBar(enabled: !quiet && !timings && ProgressBar.isTerminal)
        let stepStart = Locked(DispatchTime.now().uptimeNanoseconds)
        let showTimings = timings
        options.progress = { progress in
            let now = DispatchTime.now().uptimeNanoseconds
            let previous = stepStart.exchange(now)
            if showTimings {
                let counter = progress.total > 0 ? "\(progress.done)/\(progress.total) " : ""
                FileHandle.standardError.write(Data("  \(counter)\(progress.step): \(String(format: "%.3f", Double(now - previous) / 1e9)) s\n".utf8))
            }
            bar.update(progress)
        }
        let sink = try OutputSink.to(out)
        if out != nil, format == .json || format == .csv {
            // Streamed into the file: each award is written as soon as it is
            // final, then dropped; the file appears only when all is written.
            // With more than one thread, an award is written while the next evaluates.
            let writer: EvaluationSink = format == .json ? JSONStream(sink) : CSVStream(sink)
            let stream = TimedSink(limits.jobs > 1 ? BackgroundSink(writer) : writer)
            let recorder = try recordedDigest.map { try makeRecorder(dataDigest: $0, forward: stream, json: format == .json ? sink : nil) }
            try Evaluator.evaluate(rules: rules, data: data, phase: source.phase, options: options,
                                   into: recorder ?? stream)
            try sink.commit()
            bar.finish()
            clock.split("evaluate", "write \(format.rawValue)", second: stream.seconds)
            if let store, let recorder { try save(recorder, in: store, clock: &clock) }
            return
        }
        let result = try Evaluator.evaluate(rules: rules, data: data, phase: source.phase, options: options)
        // What is shown may be narrowed; what is recorded is the whole result.
        let shown = filter.isEmpty ? result : try filter.apply(to: result, data: data)
        bar.finish()
        clock.step("evaluate")
        let recorder = try recordedDigest.map { try makeRecorder(dataDigest: $0, forward: nil, json: format == .json ? sink : nil) }
        if let recorder {
            try result.replay(into: recorder)
            clock.step("record: encode")
        }
        write(shown, to: sink)
        try sink.commit()
        clock.step("write \(format.rawValue)")
        if let store, let recorder { try save(recorder, in: store, clock: &clock) }
    }

    /// The result in the chosen format; the readable ones in the chosen language.
    func write(_ result: EvaluationResult, to sink: OutputSink) {
        switch format {
        case .table: ReportFormat.write(result, style: .plain, language: language.lang, to: sink)
        case .md: ReportFormat.write(result, style: .markdown, language: language.lang, to: sink)
        case .html: ReportFormat.write(result, style: .html, language: language.lang, to: sink)
        case .json: JSONFormat.write(result, to: sink)
        case .csv: CSVFormat.write(result, to: sink)
        }
    }

    /// A recorder of this run: the data digest and the options that affect results.
    /// `json`: the user's output when it is the JSON result (kept, not written twice).
    private func makeRecorder(dataDigest: String, forward: EvaluationSink?, json: OutputSink?) throws -> RunRecorder {
        let options = ["rules": source.rules, "data": source.data, "max_memory_mib": String(limits.maxMemory),
                       "max_instructions": String(limits.maxInstructions),
                       "max_call_instructions": String(limits.maxCallInstructions),
                       "timeout_seconds": String(limits.timeout)]
        return try RunRecorder(dataDigest: dataDigest, options: options,
                               forward: forward, json: json)
    }

    /// Stores the run in one transaction and names it on standard error.
    /// With COMMEND_RECORD_PAUSE set (tests), the transaction stops halfway,
    /// says so on standard error and waits for standard input to close: a
    /// test can kill the process there.
    private func save(_ recorder: RunRecorder, in store: RunStore, clock: inout StepClock) throws {
        let pause: (() -> Void)? = ProcessInfo.processInfo.environment["COMMEND_RECORD_PAUSE"] == nil ? nil : {
            printError("commend: recording, transaction open (COMMEND_RECORD_PAUSE: waiting for standard input to close)")
            _ = FileHandle.standardInput.readDataToEndOfFile()
        }
        let id = try store.record(recorder, midway: pause)
        clock.step("record")
        printError("recorded run \(id)")
    }
}
