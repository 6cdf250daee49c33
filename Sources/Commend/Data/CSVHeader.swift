/// The header line of a CSV file: column names (trimmed, NFC), checked for
/// required, repeated and unnamed columns and for its size.
struct CSVHeader {
    let file: String
    /// The named columns in file order, each once.
    let names: [String]
    /// The cell index of each name in `names`.
    let positions: [Int]
    /// The number of cells in the header line.
    let width: Int
    private let unnamed: [Int]
    private var reportedUnnamed = false

    /// Where each name is in `names`.
    private let index: [String: Int]

    /// Reads the header; logs problems and returns nil when a required column
    /// is missing or the header is out of bounds (`Bounds.columns` cells,
    /// names of `Bounds.idBytes`). A header cell that differs from a `known`
    /// name (a declared field, a standard column) only in case is read as
    /// that name: `Rating` is the declared `rating`, and its values are
    /// checked. Linear in the number of cells.
    init?(_ record: CSVRecord, file: String, required: [String], known: [String] = [], log: inout IssueLog) {
        self.file = file
        guard record.count <= Bounds.columns else {
            log.add(DataIssue(path: file, line: record.line, message:
                "the header has \(record.count) columns; at most \(Bounds.columns) are allowed"))
            return nil
        }
        var canonical: [String: String] = [:]
        for name in required + known { canonical[name.lowercased()] = canonical[name.lowercased()] ?? name }
        var names: [String] = []
        var positions: [Int] = []
        var unnamed: [Int] = []
        var index: [String: Int] = [:]
        var tooLong = false
        for i in 0..<record.count {
            let written = record.text(i)
            let name = canonical[written.lowercased()] ?? written
            if name.isEmpty {
                unnamed.append(i)
            } else if name.utf8.count > Bounds.idBytes {
                log.add(DataIssue(path: file, line: record.line, message:
                    "column \(i + 1): the name \"\(Bounds.shown(name))\" is too long: at most \(Bounds.idBytes) bytes are allowed"))
                tooLong = true
            } else if index[name] != nil {
                let also = written == name ? "" : " (as \"\(written)\")"
                log.add(DataIssue(path: file, line: record.line, column: name,
                                  message: "appears twice in the header\(also); the second one is ignored"))
            } else {
                index[name] = names.count
                names.append(name)
                positions.append(i)
            }
        }
        self.names = names
        self.positions = positions
        self.unnamed = unnamed
        self.index = index
        self.width = record.count
        let missing = required.filter { index[$0] == nil }
        for name in missing {
            log.add(DataIssue(path: file, line: record.line, message: "missing column \"\(name)\""))
        }
        if !missing.isEmpty || tooLong { return nil }
    }

    /// The cell index of a column, or nil.
    func position(of name: String) -> Int? {
        index[name].map { positions[$0] }
    }

    /// Logs cells that no column names: beyond the header's width, or under a
    /// header cell left empty (each such column once per file). Blank cells
    /// there are ignored (spreadsheets leave trailing separators).
    mutating func checkExtraCells(_ record: CSVRecord, log: inout IssueLog) {
        if record.count > width {
            for i in width..<record.count where !record.isBlank(i) {
                log.add(DataIssue(path: file, line: record.line,
                                  message: "row has \(record.count) cells but the header has \(width)"))
                break
            }
        }
        guard !reportedUnnamed else { return }
        for i in unnamed where i < record.count && !record.isBlank(i) {
            log.add(DataIssue(path: file, line: record.line,
                              message: "cell \(i + 1) holds \"\(record.text(i))\" but its column has no name in the header"))
            reportedUnnamed = true
            break
        }
    }
}
