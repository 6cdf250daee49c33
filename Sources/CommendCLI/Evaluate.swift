import ArgumentParser
import Commend
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

    func validate() throws {
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
        let data = try source.loadData(plan: rules.plan, timeout: limits.timeout)
        clock.step("load data")
        var options = limits.evaluation
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
        let sink = try out.map { try OutputSink(file: URL(fileURLWithPath: $0)) } ?? OutputSink()
        if out != nil, format == .json || format == .csv {
            // Streamed into the file: each award is written as soon as it is
            // final, then dropped; the file appears only when all is written.
            let stream = TimedSink(format == .json ? JSONStream(sink) : CSVStream(sink))
            try Evaluator.evaluate(rules: rules, data: data, phase: source.phase, options: options, into: stream)
            try sink.commit()
            bar.finish()
            clock.split("evaluate", "write \(format.rawValue)", second: stream.seconds)
            return
        }
        var result = try Evaluator.evaluate(rules: rules, data: data, phase: source.phase, options: options)
        if !filter.isEmpty { result = try filter.apply(to: result, data: data) }
        bar.finish()
        clock.step("evaluate")
        defer { clock.step("write \(format.rawValue)") }
        write(result, to: sink)
        try sink.commit()
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
}
