/// Loads the CSV files of a data directory.
enum CSVDataReader {
    static func load(_ top: DataDirectory, schema: FieldSchema, phases declared: [String]) throws -> Dataset {
        var log = IssueLog()
        let interner = StringInterner()
        var readable = DatasetChecks.Readable()

        func table(_ dir: DataDirectory, _ spec: TableSpec, required: Bool) -> SubjectRows? {
            guard let name = dir.file(spec.kind.fileName) else {
                if required {
                    log.add(DataIssue(path: dir.path(spec.kind.fileName), message:
                        "file not found; a data directory needs units.csv and members.csv (or one data.json)"))
                }
                return nil
            }
            guard let document = CSVDocument(url: dir.url(name), file: dir.path(name), log: &log) else { return nil }
            return CSVTableReader.read(document, spec: spec, schema: schema, interner: interner, log: &log)
        }

        let units = table(top, TableSpec(kind: .unit, phase: nil), required: true)
        let members = table(top, TableSpec(kind: .member, phase: nil), required: true)
        readable.units = units != nil
        readable.members = members != nil

        var history: [HistoryEntry] = []
        if let name = top.file("history.csv"), let document = CSVDocument(url: top.url(name), file: name, log: &log) {
            history = HistoryReader.read(document, interner: interner, log: &log) ?? []
        }

        var found: [String: PhaseFacts] = [:]
        if let phasesName = top.folder("phases") {
            let phasesDir = DataDirectory(url: top.url(phasesName), relativePath: phasesName)
            for entry in phasesDir.all {
                let path = phasesDir.path(entry.name)
                guard entry.isDirectory else {
                    if entry.name.lowercased().hasSuffix(".csv") {
                        log.add(DataIssue(path: path, message:
                            "unexpected file; the facts of a phase go in phases/<phase>/units.csv and members.csv"))
                    }
                    continue
                }
                guard declared.contains(entry.name) else {
                    log.add(DataIssue(path: path, message: PhaseDeclaration.undeclared(entry.name, declared: declared)))
                    continue
                }
                let dir = DataDirectory(url: phasesDir.url(entry.name), relativePath: path)
                for file in dir.all where !file.isDirectory && file.name.lowercased().hasSuffix(".csv")
                    && dir.file("units.csv") != file.name && dir.file("members.csv") != file.name {
                    log.add(DataIssue(path: dir.path(file.name), message:
                        "unexpected file; a phase folder holds units.csv and members.csv"))
                }
                let spec = { (kind: SubjectKind) in TableSpec(kind: kind, phase: entry.name) }
                found[entry.name] = PhaseFacts(
                    units: table(dir, spec(.unit), required: false) ?? .empty(file: dir.path("units.csv")),
                    members: table(dir, spec(.member), required: false) ?? .empty(file: dir.path("members.csv")))
            }
        }
        let phases = declared.map { phase in
            (id: phase, facts: found[phase] ?? PhaseFacts(
                units: .empty(file: "phases/\(phase)/units.csv"),
                members: .empty(file: "phases/\(phase)/members.csv")))
        }
        let unitRows = units ?? .empty(file: "units.csv")
        let memberRows = members ?? .empty(file: "members.csv")
        DatasetChecks.run(units: unitRows, members: memberRows, phases: phases, readable: readable, log: &log)
        try log.throwIfAny()
        return Dataset(units: unitRows, members: memberRows,
                       phases: Dictionary(uniqueKeysWithValues: phases.map { ($0.id, $0.facts) }),
                       history: history)
    }
}
