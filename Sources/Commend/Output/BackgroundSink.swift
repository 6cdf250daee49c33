import Dispatch
import Synchronization

/// Hands results to another sink on a thread of its own, in order, so that
/// writing one award (encoding its JSON, say) overlaps the evaluation of
/// the next instead of stopping it. At most `depth` results wait for the
/// inner sink, which bounds the memory they hold. A failure of the inner
/// sink is thrown by the next call, and by `end`, which returns once the
/// inner sink has had everything.
///
/// It adds a thread: use it when the run may use more than one.
public final class BackgroundSink: EvaluationSink {
    // @unchecked Sendable: the inner sink is used by the queue only, one
    // call after the other.
    private struct Inner: @unchecked Sendable { let sink: EvaluationSink }
    private let inner: Inner
    private let queue = DispatchQueue(label: "commend.sink")
    private let room: DispatchSemaphore
    private let failure = Failure()

    /// The first error of the inner sink.
    private final class Failure: Sendable {
        let error = Mutex<(any Error)?>(nil)
    }

    /// A sink that forwards to `inner` in the background, with at most
    /// `depth` results waiting.
    public init(_ inner: EvaluationSink, depth: Int = 2) {
        self.inner = Inner(sink: inner)
        room = DispatchSemaphore(value: max(1, depth))
    }

    private func submit(_ body: @escaping @Sendable (EvaluationSink) throws -> Void) throws {
        if let error = failure.error.withLock({ $0 }) { throw error }
        room.wait()
        let inner = self.inner, room = self.room, failure = self.failure
        queue.async {
            defer { room.signal() }
            guard failure.error.withLock({ $0 == nil }) else { return }
            do { try body(inner.sink) } catch { failure.error.withLock { $0 = $0 ?? error } }
        }
    }

    /// Hands the head of the output on.
    public func begin(plan: Plan, phase: Phase, rulesDigest: String) throws {
        try submit { try $0.begin(plan: plan, phase: phase, rulesDigest: rulesDigest) }
    }

    /// Hands one award's outcomes on, after those before it.
    public func award(_ result: AwardResult) throws {
        try submit { try $0.award(result) }
    }

    /// Hands one scoring's outcomes on, after those before it.
    public func scoring(_ result: ScoringResult) throws {
        try submit { try $0.scoring(result) }
    }

    /// Hands the end on and waits until the inner sink has had everything.
    public func end(diagnostics: [Diagnostic]) throws {
        try submit { try $0.end(diagnostics: diagnostics) }
        queue.sync {}
        if let error = failure.error.withLock({ $0 }) { throw error }
    }
}
