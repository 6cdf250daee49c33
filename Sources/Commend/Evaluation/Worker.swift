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
    private(set) var ctx: LuaValue = .nil
    /// Diagnostics printed since the last `takeDiagnostics()`.
    var printed: [Diagnostic] { runtime.diagnostics }

    init(runtime: RuleRuntime, data: PhaseData, store: ResultStore, applicable: Set<String>) {
        self.runtime = runtime
        self.data = data
        self.store = store
        self.applicable = applicable
        awardIndex = Dictionary(runtime.awards.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        scoringIndex = Dictionary(runtime.scorings.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        ctx = makeContext()
    }

    var state: LuaState { runtime.state }

    func takeDiagnostics() -> [Diagnostic] {
        defer { runtime.diagnostics.removeAll() }
        return runtime.diagnostics
    }

    // MARK: Subjects

    /// Pushes the read-only subject of `row` as seen through `view`.
    func pushSubject(_ view: KindView, row: Int) {
        let stack = state.stack
        stack.pushRecord(fields: view.columns.count + 1) { stack in
            stack.push(view.id(row))
            stack.setField("id")
            for c in 0..<view.columns.count {
                guard let value = view.value(row: row, column: c) else { continue }
                value.push(to: stack)
                stack.setField(view.columns[c])
            }
        }
    }

    func subject(_ view: KindView, row: Int) -> LuaValue {
        pushSubject(view, row: row)
        return state.stack.popReference()
    }

    func find(_ id: String) -> (KindView, Int)? {
        if let row = data.members.row(of: id) { return (data.members, row) }
        if let row = data.units.row(of: id) { return (data.units, row) }
        return nil
    }
}
