/// The group of a subject for a quota's `within` (RULES.md §2.2): the value
/// of that field of the subject; for a member without such a field, the
/// value of the member's unit (so `within = "cluster"` on a member award
/// groups members by the cluster of their unit, in the phase evaluated).
struct QuotaGroup {
    let within: String?
    let view: KindView
    let units: KindView
    private let throughUnit: Bool
    // Read once per quota, not per subject: a national quota groups a
    // million subjects.
    private let cells: KindView.CellReader
    private let unitCells: KindView.CellReader
    private let column: Column
    private let unitColumn: Column
    private let withinUnit: Column

    /// Where a field is: a column of the view, or nowhere.
    private enum Column {
        case cell(Int), none
        init(_ name: String, in view: KindView) {
            if let c = view.columns.firstIndex(of: name) { self = .cell(c) } else { self = .none }
        }
    }

    init(within: String?, view: KindView, units: KindView) {
        self.within = within
        self.view = view
        self.units = units
        throughUnit = within.map { view.kind == .member && !view.columns.contains($0) && $0 != "id" } ?? false
        cells = view.cellReader
        unitCells = units.cellReader
        column = within.map { Column($0, in: view) } ?? .none
        unitColumn = Column("unit", in: view)
        withinUnit = within.map { Column($0, in: units) } ?? .none
    }

    private static func string(_ column: Column, row: Int, cells: KindView.CellReader) -> String? {
        switch column {
        case .none: return nil
        case .cell(let c):
            guard let value = cells.value(row: row, column: c) else { return nil }
            if case .string(let s) = value { return s }
            return value.description
        }
    }

    func group(_ row: Int) -> String? {
        guard within != nil else { return nil }
        guard throughUnit else { return Self.string(column, row: row, cells: cells) }
        guard let unit = Self.string(unitColumn, row: row, cells: cells), let u = units.row(of: unit) else { return nil }
        return Self.string(withinUnit, row: u, cells: unitCells)
    }
}
