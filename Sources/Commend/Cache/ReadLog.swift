import LuaKit

/// What one declaration read, on one worker, while a result cache is in
/// use: the awards and scorings it asked `ctx` about (marked by C in
/// `awards` and `scorings`, one byte per declaration, or by the Swift
/// lookups), the modules it required, and the instructions it took.
final class ReadMarks {
    let awards: LuaLookupMarks
    let scorings: LuaLookupMarks
    var modules: Set<String> = []
    var instructions = 0
    /// Calls of os.time, os.clock or os.date: a result that depends on the
    /// moment is never reused.
    var volatileCalls = 0

    init(awards: Int, scorings: Int) {
        self.awards = LuaLookupMarks(count: awards)
        self.scorings = LuaLookupMarks(count: scorings)
    }

    func mark(_ id: DeclarationID) {
        if id.kind == .award { awards.mark(id.index) } else { scorings.mark(id.index) }
    }

    /// The declarations marked, awards then scorings, by index.
    var declarations: [DeclarationID] {
        awards.marked.map { .award($0) } + scorings.marked.map { .scoring($0) }
    }
}

/// A worker's record of what each declaration it evaluates reads (off
/// unless a result cache is in use).
struct ReadLog {
    /// A declaration's result or a module, as a dependency.
    enum Read: Hashable {
        case declaration(DeclarationID)
        case module(String)
    }

    var enabled = false
    /// The declaration being called, and the instruction count when it started.
    private(set) var current: ReadMarks?
    private var since = 0
    private var volatileSince = 0
    private var marks: [DeclarationID: ReadMarks] = [:]

    /// The marks of `id` on this worker (nil when off).
    mutating func marks(for id: DeclarationID, awards: Int, scorings: Int) -> ReadMarks? {
        guard enabled else { return nil }
        if let known = marks[id] { return known }
        let made = ReadMarks(awards: awards, scorings: scorings)
        marks[id] = made
        return made
    }

    /// From now on reads (and instructions executed, `executed` now, and
    /// calls of the clock, `volatile` now) count for `next`.
    mutating func select(_ next: ReadMarks?, executed: Int, volatile: Int) {
        current?.instructions += executed - since
        current?.volatileCalls += volatile - volatileSince
        since = executed
        volatileSince = volatile
        current = next
    }

    mutating func note(_ id: DeclarationID) { current?.mark(id) }
    mutating func note(module name: String) { current?.modules.insert(name) }

    /// Every declaration's marks so far, which starts a new log.
    mutating func take() -> [DeclarationID: ReadMarks] {
        defer { marks = [:]; current = nil }
        return marks
    }
}

extension Worker {
    /// The read marks of each declaration of a chunk (nils when no cache is in use).
    func readMarks(_ ids: [DeclarationID]) -> [ReadMarks?] {
        ids.map { reads.marks(for: $0, awards: runtime.awards.count, scorings: runtime.scorings.count) }
    }

    /// Counts what is read and executed from now on for `marks` (nil: for nothing).
    func recordReads(for marks: ReadMarks?) {
        guard reads.enabled, marks !== reads.current else { return }
        reads.select(marks, executed: state.instructionsExecuted, volatile: state.volatileCalls)
        guard let lookups else { return }
        lookups.awarded.markReads(in: marks?.awards)
        lookups.eligible.markReads(in: marks?.awards)
        lookups.total.markReads(in: marks?.scorings)
        lookups.rank.markReads(in: marks?.scorings)
        lookups.grade.markReads(in: marks?.scorings)
    }
}
