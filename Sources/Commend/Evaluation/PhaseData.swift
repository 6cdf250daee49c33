import Foundation
import LuaKit
import Synchronization

/// The subjects of one kind as seen in one phase: base rows with the phase's
/// facts merged over them (phase values win where they are given).
final class KindView: Sendable {
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
    }

    /// Reads merged cells by row and column index. Made once per loop over
    /// many rows: reading through the view's properties would retain and
    /// release the arrays' buffers at every cell, atomic operations on
    /// memory shared by all the cores that stop them from scaling; a
    /// reader's own copies of the arrays cost that once.
    struct CellReader {
        let baseCells: [Value?]
        let factCells: [Value?]
        let baseIndex: [Int]
        let factIndex: [Int]
        let factRow: [Int32]
        let baseWidth: Int
        let factWidth: Int

        func value(row: Int, column c: Int) -> Value? {
            let f = Int(factRow[row])
            if f >= 0, factIndex[c] >= 0, let value = factCells[f * factWidth + factIndex[c]] {
                return value
            }
            return baseIndex[c] >= 0 ? baseCells[row * baseWidth + baseIndex[c]] : nil
        }
    }

    var cellReader: CellReader {
        CellReader(baseCells: base.cells, factCells: facts?.cells ?? [], baseIndex: baseIndex, factIndex: factIndex,
                   factRow: factRow, baseWidth: base.columns.count, factWidth: facts?.columns.count ?? 0)
    }

    private let encoded = Mutex<LuaRecordRows?>(nil)

    /// Every row encoded for Lua ("id", then `columns`), built on first use
    /// (under the lock, with the cores' help): subjects are built from it
    /// millions of times.
    var records: LuaRecordRows {
        encoded.withLock { encoded in
            if let encoded { return encoded }
            let rows = encode()
            encoded = rows
            return rows
        }
    }

    private let indexed = Mutex<LuaRowIndex?>(nil)

    /// The encoded rows by subject id, for the lookups answered in C
    /// (`ctx.awarded` and the like), built on first use.
    var rowIndex: LuaRowIndex {
        indexed.withLock { indexed in
            if let indexed { return indexed }
            let index = LuaRowIndex(records)
            indexed = index
            return index
        }
    }

    private func encode() -> LuaRecordRows {
        // In parallel parts, joined in row order.
        let columnCount = columns.count
        let parts = count < 4096 ? 1 : Parallel.cores * 2
        let built = Parallel.map(parts: parts, threads: parts) { p, _ in
            let rows = (0..<count).part(p, of: parts)
            var builder = LuaRecordRowsBuilder(fields: columnCount + 1, rowsCapacity: rows.count)
            let cells = cellReader, ids = base.ids
            for row in rows {
                builder.startRow()
                builder.add(ids[row])
                for c in 0..<columnCount {
                    switch cells.value(row: row, column: c) {
                    case nil: builder.addNil()
                    case .bool(let b)?: builder.add(b)
                    case .int(let i)?: builder.add(i)
                    case .number(let d)?: builder.add(d)
                    case .string(let s)?: builder.add(s)
                    }
                }
            }
            return builder
        }
        var builder = LuaRecordRowsBuilder(fields: columnCount + 1, rowsCapacity: count)
        for part in built { builder.append(part) }
        return builder.build()
    }

    var count: Int { base.count }
    func id(_ row: Int) -> String { base.ids[row] }
    func row(of id: String) -> Int? { base.row(of: id) }
    func row(of id: LuaBorrowedString) -> Int? { base.row(of: id) }

    /// The merged value of column `c` (an index into `columns`).
    func value(row: Int, column c: Int) -> Value? {
        cellReader.value(row: row, column: c)
    }

    func value(row: Int, column name: String) -> Value? {
        guard let c = columns.firstIndex(of: name) else { return nil }
        return value(row: row, column: c)
    }

    /// The subject's name (empty when it has none).
    func name(_ row: Int) -> String { names.name(row) }

    /// Ids and names by row, read without retaining the view's arrays at
    /// every row: make one per loop over many rows (see `CellReader`).
    struct NameReader {
        let ids: [String]
        let cells: CellReader
        let column: Int?

        func id(_ row: Int) -> String { ids[row] }

        func name(_ row: Int) -> String {
            guard let column, let value = cells.value(row: row, column: column) else { return "" }
            if case .string(let s) = value { return s }
            return value.description
        }
    }

    var names: NameReader { NameReader(ids: base.ids, cells: cellReader, column: nameColumn) }

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
        let (history, hierarchy) = Parallel.both({
            HistoryIndex(entries: dataset.history, before: plan.year, members: dataset.members, units: dataset.units)
        }, {
            Self.hierarchy(plan: plan, phase: phase, dataset: dataset)
        })
        self.history = history
        phaseViews = hierarchy.views
        units = hierarchy.views[phase.id]!.units
        members = hierarchy.views[phase.id]!.members
        membersOfUnit = hierarchy.membersOf
        childrenOfUnit = hierarchy.children
    }

    /// The views of every phase, and who belongs to which unit.
    private static func hierarchy(plan: Plan, phase: Phase, dataset: Dataset)
        -> (views: [String: (units: KindView, members: KindView)], membersOf: [[Int]], children: [[Int]]) {
        let sortedUnits = (0..<dataset.units.count).sorted { idPrecedes(dataset.units.ids[$0], dataset.units.ids[$1]) }
        let sortedMembers = (0..<dataset.members.count).sorted { idPrecedes(dataset.members.ids[$0], dataset.members.ids[$1]) }
        var views: [String: (units: KindView, members: KindView)] = [:]
        for p in plan.phases {
            views[p.id] = (KindView(kind: .unit, base: dataset.units, facts: dataset.phases[p.id]?.units, sortedRows: sortedUnits, phase: p.id),
                           KindView(kind: .member, base: dataset.members, facts: dataset.phases[p.id]?.members, sortedRows: sortedMembers, phase: p.id))
        }
        let units = views[phase.id]!.units
        let members = views[phase.id]!.members
        // The hierarchy of this phase: a phase row's unit or parent wins.
        var membersOf = [[Int]](repeating: [], count: units.count)
        if let unitColumn = members.columns.firstIndex(of: "unit") {
            let cells = members.cellReader
            for row in members.sortedRows {
                guard let unit = cells.value(row: row, column: unitColumn), let u = units.row(of: unit.description) else { continue }
                membersOf[u].append(row)
            }
        }
        var children = [[Int]](repeating: [], count: units.count)
        if let parentColumn = units.columns.firstIndex(of: "parent") {
            let cells = units.cellReader
            for row in units.sortedRows {
                guard let parent = cells.value(row: row, column: parentColumn), let p = units.row(of: parent.description) else { continue }
                children[p].append(row)
            }
        }
        return (views, membersOf, children)
    }

    func view(_ kind: SubjectKind) -> KindView { kind == .unit ? units : members }
    func views(phase: String) -> (units: KindView, members: KindView)? { phaseViews[phase] }
}
