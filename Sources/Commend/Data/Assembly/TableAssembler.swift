/// Builds the `SubjectRows` of one table row by row, converting every cell
/// with its column's `FieldConverter` and logging what does not fit.
struct TableAssembler {
    /// Converts one cell with the converter it is given: column index `-1` is
    /// the id, `0..<columns.count` the other columns.
    typealias CellReader = (inout FieldConverter, Int, inout FieldConverter.Problem?) -> Value?

    let file: String
    let origin: RowOrigin
    let columns: [String]
    private var idConverter: FieldConverter
    private var converters: [FieldConverter]
    private var ids: [String] = []
    private var cells: [Value?] = []
    private var lines: [Int] = []

    /// - Parameters:
    ///   - columns: the columns without `id`.
    init(file: String, origin: RowOrigin, columns: [String], spec: TableSpec,
         schema: FieldSchema, decimalComma: Bool, interner: StringInterner) {
        self.file = file
        self.origin = origin
        self.columns = columns
        idConverter = FieldConverter(type: .string, decimalComma: decimalComma, interner: interner)
        converters = columns.map {
            FieldConverter(type: spec.type(of: $0, schema: schema), decimalComma: decimalComma, interner: interner)
        }
    }

    /// Adds a row (a row without an id is reported and left out).
    mutating func addRow(line: Int, log: inout IssueLog, cell: CellReader) {
        var problem: FieldConverter.Problem?
        guard case .string(let id)? = cell(&idConverter, -1, &problem) else {
            let place = RowPlace(file: file, origin: origin, line: line, id: nil)
            log.add(place.issue(column: "id", "empty id; every row needs one"))
            return
        }
        if let message = Bounds.idProblem(id, what: "id") {
            log.add(RowPlace(file: file, origin: origin, line: line, id: nil).issue(column: "id", message))
            return
        }
        for c in converters.indices {
            cells.append(cell(&converters[c], c, &problem))
            if let found = problem {
                let place = RowPlace(file: file, origin: origin, line: line, id: id)
                log.add(place.issue(column: columns[c], found.message))
                problem = nil
            }
        }
        ids.append(id)
        lines.append(line)
    }

    /// Reserves room for `rows` more rows.
    mutating func reserve(rows: Int) {
        ids.reserveCapacity(rows)
        lines.reserveCapacity(rows)
        cells.reserveCapacity(rows * columns.count)
        HugePages.advise(&cells)
        HugePages.advise(&ids)
        HugePages.advise(&lines)
    }

    /// The rows added so far.
    func finish() -> SubjectRows {
        SubjectRows(file: file, origin: origin, columns: columns, ids: ids, cells: cells, lines: lines)
    }
}
