/// Builds a dataset from rows given in code: the Swift API, data.json and the
/// engine's Lua rule tests use it. Cells go through the same conversions and
/// the dataset through the same checks as a data directory.
///
/// Rows are named in messages by their list and index, as
/// `source: members[2] (id "M1"): column "rating": expected one of ...`.
public struct DatasetBuilder {
    /// A cell given in code.
    public enum Cell: Sendable {
        /// Text, read like a CSV cell (trimmed; empty is nil; converted to the
        /// declared type).
        case text(String)
        /// A typed value, checked against the declared type: a string is read
        /// like text; an integral number fills an `int`, 0/1 a `bool`, an
        /// int a `number`; any value fills a `string` column as its text
        /// (`Value.description`); anything else is an error.
        case value(Value)
    }

    struct PendingRow {
        var fields: [String: Cell]
        var line: Int
    }

    let schema: FieldSchema
    let declaredPhases: [String]
    let source: String
    var units: [PendingRow] = []
    var members: [PendingRow] = []
    var phaseRows: [String: (units: [PendingRow], members: [PendingRow])] = [:]
    var phaseOrder: [String] = []
    var historyRows: [PendingRow] = []
    var historyEntries: [HistoryEntry] = []
    var issues: [DataIssue] = []

    /// Creates an empty builder.
    /// - Parameters:
    ///   - schema: the declared columns (`plan.fields`).
    ///   - phases: the phase ids the plan declares.
    ///   - source: names the origin in messages, e.g. `tests/x_test.lua:12`.
    public init(schema: FieldSchema, phases: [String], source: String) {
        self.schema = schema
        self.declaredPhases = phases
        self.source = source
    }

    /// Adds a unit row; `fields` must contain `"id"`. `line` is the row's
    /// index in its list (shown as `units[line]`); nil: the number of units
    /// added before it.
    public mutating func addUnit(_ fields: [String: Cell], line: Int? = nil) {
        units.append(PendingRow(fields: fields, line: line ?? units.count))
    }

    /// Adds a member row; `fields` must contain `"id"` and `"unit"`.
    public mutating func addMember(_ fields: [String: Cell], line: Int? = nil) {
        members.append(PendingRow(fields: fields, line: line ?? members.count))
    }

    /// Adds the facts of one subject for one phase; `fields` must contain `"id"`.
    public mutating func addPhaseFacts(phase: String, kind: SubjectKind, _ fields: [String: Cell], line: Int? = nil) {
        notePhase(phase)
        switch kind {
        case .unit: phaseRows[phase]!.units.append(PendingRow(fields: fields, line: line ?? phaseRows[phase]!.units.count))
        case .member: phaseRows[phase]!.members.append(PendingRow(fields: fields, line: line ?? phaseRows[phase]!.members.count))
        }
    }

    /// Adds an earlier commendation.
    public mutating func addHistory(subject: String, award: String, year: Int) {
        historyEntries.append(HistoryEntry(subject: subject, award: award, year: year))
    }

    /// Adds an earlier commendation from cells `subject`, `award` and `year`
    /// (checked like a row of `history.csv`).
    public mutating func addHistory(_ fields: [String: Cell], line: Int? = nil) {
        historyRows.append(PendingRow(fields: fields, line: line ?? historyRows.count))
    }

    /// Records that the data names `phase` (checked against the plan even
    /// when it has no rows).
    mutating func notePhase(_ phase: String) {
        if phaseRows[phase] == nil {
            phaseRows[phase] = ([], [])
            phaseOrder.append(phase)
        }
    }

    /// Adds a problem found by the caller (data.json's structure), reported
    /// with the others by `build()`.
    mutating func report(_ issue: DataIssue) {
        issues.append(issue)
    }

    /// Converts every row, runs every check, and returns the dataset.
    /// - Throws: `DataError` with every problem found.
    public func build() throws -> Dataset {
        var log = IssueLog()
        for issue in issues { log.add(issue) }
        let interner = StringInterner()
        let units = assemble(self.units, TableSpec(kind: .unit, phase: nil), interner, &log)
        let members = assemble(self.members, TableSpec(kind: .member, phase: nil), interner, &log)
        var phases: [(id: String, facts: PhaseFacts)] = []
        for phase in phaseOrder where !declaredPhases.contains(phase) {
            log.add(DataIssue(path: source, location: "phases.\(phase)",
                              message: PhaseDeclaration.undeclared(phase, declared: declaredPhases)))
        }
        for phase in declaredPhases {
            let rows = phaseRows[phase] ?? ([], [])
            phases.append((phase, PhaseFacts(
                units: assemble(rows.units, TableSpec(kind: .unit, phase: phase), interner, &log),
                members: assemble(rows.members, TableSpec(kind: .member, phase: phase), interner, &log))))
        }
        var history = HistoryAssembler(file: source, origin: .list(section: "history"), interner: interner)
        for row in historyRows {
            let fields = Self.normalizedKeys(row.fields)
            history.addRow(line: row.line, log: &log) { converter, i, problem in
                Self.convert(fields[HistoryAssembler.columns[i]], with: &converter, problem: &problem)
            }
        }
        for entry in historyEntries { history.add(entry, log: &log) }
        DatasetChecks.run(units: units, members: members, phases: phases, readable: .init(), log: &log)
        try log.throwIfAny()
        return Dataset(units: units, members: members,
                       phases: Dictionary(uniqueKeysWithValues: phases.map { ($0.id, $0.facts) }),
                       history: history.entries)
    }
}
