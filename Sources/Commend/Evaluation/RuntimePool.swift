import Foundation
import LuaKit

/// Rules loaded ahead of time into Lua states kept for later evaluations of
/// the same rules, so that a small evaluation (one subject) does not pay for
/// loading every rule file (a server's requests; see `EvaluationOptions.runtimes`).
///
/// Reuse is safe because a loaded state holds nothing of a run once it ends:
/// globals and modules are frozen after loading and rule functions cannot
/// keep state between calls (RULES.md §2.5). Each run still gets limits of
/// its own: a fresh account charged with what loading took (as a fresh state
/// is), a fresh wall clock, and the state's garbage collected before the next
/// run. A state whose run failed (a limit, a rule error, anything thrown) is
/// dropped, never handed out again.
public final class RuntimePool: @unchecked Sendable {
    /// The rules the states hold.
    public let rules: RuleSet
    /// The limits the states were made with; runs with other limits make their own.
    public let limits: LuaLimits
    /// States kept at most; a run that needs more makes fresh ones.
    public let capacity: Int
    private let lock = NSLock()
    private var ready: [RuleRuntime] = []
    private var made = 0

    /// Loads `rules` into `capacity` states now, `threads` at a time.
    /// - Throws: `RuleLoadError` when the rules no longer load, `LuaError`
    ///   when a Lua state cannot be created.
    public init(rules: RuleSet, capacity: Int, limits: LuaLimits,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws {
        self.rules = rules
        self.limits = limits
        self.capacity = max(1, capacity)
        ready = try Parallel.map(parts: self.capacity, threads: max(1, min(threads, self.capacity))) { _, _ in
            try RuntimePool.load(rules.files, limits: limits)
        }
        made = ready.count
    }

    /// States ready now, states loaded since the pool was made, and the
    /// bytes the ready states hold.
    public var counts: (ready: Int, loaded: Int, memory: Int) {
        lock.withLock { (ready.count, made, ready.reduce(0) { $0 + $1.state.memoryInUse }) }
    }

    /// `count` states: ready ones first, then freshly loaded ones.
    func checkOut(_ count: Int) throws -> [RuleRuntime] {
        var taken: [RuleRuntime] = lock.withLock {
            let n = min(count, ready.count)
            defer { ready.removeLast(n) }
            return Array(ready.suffix(n))
        }
        if taken.count < count {
            let more = count - taken.count
            taken += try Parallel.map(parts: more, threads: more) { _, _ in try RuntimePool.load(rules.files, limits: limits) }
            lock.withLock { made += more }
        }
        return taken
    }

    /// Takes back the states of a run that ended without error; a tripped
    /// state is dropped. Collects each state's garbage before keeping it, so
    /// that what one run left does not accumulate over many.
    func checkIn(_ runtimes: [RuleRuntime]) {
        for runtime in runtimes where !runtime.state.isTripped {
            runtime.sandbox.seedForDraw = { 0 }
            runtime.state.collectGarbage()
            lock.withLock { if ready.count < capacity { ready.append(runtime) } }
        }
    }

    static func load(_ files: RuleFiles, limits: LuaLimits) throws -> RuleRuntime {
        let runtime = try RuleRuntime(files: files, limits: limits)
        // The same files give the same declarations; anything else is an error, not a guess.
        if runtime.problems.contains(where: { $0.severity == .error }) {
            throw RuleLoadError(problems: runtime.problems)
        }
        return runtime
    }
}
