import LuaKit

/// One Lua state with the rules loaded, evaluating slices of subjects.
// @unchecked Sendable: each worker is used by one thread at a time, the
// thread of `Parallel.map` with its number, and its mutable caches belong
// to its own Lua state.
final class Worker: @unchecked Sendable {
    let runtime: RuleRuntime
    let data: PhaseData
    let store: ResultStore
    /// Award and scoring ids as bytes, for lookups by the bytes of a Lua
    /// string, and their kinds of subject.
    let idBytes: PerDeclaration<[UInt8]>
    let subjects: PerDeclaration<SubjectKind>
    /// The subject being evaluated, if any.
    var current: (kind: SubjectKind, row: Int)?
    /// Details come back as the same few texts for most subjects.
    var texts = LuaStringCache()
    /// Published states already looked up (they do not change during a run).
    var states: PerDeclaration<ResultStore.State?>
    private(set) var ctx: LuaValue = .nil
    /// The `ctx` functions answered in C (set by `makeContext`).
    var lookups: ContextLookups?
    /// The subject being evaluated, which the lookups compare first.
    let lookupHint = LuaLookupHint()
    private var recordKinds: [String: (kind: LuaRecordKind, rows: LuaRecordRows)] = [:]
    private var lastKind: (view: KindView, kind: LuaRecordKind, rows: LuaRecordRows)?
    /// The declaration (`award "x"`) and view of the subjects being
    /// evaluated: with `current`, what seeds `math.random`.
    var seeding: (declaration: String, view: KindView)?

    /// The seed of `math.random` for the current subject and declaration
    /// (FNV-1a of both ids), so that what a rule draws does not depend on
    /// `--jobs`. The sandbox asks for it at a subject's first draw only.
    func randomSeed() -> Int {
        guard let (declaration, view) = seeding, let current else { return 0 }
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in declaration.utf8 + [0] + view.id(current.row).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100000001b3
        }
        return Int(truncatingIfNeeded: hash >> 1)
    }
    private var sequences: [DeclarationID: LuaSequence] = [:]
    /// What the current chunk read of other declarations and modules (for a result cache).
    var reads = ReadLog()

    /// The declaration's functions as one sequence. An award: applies,
    /// criteria, then the quota's order for eligible subjects. A scoring:
    /// applies, items, bonus, penalty.
    func sequence(_ id: DeclarationID) -> LuaSequence {
        if let sequence = sequences[id] { return sequence }
        let sequence: LuaSequence
        switch id.kind {
        case .award:
            let functions = runtime.awardFunctions[id.index]
            sequence = LuaSequence(state: state, gate: functions.applies, parts: functions.checks,
                                   tails: functions.order.map { [$0] } ?? [], tailsNeedAllParts: true)
        case .scoring:
            let functions = runtime.scoringFunctions[id.index]
            sequence = LuaSequence(state: state, gate: functions.applies, parts: functions.points,
                                   tails: [functions.bonus, functions.penalty], tailsNeedAllParts: false)
        }
        sequences[id] = sequence
        return sequence
    }

    var lastMembersOf: (unit: Int, list: LuaTable)?
    var lastChildren: (unit: Int, list: LuaTable)?

    init(runtime: RuleRuntime, data: PhaseData, store: ResultStore) {
        self.runtime = runtime
        self.data = data
        self.store = store
        idBytes = PerDeclaration(awards: runtime.awards.count, scorings: runtime.scorings.count) {
            Array(runtime.declaration($0).id.utf8)
        }
        subjects = PerDeclaration(awards: runtime.awards.count, scorings: runtime.scorings.count) {
            runtime.declaration($0).subject
        }
        states = PerDeclaration(awards: runtime.awards.count, scorings: runtime.scorings.count) { _ in nil }
        ctx = makeContext()
        runtime.sandbox.seedForDraw = { [unowned self] in self.randomSeed() }
    }

    var state: LuaState { runtime.state }

    /// The messages printed since the last call, and how many more were dropped.
    func takeDiagnostics() -> (kept: [Diagnostic], dropped: Int) {
        defer {
            runtime.diagnostics.removeAll()
            runtime.droppedDiagnostics = 0
        }
        return (runtime.diagnostics, runtime.droppedDiagnostics)
    }

    // MARK: Subjects

    /// The field names of a view ("id" then its columns), interned in Lua
    /// once, and its encoded rows.
    private func recordKind(_ view: KindView) -> (kind: LuaRecordKind, rows: LuaRecordRows) {
        if let last = lastKind, last.view === view { return (last.kind, last.rows) }
        let found: (kind: LuaRecordKind, rows: LuaRecordRows)
        if let known = recordKinds[view.name] {
            found = known
        } else {
            let (known, unknown) = strictFields(view.kind)
            found = (LuaRecordKind(state: state, fields: ["id"] + view.columns, known: known, unknown: unknown), view.records)
            recordKinds[view.name] = found
        }
        lastKind = (view, found.kind, found.rows)
        return found
    }

    private var fieldChecks: [SubjectKind: (known: [String], unknown: LuaFunction)] = [:]

    /// The names a subject of `kind` may be asked for in this run, and the
    /// function that stops a read of any other name (RULES.md §2.4).
    private func strictFields(_ kind: SubjectKind) -> (known: [String], unknown: LuaFunction) {
        if let found = fieldChecks[kind] { return found }
        let known = FieldNames.known(kind, plan: data.plan, dataset: data.dataset)
        let unknown = state.function("field") { call in
            throw FieldNames.unknown(try call.argument(1, as: String.self), kind: kind, known: known)
        }
        fieldChecks[kind] = (known, unknown)
        return (known, unknown)
    }

    /// Pushes the read-only subject of `row` as seen through `view`.
    func pushSubject(_ view: KindView, row: Int) {
        let (kind, rows) = recordKind(view)
        state.stack.pushRecord(kind, rows: rows, row: row)
    }
}
