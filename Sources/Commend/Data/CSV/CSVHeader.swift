/// The header line of a CSV file: column names (trimmed, NFC), checked for
/// required, repeated and unnamed columns.
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

    /// Reads the header; logs problems and returns nil when a required column
    /// is missing.
    init?(_ record: CSVRecord, file: String, required: [String], log: inout IssueLog) {
        self.file = file
        var names: [String] = []
        var positions: [Int] = []
        var unnamed: [Int] = []
        for i in 0..<record.count {
            let name = record.text(i)
            if name.isEmpty {
                unnamed.append(i)
            } else if names.contains(name) {
                log.add(DataIssue(path: file, line: record.line, column: name,
                                  message: "appears twice in the header; the second one is ignored"))
            } else {
                names.append(name)
                positions.append(i)
            }
        }
        self.names = names
        self.positions = positions
        self.unnamed = unnamed
        self.width = record.count
        let missing = required.filter { !names.contains($0) }
        for name in missing {
            log.add(DataIssue(path: file, line: record.line, message: "missing column \"\(name)\""))
        }
        if !missing.isEmpty { return nil }
    }

    /// The cell index of a column, or nil.
    func position(of name: String) -> Int? {
        names.firstIndex(of: name).map { positions[$0] }
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
