/// The checks across rows, shared by every way a dataset is made: duplicate
/// ids, references to units, cycles of parents, phase rows of unknown subjects,
/// and the same references and cycles once a phase's rows are merged in.
enum DatasetChecks {
    /// Which base tables could be read; checks that rely on an unreadable one
    /// are skipped rather than reporting every reference as unknown.
    struct Readable {
        var units = true
        var members = true
    }

    /// Runs every check, in a fixed order: base units, base members, then
    /// each phase (in the order given).
    static func run(units: SubjectRows, members: SubjectRows, phases: [(id: String, facts: PhaseFacts)],
                    readable: Readable, log: inout IssueLog) {
        duplicates(units, log: &log)
        if readable.units {
            references(in: units, column: "parent", to: units, log: &log)
            ParentCycles.report(units, log: &log)
        }
        duplicates(members, log: &log)
        emptyUnits(members, log: &log)
        if readable.units {
            references(in: members, column: "unit", to: units, log: &log)
        }
        for (_, facts) in phases {
            duplicates(facts.units, log: &log)
            if readable.units {
                knownSubjects(facts.units, base: units, kind: .unit, log: &log)
                // A phase row that moves a unit or a member is checked on the merged data.
                references(in: facts.units, column: "parent", to: units, log: &log)
                ParentCycles.report(units, phase: facts.units, log: &log)
            }
            duplicates(facts.members, log: &log)
            if readable.members { knownSubjects(facts.members, base: members, kind: .member, log: &log) }
            if readable.units { references(in: facts.members, column: "unit", to: units, log: &log) }
        }
    }

    /// Each id at most once per table.
    static func duplicates(_ rows: SubjectRows, log: inout IssueLog) {
        for (row, first) in rows.repeatedIds {
            let id = rows.ids[row]
            let firstPlace = RowPlace(rows: rows, row: first)
            log.add(RowPlace(rows: rows, row: row).issue("duplicate id \"\(id)\" (first \(firstPlace.reference))"))
        }
    }

    /// Every member has a unit.
    static func emptyUnits(_ members: SubjectRows, log: inout IssueLog) {
        guard let c = members.columnIndex("unit") else { return }
        for row in 0..<members.count where members.value(row: row, columnIndex: c) == nil {
            log.add(RowPlace(rows: members, row: row).issue(column: "unit", "empty; every member needs a unit"))
        }
    }

    /// Every non-empty cell of `column` names a row of `target`.
    static func references(in rows: SubjectRows, column: String, to target: SubjectRows, log: inout IssueLog) {
        guard let c = rows.columnIndex(column) else { return }
        for row in 0..<rows.count {
            guard let value = rows.value(row: row, columnIndex: c) else { continue }
            let id = value.description
            if target.row(of: id) == nil {
                log.add(RowPlace(rows: rows, row: row).issue(column: column, "unit \"\(id)\" does not exist"))
            }
        }
    }

    /// Every phase row is a subject of the base table.
    static func knownSubjects(_ rows: SubjectRows, base: SubjectRows, kind: SubjectKind, log: inout IssueLog) {
        for (row, id) in rows.ids.enumerated() where base.row(of: id) == nil {
            log.add(RowPlace(rows: rows, row: row).issue("\(kind.rawValue) \"\(id)\" does not exist"))
        }
    }
}
