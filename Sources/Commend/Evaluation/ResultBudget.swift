import Foundation

/// The host memory that rules make a run keep: criteria outcomes, details,
/// points, results. Lua's own memory is capped by its allocator; this is the
/// other side, in Swift, that grows with what rule functions return (a 4 KiB
/// detail per criterion and subject, thousands of criteria). Workers charge
/// what they keep as they go; past the limit the run stops with a rule error
/// instead of exhausting the machine.
///
/// The figures are estimates of what the results hold (the size of a slot,
/// the bytes of a text), charged once when made: enough to keep a hostile
/// rule set within the same order of magnitude as the limit.
final class ResultBudget: @unchecked Sendable {
    /// Bytes; nil: no limit.
    let limit: Int?
    private(set) var used = 0
    private let lock = NSLock()

    init(limit: Int?) { self.limit = limit }

    /// Adds `bytes`; false when the total is past the limit.
    func charge(_ bytes: Int) -> Bool {
        guard let limit else { return true }
        lock.lock()
        defer { lock.unlock() }
        used += bytes
        return used <= limit
    }

    /// Bytes a kept text costs beyond its slot (short texts live in the slot).
    @inline(__always)
    static func text(_ s: String?) -> Int {
        guard let s else { return 0 }
        let n = s.utf8.count
        return n > 15 ? n + 32 : 0
    }

    /// The error that stops the run.
    func exceeded(declaration: String, subject: String?, at location: SourceLocation) -> RuleError {
        let mib = (limit ?? 0) >> 20
        return RuleError(kind: .memory, location: location, declaration: declaration, subject: subject,
                         message: "result memory limit exceeded: what the rules return (criteria, details, points) would take more than \(mib) MiB of host memory (--max-result-memory; by default 16 × --max-memory); return shorter details, or declare fewer criteria")
    }
}

/// What a worker keeps until it charges the budget: charging every subject
/// would make the workers wait on the lock.
struct BudgetMeter {
    let budget: ResultBudget
    private var pending = 0

    init(_ budget: ResultBudget) { self.budget = budget }

    /// Adds `bytes`; false when the run is past the limit.
    mutating func add(_ bytes: Int) -> Bool {
        pending += bytes
        guard pending >= 256 << 10 else { return true }
        defer { pending = 0 }
        return budget.charge(pending)
    }

    /// Charges what is pending.
    mutating func settle() -> Bool {
        defer { pending = 0 }
        return pending == 0 || budget.charge(pending)
    }
}

/// What a declaration's chunk of subjects charges the run's result budget,
/// and the error naming the declaration (and the subject) once it is spent.
struct ChunkCharge {
    private let what: String
    private let location: SourceLocation
    private let view: KindView
    private let budget: ResultBudget
    private var meter: BudgetMeter

    init(what: String, location: SourceLocation, view: KindView, budget: ResultBudget) {
        self.what = what
        self.location = location
        self.view = view
        self.budget = budget
        meter = BudgetMeter(budget)
    }

    /// Adds what the outcomes of the subject of `row` keep.
    mutating func add(_ bytes: Int, row: Int) throws {
        guard meter.add(bytes) else {
            throw budget.exceeded(declaration: what, subject: view.id(row), at: location)
        }
    }

    /// Charges what is pending, at the end of the chunk.
    mutating func settle() throws {
        guard meter.settle() else {
            throw budget.exceeded(declaration: what, subject: nil, at: location)
        }
    }
}
