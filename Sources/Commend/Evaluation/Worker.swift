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
    let applicable: Set<String>
    let applicableAwards: [Bool]
    let applicableScorings: [Bool]
    private(set) var ctx: LuaValue = .nil
    private var keyTables: [String: LuaTable] = [:]
    private var lastKeys: (view: KindView, keys: LuaTable)?
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
        guard usesRandom else { return }
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in declaration.utf8 + [0] + subject.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100000001b3
        }
        try runtime.sandbox.reseed(Int(truncatingIfNeeded: hash >> 1))
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

    /// The field names of a view ("id" then its columns), interned in Lua once.
    private func keys(_ view: KindView) -> LuaTable {
        if let last = lastKeys, last.view === view { return last.keys }
        defer { lastKeys = (view, keyTables[view.name]!) }
        if let keys = keyTables[view.name] { return keys }
        let keys = state.newTable(arrayCapacity: view.columns.count + 1)
        keys[1] = .string("id")
        for (c, column) in view.columns.enumerated() { keys[c + 2] = .string(column) }
        keyTables[view.name] = keys
        return keys
    }

    /// Pushes the read-only subject of `row` as seen through `view`.
    func pushSubject(_ view: KindView, row: Int) {
        let keys = keys(view)
        view.withCells(row: row) { cell in
            state.stack.pushRecord(keys: keys, count: view.columns.count + 1) { c, stack in
                if c == 0 {
                    stack.push(view.id(row))
                    return true
                }
                guard let value = cell(c - 1) else { return false }
                value.push(to: stack)
                return true
            }
        }
    }
}
