/// Names one row in messages, for files (`members.csv:8`) and for lists
/// (`data.json: members[3] (id "M1")`).
struct RowPlace {
    var file: String
    var origin: RowOrigin
    var line: Int
    var id: String?

    init(file: String, origin: RowOrigin, line: Int, id: String?) {
        self.file = file
        self.origin = origin
        self.line = line
        self.id = id.flatMap { $0.isEmpty ? nil : $0 }
    }

    init(rows: SubjectRows, row: Int) {
        self.init(file: rows.file, origin: rows.origin, line: rows.lines[row], id: rows.ids[row])
    }

    /// `members[3] (id "M1")` for a list row; nil for a file row.
    var location: String? {
        guard case .list(let section) = origin else { return nil }
        let base = "\(section)[\(line)]"
        return id.map { "\(base) (id \"\($0)\")" } ?? base
    }

    /// The whole name: `members.csv:8` or `data.json: members[3] (id "M1")`.
    var name: String {
        if let location { return "\(file): \(location)" }
        return "\(file):\(line)"
    }

    /// How another row of the same file is referred to: `on line 3` or `at members[2]`.
    var reference: String {
        if case .list(let section) = origin { return "at \(section)[\(line)]" }
        return "on line \(line)"
    }

    /// An issue in this row.
    func issue(column: String? = nil, _ message: String) -> DataIssue {
        switch origin {
        case .spreadsheet:
            return DataIssue(path: file, line: line, column: column, message: message)
        case .list:
            return DataIssue(path: file, location: location, column: column, message: message)
        }
    }
}
