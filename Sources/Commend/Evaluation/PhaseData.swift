import Dispatch
import Foundation
import LuaKit

/// The subjects of one kind as seen in one phase: base rows with the phase's
/// facts merged over them (phase values win where they are given).
final class KindView: @unchecked Sendable {
    /// Names the view among all views of a run (`dot1/member`).
    let name: String
    let kind: SubjectKind
    let base: SubjectRows
    let facts: SubjectRows?
    /// Per base row: its row in `facts`, or -1.
    let factRow: [Int32]
    /// Every column name: base columns, then phase-only columns.
    let columns: [String]
    /// Per column: index in base and in facts (-1 when absent).
    let baseIndex: [Int]
    let factIndex: [Int]
    /// Row indices sorted by subject id.
    let sortedRows: [Int]
    private let nameColumn: Int?
    private let baseWidth: Int
    private let factWidth: Int
    /// Read-only views of the arrays above and of the cells of `base` and
    /// `facts`. Worker threads read cells millions of times; through an
    /// array every read retains and releases its buffer, an atomic operation
    /// on memory shared by all workers that stops them from scaling. The
    /// arrays are `let`s of this object or of `base`/`facts`, never mutated,
    /// so their storage stays where it is for the life of the view.
    // @unchecked Sendable: the pointers only read immutable storage.
    private let baseCells: UnsafeBufferPointer<Value?>
    private let factCells: UnsafeBufferPointer<Value?>
    private let baseIndexes: UnsafeBufferPointer<Int>
    private let factIndexes: UnsafeBufferPointer<Int>
    private let factRows: UnsafeBufferPointer<Int32>

    init(kind: SubjectKind, base: SubjectRows, facts: SubjectRows?, sortedRows: [Int], phase: String) {
        name = phase + "/" + kind.rawValue
        self.kind = kind
        self.base = base
        self.facts = facts
        var factRow = [Int32](repeating: -1, count: base.count)
        if let facts {
            for row in 0..<facts.count {
                if let baseRow = base.row(of: facts.ids[row]) { factRow[baseRow] = Int32(row) }
            }
        }
        self.factRow = factRow
        var columns = base.columns
        for column in facts?.columns ?? [] where !columns.contains(column) { columns.append(column) }
        self.columns = columns
        baseIndex = columns.map { base.columnIndex($0) ?? -1 }
        factIndex = columns.map { facts?.columnIndex($0) ?? -1 }
        self.sortedRows = sortedRows
        nameColumn = columns.firstIndex(of: "name")
        baseWidth = base.columns.count
        factWidth = facts?.columns.count ?? 0
        baseCells = self.base.cells.withUnsafeBufferPointer { $0 }
        factCells = self.facts?.cells.withUnsafeBufferPointer { $0 } ?? UnsafeBufferPointer(start: nil, count: 0)
        baseIndexes = self.baseIndex.withUnsafeBufferPointer { $0 }
        factIndexes = self.factIndex.withUnsafeBufferPointer { $0 }
        factRows = self.factRow.withUnsafeBufferPointer { $0 }
    }

    private let recordsLock = NSLock()
    private var encoded: LuaRecordRows?

