import Commend
import Foundation
import Synchronization

/// Set by Ctrl-C while `commend evaluate --watch` runs.
private let interrupted = Atomic<Bool>(false)

/// `commend evaluate --watch`: the screen around a `Watcher`. After each
/// evaluation it shows the result (or writes --out), then what changed since
/// the last good evaluation; after a failed reload it shows the last good
/// result again with the errors after it. The screen is cleared between runs
/// only when standard output is a terminal.
struct WatchScreen {
    var command: Evaluate

    func run() {
        var options = command.limits.evaluation
        options.cache = command.caching.resultCache(rules: command.source.rules)
        let watcher = Watcher(rules: URL(fileURLWithPath: command.source.rules), rulesDisplayName: command.source.rules,
                              data: URL(fileURLWithPath: command.source.data), dataDisplayName: command.source.data,
                              phase: command.source.phase, limits: command.limits.limits, options: options)
        // The first Ctrl-C stops after the current cycle; a second one ends at once.
        // A parent may have started us with SIGINT blocked (a test runner does): unblock it.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
        signal(SIGINT) { _ in
            interrupted.store(true, ordering: .relaxed)
            signal(SIGINT, SIG_DFL)
        }
        watcher.run(shouldStop: { interrupted.load(ordering: .relaxed) }) { cycle in
            show(cycle, watcher: watcher)
        }
        status("\n" + say(.stoppedWatching) + "\n")
    }

    /// Status lines go after the report on standard output, unless the report
    /// itself goes there in a machine-readable format.
    private var say: Wording { command.language.wording }

    private var statusToStandardError: Bool {
        command.out == nil && [.json, .csv, .html].contains(command.format)
    }

    private func status(_ text: String) {
        if statusToStandardError {
            FileHandle.standardError.write(Data(text.utf8))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    private func show(_ cycle: WatchCycle, watcher: Watcher) {
        guard let outcome = cycle.outcome else { return }
        if isatty(STDOUT_FILENO) != 0 { FileHandle.standardOutput.write(Data("\u{1B}[H\u{1B}[2J\u{1B}[3J".utf8)) }
        var text = ""
        switch outcome {
        case .evaluated(let result, let changes, let warnings):
            do {
                try write(result)
            } catch {
                text += "\(error)\n"
            }
            text += footer(cycle, headline: say(.watchEvaluated))
            for warning in warnings { text += warning.description + "\n" }
            if let out = command.out { text += say(.wrote(path: out)) + "\n" }
            if let changes {
                text += "\n" + say(.changesSinceLastGood) + "\n"
                text += ImpactTextFormat.text(changes, language: command.language.lang)
            }
        case .failed(let failure):
            if let lastGood = watcher.lastGood, command.out == nil { try? write(lastGood) }
            text += footer(cycle, headline: say(.watchReloadFailed))
            let kept = say(watcher.lastGood == nil ? .noGoodResultYet : .resultAboveIsLastGood)
            text += "\(kept); " + say(failure.kind == .rules ? .rulesNeedFix : .dataNeedsFix) + "\n"
            for message in failure.messages { text += message + "\n" }
        }
        // Messages, names and changes come from rules and data: no control characters reach the terminal.
        status(Terminal.text(text))
    }

    /// The result in the chosen format, to --out (whole or not at all) or standard output.
    private func write(_ result: EvaluationResult) throws {
        let sink = try OutputSink.to(command.out)
        command.write(result, to: sink)
        try sink.commit()
    }

    private func footer(_ cycle: WatchCycle, headline: String) -> String {
        let time = say.time(Date())
        let cause = cycle.changedFiles.isEmpty ? "" : say(.watchAfterChange(files: cycle.changedFiles))
        let watching = say(.watching(rules: command.source.rules, data: command.source.data, seconds: 0.3))
        return "\n── \(time): \(headline)\(cause)\n── \(watching)\n"
    }
}
