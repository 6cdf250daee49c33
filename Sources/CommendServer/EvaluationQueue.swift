import Dispatch
import Foundation

/// Runs evaluations (blocking engine work) off the server's threads, at most
/// `slots` at once; at most `maxWaiting` more wait for a slot, and one more
/// is refused at once with 503 (`--max-queue`).
final class EvaluationQueue: @unchecked Sendable {
    let slots: Int
    let maxWaiting: Int
    private let lock = NSLock()
    private var running = 0
    private var waiting: [CheckedContinuation<Void, any Error>] = []
    private let work = DispatchQueue(label: "commend.serve.evaluations", attributes: .concurrent)

    init(slots: Int, maxWaiting: Int) {
        self.slots = max(1, slots)
        self.maxWaiting = max(0, maxWaiting)
    }

    /// Evaluations running and waiting now.
    var load: (running: Int, waiting: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (running, waiting.count)
    }

    /// Runs `body` on a worker thread once a slot is free.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        return try await withCheckedThrowingContinuation { continuation in
            work.async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Takes a free slot, or waits for one when fewer than `maxWaiting` wait,
    /// or throws 503; decided under one lock.
    private func acquire() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            lock.lock()
            if running < slots {
                running += 1
                lock.unlock()
                continuation.resume()
            } else if waiting.count < maxWaiting {
                waiting.append(continuation)
                lock.unlock()
            } else {
                lock.unlock()
                continuation.resume(throwing: APIError(.busy, "the server is busy: \(slots) evaluation\(slots == 1 ? "" : "s") running and \(maxWaiting) waiting (--max-queue); try again shortly"))
            }
        }
    }

    private func release() {
        lock.lock()
        if waiting.isEmpty {
            running -= 1
            lock.unlock()
        } else {
            // The slot passes to the first waiting evaluation: `running` stays.
            let next = waiting.removeFirst()
            lock.unlock()
            next.resume()
        }
    }
}