    /// Every row encoded for Lua ("id", then `columns`), built on first use:
    /// subjects are built from it millions of times.
    // `records` is built under `recordsLock` with the cores' help.
    var records: LuaRecordRows {
        recordsLock.lock()
        defer { recordsLock.unlock() }
        if let encoded { return encoded }
        // In parallel parts, joined in row order.
        let columnCount = columns.count
        let parts = count < 4096 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 2
        let slots = Slots<LuaRecordRowsBuilder>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            let rows = (0..<count).part(p, of: parts)
            var builder = LuaRecordRowsBuilder(fields: columnCount + 1, rowsCapacity: rows.count)
            for row in rows {
                builder.startRow()
                builder.add(id(row))
                withCells(row: row) { cell in
                    for c in 0..<columnCount {
                        switch cell(c) {
                        case nil: builder.addNil()
                        case .bool(let b)?: builder.add(b)
                        case .int(let i)?: builder.add(i)
                        case .number(let d)?: builder.add(d)
                        case .string(let s)?: builder.add(s)
                        }
                    }
                }
            }
            slots.set(p, .success(builder))
        }
        var builder = LuaRecordRowsBuilder(fields: columnCount + 1, rowsCapacity: count)
        for case .success(let part)? in slots.values { builder.append(part) }
        let built = builder.build()
        encoded = built
        return built
    }

    var count: Int { base.count }
    func id(_ row: Int) -> String { base.ids[row] }
    func row(of id: String) -> Int? { base.row(of: id) }
    func row(of bytes: Bytes) -> Int? { base.row(of: bytes) }

    /// The merged value of column `c` (an index into `columns`).
    func value(row: Int, column c: Int) -> Value? {
        withCells(row: row) { $0(c) }
    }

    /// Calls `body` with a reader of the merged cells of `row` by column
    /// index: the fast path for reading every column of a row.
    func withCells<R>(row: Int, _ body: ((Int) -> Value?) -> R) -> R {
        let f = Int(factRows[row])
        let baseCells = self.baseCells, factCells = self.factCells
        let baseIndexes = self.baseIndexes, factIndexes = self.factIndexes
        let baseWidth = self.baseWidth, factWidth = self.factWidth
        return body { c in
            if f >= 0, factIndexes[c] >= 0, let value = factCells[f * factWidth + factIndexes[c]] {
                return value
            }
            return baseIndexes[c] >= 0 ? baseCells[row * baseWidth + baseIndexes[c]] : nil
        }
    }

    func value(row: Int, column name: String) -> Value? {
        guard let c = columns.firstIndex(of: name) else { return nil }
        return value(row: row, column: c)
    }

    /// The subject's name (empty when it has none).
    func name(_ row: Int) -> String {
        guard let nameColumn, let value = value(row: row, column: nameColumn) else { return "" }
        if case .string(let s) = value { return s }
        return value.description
    }

    func string(row: Int, column name: String) -> String? {
        guard let value = value(row: row, column: name) else { return nil }
        if case .string(let s) = value { return s }
        return value.description
    }
}

/// Everything evaluation reads: the dataset seen in one phase, the hierarchy
/// and the history. Immutable, shared by every worker.
final class PhaseData: Sendable {
    let plan: Plan
    let phase: Phase
    let dataset: Dataset
    let units: KindView
    let members: KindView
    /// The same subjects as seen in each phase of the plan (for ctx.facts).
    let phaseViews: [String: (units: KindView, members: KindView)]
    /// unit row → member rows (by member id).
    let membersOfUnit: [[Int]]
    /// unit row → child unit rows (by unit id).
    let childrenOfUnit: [[Int]]
    /// Ascending years before the plan year, by subject and award.
    let history: HistoryIndex

    init(plan: Plan, phase: Phase, dataset: Dataset) {
        self.plan = plan
        self.phase = phase
        self.dataset = dataset
        // The history is indexed on another core meanwhile.
        let indexed = Slots<HistoryIndex>(count: 1)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            indexed.set(0, .success(HistoryIndex(entries: dataset.history, before: plan.year,
                                                 members: dataset.members, units: dataset.units)))
        }
        let sortedUnits = (0..<dataset.units.count).sorted { idPrecedes(dataset.units.ids[$0], dataset.units.ids[$1]) }
        let sortedMembers = (0..<dataset.members.count).sorted { idPrecedes(dataset.members.ids[$0], dataset.members.ids[$1]) }
        var views: [String: (units: KindView, members: KindView)] = [:]
        for p in plan.phases {
            views[p.id] = (KindView(kind: .unit, base: dataset.units, facts: dataset.phases[p.id]?.units, sortedRows: sortedUnits, phase: p.id),
                           KindView(kind: .member, base: dataset.members, facts: dataset.phases[p.id]?.members, sortedRows: sortedMembers, phase: p.id))
        }
        phaseViews = views
        units = views[phase.id]!.units
        members = views[phase.id]!.members
        // The hierarchy of this phase: a phase row's unit or parent wins.
        var membersOf = [[Int]](repeating: [], count: units.count)
        if let unitColumn = members.columns.firstIndex(of: "unit") {
            for row in members.sortedRows {
                guard let unit = members.value(row: row, column: unitColumn), let u = units.row(of: unit.description) else { continue }
                membersOf[u].append(row)
            }
        }
        membersOfUnit = membersOf
        var children = [[Int]](repeating: [], count: units.count)
        if let parentColumn = units.columns.firstIndex(of: "parent") {
            for row in units.sortedRows {
                guard let parent = units.value(row: row, column: parentColumn), let p = units.row(of: parent.description) else { continue }
                children[p].append(row)
            }
        }
        childrenOfUnit = children
        group.wait()
        history = try! indexed.values[0]!.get()
    }

    func view(_ kind: SubjectKind) -> KindView { kind == .unit ? units : members }
    func views(phase: String) -> (units: KindView, members: KindView)? { phaseViews[phase] }
}
