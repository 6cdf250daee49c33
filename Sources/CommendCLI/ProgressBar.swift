import Commend
import Foundation

/// A one-line progress display on standard error for runs longer than about
/// a second, when standard error is a terminal: step, awards and scorings
/// done, subjects evaluated and their rate.
final class ProgressBar: @unchecked Sendable {
    static var isTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    private let enabled: Bool
    private let start = DispatchTime.now().uptimeNanoseconds
    private var shown = false
    private let lock = NSLock()

    init(enabled: Bool) { self.enabled = enabled }

    private var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    func update(_ progress: EvaluationProgress) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let seconds = elapsed
        guard seconds >= 1 || shown else { return }
        shown = true
        let width = 24
        let filled = progress.total > 0 ? width * progress.done / progress.total : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let rate = seconds > 0 ? Double(progress.subjects) / seconds : 0
        let line = "\r\u{1B}[2Kevaluate \(bar) \(progress.done)/\(progress.total)  \(progress.step)  "
            + "\(progress.subjects) subjects, \(Int(rate))/s  " + String(format: "%.1f s", seconds)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
