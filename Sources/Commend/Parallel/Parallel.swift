import Dispatch
import Foundation
import Synchronization

/// The most threads the engine's parallel work may use, for the whole
/// process: reading data, encoding subjects, evaluating, writing results.
/// By default every core; `commend --jobs 1` holds a run to one core.
public enum EngineThreads {
    private static let limit = Atomic<Int>(Int.max)

    /// Limits every later piece of parallel work to `threads` threads (at
    /// least one); nil lifts the limit.
    public static func limit(to threads: Int?) {
        limit.store(max(1, threads ?? Int.max), ordering: .relaxed)
    }

    static var cap: Int { limit.load(ordering: .relaxed) }
}

/// The one place where the engine runs work on several threads: work split
/// into numbered parts, results put together in part order, so that nothing
/// depends on the number of threads or on which thread ran what.
enum Parallel {
    /// The cores of this machine, or fewer under `EngineThreads.limit(to:)`.
    static var cores: Int { min(ProcessInfo.processInfo.activeProcessorCount, EngineThreads.cap) }

    /// Runs `body` for every part of `0..<parts` on up to `threads` threads
    /// (the cores by default) and returns the results in part order.
    ///
    /// Each thread, numbered `0..<threads` and passed as `thread`, takes the
    /// lowest part not yet taken until none is left: a slow part does not
    /// leave the other threads idle, and the parts of one thread run one
    /// after the other, so a thread may use state of its own (a Lua state)
    /// without a lock. When parts fail, the error of the first failing part
    /// is thrown: every part before it has run, parts after it may not have.
    static func map<T: Sendable, E: Error>(parts: Int, threads: Int = cores,
                                           _ body: @Sendable (_ part: Int, _ thread: Int) throws(E) -> T) throws(E) -> [T] {
        guard parts > 0 else { return [] }
        let threads = max(1, min(threads, parts, EngineThreads.cap))
        if threads == 1 {
            var out: [T] = []
            out.reserveCapacity(parts)
            for p in 0..<parts { out.append(try body(p, 0)) }
            return out
        }
        let work = Mutex(Work<T, E>(parts: parts))
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            while let p = work.withLock({ $0.take() }) {
                let result = Result { () throws(E) -> T in try body(p, thread) }
                work.withLock { $0.finish(p, result) }
            }
        }
        return try work.withLock { work throws(E) -> [T] in try work.results() }
    }

    /// Runs `a` and `b` at the same time and returns both results.
    static func both<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
        let results = map(parts: 2, threads: 2) { part, _ in part == 0 ? Either<A, B>.first(a()) : .second(b()) }
        guard case .first(let x) = results[0], case .second(let y) = results[1] else { preconditionFailure() }
        return (x, y)
    }

    private enum Either<A: Sendable, B: Sendable>: Sendable {
        case first(A)
        case second(B)
    }

    /// Which parts are taken, which are done, and how they ended.
    private struct Work<T: Sendable, E: Error>: ~Copyable {
        private var next = 0
        /// No part at or after it is handed out (it drops to just after a failed part).
        private var limit: Int
        private var done: [Result<T, E>?]

        init(parts: Int) {
            limit = parts
            done = Array(repeating: nil, count: parts)
        }

        mutating func take() -> Int? {
            guard next < limit else { return nil }
            next += 1
            return next - 1
        }

        mutating func finish(_ part: Int, _ result: Result<T, E>) {
            if case .failure = result { limit = min(limit, part + 1) }
            done[part] = result
        }

        /// The results in part order, or the first failure.
        func results() throws(E) -> [T] {
            var out: [T] = []
            out.reserveCapacity(done.count)
            for result in done {
                // Parts after the first failure may not have run: nothing after it is read.
                guard let result else { preconditionFailure("a part before the first failure did not run") }
                out.append(try result.get())
            }
            return out
        }
    }
}
