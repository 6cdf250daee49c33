import Commend
import Foundation

/// `--timings`: the wall-clock time of each step, on standard error.
struct StepClock {
    let enabled: Bool
    private var last = DispatchTime.now().uptimeNanoseconds

    init(enabled: Bool) { self.enabled = enabled }

    /// One span of time reported as two steps, the second taking `second` seconds.
    mutating func split(_ first: String, _ secondName: String, second: Double) {
        let now = DispatchTime.now().uptimeNanoseconds
        if enabled {
            let total = Double(now - last) / 1e9
            for (name, seconds) in [(first, max(0, total - second)), (secondName, second)] {
                let padded = name.padding(toLength: max(14, name.count), withPad: " ", startingAt: 0)
                FileHandle.standardError.write(Data((padded + String(format: " %8.3f s\n", seconds)).utf8))
            }
        }
        last = now
    }

    mutating func step(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        if enabled {
            let padded = name.padding(toLength: max(14, name.count), withPad: " ", startingAt: 0)
            let line = padded + String(format: " %8.3f s\n", Double(now - last) / 1e9)
            FileHandle.standardError.write(Data(line.utf8))
        }
        last = now
    }
}


/// A value shared with a `@Sendable` callback.
final class Locked<T>: @unchecked Sendable {
    private var value: T
    private let lock = NSLock()
    init(_ value: T) { self.value = value }
    /// Stores `new` and returns the previous value.
    func exchange(_ new: T) -> T {
        lock.lock()
        defer { lock.unlock() }
        let old = value
        value = new
        return old
    }
}

/// Passes results on to a writer and adds up the time spent writing them.
final class TimedSink: EvaluationSink {
    private let inner: EvaluationSink
    private(set) var seconds = 0.0

    init(_ inner: EvaluationSink) { self.inner = inner }

    private func timed(_ body: () throws -> Void) rethrows {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        try body()
    }

    func begin(plan: Plan, phase: Phase, rulesDigest: String) throws {
        try timed { try inner.begin(plan: plan, phase: phase, rulesDigest: rulesDigest) }
    }
    func award(_ result: AwardResult) throws { try timed { try inner.award(result) } }
    func scoring(_ result: ScoringResult) throws { try timed { try inner.scoring(result) } }
    func end(diagnostics: [Diagnostic]) throws { try timed { try inner.end(diagnostics: diagnostics) } }
}
