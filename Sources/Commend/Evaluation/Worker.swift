import LuaKit

extension Value: LuaPushable {
    public func push(to stack: LuaStack) {
        switch self {
        case .bool(let b): stack.push(b)
        case .int(let i): stack.push(i)
        case .number(let d): stack.push(d)
        case .string(let s): stack.push(s)
        }
    }
}

/// One Lua state with the rules loaded, evaluating slices of subjects.
final class Worker: @unchecked Sendable {
    let runtime: RuleRuntime
    let data: PhaseData
    let store: ResultStore
    let awardIndex: [String: Int]
    let scoringIndex: [String: Int]
    /// Award and scoring ids as bytes, for lookups by the bytes of a Lua string.
    let awardIDs: [[UInt8]]
    let scoringIDs: [[UInt8]]
    /// The subject being evaluated, if any.
    var current: (kind: SubjectKind, row: Int)?
    /// Details come back as the same few texts for most subjects.
    var texts = LuaStringCache()
    /// Published states already looked up (they do not change during a run).
    var awardStates: [ResultStore.AwardState?]
    var scoringStates: [ResultStore.ScoringState?]
    let applicable: Set<String>
    let applicableAwards: [Bool]
    let applicableScorings: [Bool]
    private(set) var ctx: LuaValue = .nil
    private var recordKinds: [String: (kind: LuaRecordKind, rows: LuaRecordRows)] = [:]
    private var lastKind: (view: KindView, kind: LuaRecordKind, rows: LuaRecordRows)?
    /// Whether any rule file mentions `random`: then `math.random` is seeded
    /// per subject and declaration, so results do not depend on `--jobs`.
    lazy var usesRandom: Bool = runtime.files.all.contains { file in
        file.contents.withUnsafeBufferPointer { bytes in
            let word = Array("random".utf8)
            guard bytes.count >= word.count else { return false }
            for i in 0...(bytes.count - word.count) where bytes[i] == word[0] {
                if Array(bytes[i..<(i + word.count)]) == word { return true }
            }
            return false
        }
    }

    /// Seeds `math.random` from the declaration and subject ids (FNV-1a).
    func seedRandom(_ declaration: String, _ subject: String) throws {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in declaration.utf8 + [0] + subject.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100000001b3
        }
        try runtime.sandbox.reseed(Int(truncatingIfNeeded: hash >> 1))
    }
    private var awardSequences: [Int: LuaSequence] = [:]
    private var scoringSequences: [Int: LuaSequence] = [:]

    /// The award's functions as one sequence: applies, criteria, then the
    /// quota's order for eligible subjects.
    func awardSequence(_ index: Int) -> LuaSequence {
        if let sequence = awardSequences[index] { return sequence }
        let functions = runtime.awardFunctions[index]
        let sequence = LuaSequence(state: state, gate: functions.applies, parts: functions.checks,
                                   tails: functions.order.map { [$0] } ?? [], tailsNeedAllParts: true)
        awardSequences[index] = sequence
        return sequence
    }

    /// The scoring's functions as one sequence: applies, items, bonus, penalty.
    func scoringSequence(_ index: Int) -> LuaSequence {
        if let sequence = scoringSequences[index] { return sequence }
        let functions = runtime.scoringFunctions[index]
        let sequence = LuaSequence(state: state, gate: functions.applies, parts: functions.points,
                                   tails: [functions.bonus, functions.penalty], tailsNeedAllParts: false)
        scoringSequences[index] = sequence
        return sequence
    }

    var lastMembersOf: (unit: Int, list: LuaTable)?
    var lastChildren: (unit: Int, list: LuaTable)?

    init(runtime: RuleRuntime, data: PhaseData, store: ResultStore, applicable: Set<String>) {
        self.runtime = runtime
        self.data = data
        self.store = store
        self.applicable = applicable
        applicableAwards = runtime.awards.map { applicable.contains("award:" + $0.id) }
        applicableScorings = runtime.scorings.map { applicable.contains("scoring:" + $0.id) }
        awardIndex = Dictionary(runtime.awards.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        scoringIndex = Dictionary(runtime.scorings.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        awardIDs = runtime.awards.map { Array($0.id.utf8) }
        scoringIDs = runtime.scorings.map { Array($0.id.utf8) }
        awardStates = Array(repeating: nil, count: runtime.awards.count)
        scoringStates = Array(repeating: nil, count: runtime.scorings.count)
        ctx = makeContext()
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
