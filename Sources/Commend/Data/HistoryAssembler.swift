/// Builds history entries (`subject`, `award`, `year`) row by row from
/// `history.csv`, data.json or rows built in code.
struct HistoryAssembler {
    static let columns = ["subject", "award", "year"]

    let file: String
    let origin: RowOrigin
    private var converters: [FieldConverter]
    private(set) var entries: [HistoryEntry] = []

    init(file: String, origin: RowOrigin, interner: StringInterner) {
        self.file = file
        self.origin = origin
        converters = [.string, .string, .int].map {
            FieldConverter(type: $0, decimalComma: false, interner: interner)
        }
    }

    /// Adds a row; `cell` converts the cell of column `HistoryAssembler.columns[i]`.
    mutating func addRow(line: Int, log: inout IssueLog, cell: TableAssembler.CellReader) {
        var values: [Value?] = []
        let place = RowPlace(file: file, origin: origin, line: line, id: nil)
        for i in converters.indices {
            var problem: FieldConverter.Problem?
            let value = cell(&converters[i], i, &problem)
            values.append(value)
            if let problem {
                log.add(place.issue(column: Self.columns[i], problem.message))
            } else if value == nil {
                log.add(place.issue(column: Self.columns[i], "empty; every history row needs a subject, an award and a year"))
            }
        }
        guard case .string(let subject)? = values[0], case .string(let award)? = values[1],
              case .int(let year)? = values[2] else { return }
        guard HistoryEntry.plausibleYears.contains(year) else {
            return log.add(place.issue(column: "year", Self.implausible(year)))
        }
        entries.append(HistoryEntry(subject: subject, award: award, year: year))
    }

    /// Adds an entry given in code (its year is checked as a row's is).
    mutating func add(_ entry: HistoryEntry, log: inout IssueLog) {
        guard HistoryEntry.plausibleYears.contains(entry.year) else {
            return log.add(DataIssue(path: file, location: "history", message:
                "subject \(entry.subject), award \(entry.award): " + Self.implausible(entry.year)))
        }
        entries.append(entry)
    }

    static func implausible(_ year: Int) -> String {
        "\(year) is not a plausible year; a history year is written with four digits (\(HistoryEntry.plausibleYears.lowerBound) to \(HistoryEntry.plausibleYears.upperBound))"
    }
}
