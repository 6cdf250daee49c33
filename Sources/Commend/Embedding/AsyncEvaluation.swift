import Dispatch
import Foundation
import Synchronization

extension RuleSet {
    /// Evaluates `phase` of these rules on `data`, off the caller's thread
    /// (on threads of its own, `options.jobs` of them), and returns the
    /// whole result:
    ///
    ///     let result = try await rules.evaluate(data, phase: "dot1")
    ///
    /// Cancelling the calling task stops the evaluation between two
    /// declarations or two chunks of subjects, and this call throws
    /// `CancellationError`.
    /// - Throws: `EvaluationError` for a phase the plan does not declare,
    ///   `RuleError` when a rule fails or a limit is reached, `RuleLoadError`
    ///   when the rules no longer load in a worker, `CancellationError`.
    public func evaluate(_ data: Dataset, phase: String,
                         options: EvaluationOptions = EvaluationOptions()) async throws -> EvaluationResult {
        let flag = CancellationFlag()
        var cancellable = options
        cancellable.cancellation = flag
        let rules = self, options = cancellable
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                // Evaluation blocks its threads for as long as it runs: not
                // on the cooperative pool of Swift's tasks. The stack of a
                // main thread: with one job, Lua runs on this thread.
                let thread = Thread {
                    continuation.resume(with: Result {
                        try flag.check()
                        return try Evaluator.evaluate(rules: rules, data: data, phase: phase, options: options)
                    })
                }
                thread.stackSize = 8 << 20
                thread.start()
            }
        } onCancel: {
            flag.cancel()
        }
    }
}

/// Set when the task that asked for an evaluation is cancelled; the run
/// checks it between declarations and chunks.
final class CancellationFlag: Sendable {
    private let cancelled = Atomic<Bool>(false)

    func cancel() { cancelled.store(true, ordering: .relaxed) }

    /// - Throws: `CancellationError` once cancelled.
    func check() throws {
        if cancelled.load(ordering: .relaxed) { throw CancellationError() }
    }
}
