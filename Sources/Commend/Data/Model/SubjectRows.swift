import LuaKit

/// The rows of one file (or one JSON array) in flat, row-major storage.
///
/// `ids` and `columns` are indexed once, when the rows are created; where an
/// id occurs twice, `row(of:)` finds the first occurrence.
public struct SubjectRows: Sendable {
    /// Path relative to the data directory, e.g. `units.csv`,
    /// `phases/dot1/members.csv`, `data.json` (or the source given to a
    /// `DatasetBuilder`).
    public var file: String
    /// What `lines` mean; see `RowOrigin`.
    public var origin: RowOrigin
    /// Column names in file order, without `id`.
    public private(set) var columns: [String]
    /// The id of every row.
    public private(set) var ids: [String]
    /// Cells, row-major: `cells[row * columns.count + column]`.
    public var cells: [Value?]
    /// Per row: the spreadsheet line (header = line 1) or, for a list, the
    /// 0-based index in it.
    public var lines: [Int]

    private var rowIndex: IdIndex
    private var columnIndexes: [String: Int]
    /// Rows whose id occurred before, with the row of the first occurrence.
    private(set) var repeatedIds: [(row: Int, first: Int)] = []

    /// Creates rows and indexes ids and columns.
    /// - Precondition: `cells.count == ids.count * columns.count` and
    ///   `lines.count == ids.count`.
    public init(file: String, origin: RowOrigin = .spreadsheet, columns: [String],
                ids: [String], cells: [Value?], lines: [Int]) {
        precondition(cells.count == ids.count * columns.count, "cells do not fill the rows")
        precondition(lines.count == ids.count, "one line per row")
        self.file = file
        self.origin = origin
        self.columns = columns
        self.ids = ids
        self.cells = cells
        self.lines = lines
        var repeatedIds: [(row: Int, first: Int)] = []
        self.rowIndex = IdIndex(ids) { repeatedIds.append(($0, $1)) }
        self.repeatedIds = repeatedIds
        var columnIndexes = [String: Int](minimumCapacity: columns.count)
        for (i, name) in columns.enumerated() where columnIndexes[name] == nil {
            columnIndexes[name] = i
        }
        self.columnIndexes = columnIndexes
    }

    /// No rows, with no columns.
    public static func empty(file: String, origin: RowOrigin = .spreadsheet) -> SubjectRows {
        SubjectRows(file: file, origin: origin, columns: [], ids: [], cells: [], lines: [])
    }

    /// The number of rows.
    public var count: Int { ids.count }

    /// The row of a subject id (its first occurrence), or nil. The id is
    /// compared after NFC normalisation.
    public func row(of id: String) -> Int? {
        if let row = rowIndex.row(of: id, in: ids) { return row }
        if id.utf8.allSatisfy({ $0 < 0x80 }) { return nil }   // ASCII is its own NFC
        let normalized = NFC.normalize(id)
        return normalized.utf8.elementsEqual(id.utf8) ? nil : rowIndex.row(of: normalized, in: ids)
    }

    /// `row(of:)` for an id read in place from Lua, without making a String
    /// unless it needs normalising.
    func row(of id: LuaBorrowedString) -> Int? {
        if let row = rowIndex.row(of: id, in: ids) { return row }
        if id.isASCII { return nil }
        return row(of: id.string)
    }

    /// The index of a column in `columns`, or nil (`id` has none).
    public func columnIndex(_ name: String) -> Int? { columnIndexes[name] }

    /// The value of a cell by column name; nil for an empty cell or an
    /// unknown column.
    public func value(row: Int, column: String) -> Value? {
        guard let c = columnIndexes[column] else { return nil }
        return cells[row * columns.count + c]
    }

    /// The value of a cell by column index.
    public func value(row: Int, columnIndex c: Int) -> Value? {
        cells[row * columns.count + c]
    }

    /// The row as a dictionary of its non-empty cells (without `id`).
    public func fields(row: Int) -> [String: Value] {
        var result: [String: Value] = [:]
        for (c, name) in columns.enumerated() {
            if let v = cells[row * columns.count + c] { result[name] = v }
        }
        return result
    }

    /// Names a row for messages: `members.csv:8` or `data.json: members[3] (id "M1")`.
    public func location(row: Int) -> String {
        RowPlace(rows: self, row: row).name
    }
}
