import Dispatch

/// Loads the CSV files of a data directory. The files are read in parallel,
/// each with its own log; the logs are merged in file order, so the issues
/// and their order do not depend on the number of cores.
enum CSVDataReader {
    static func load(_ top: DataDirectory, schema: FieldSchema, phases declared: [String]) throws -> Dataset {
        var log = IssueLog()
        var readable = DatasetChecks.Readable()
        var reads = ParallelReads()

        func table(_ dir: DataDirectory, _ spec: TableSpec, required: Bool) -> ParallelReads.Ticket<SubjectRows?> {
            guard let name = dir.file(spec.kind.fileName) else {
                if required {
                    log.add(DataIssue(path: dir.path(spec.kind.fileName), message:
                        "file not found; a data directory needs units.csv and members.csv (or one data.json)"))
                }
                return reads.none(nil)
            }
            return reads.add(after: log, fallback: nil) { log in
                guard let document = CSVDocument(url: dir.url(name), file: dir.path(name), log: &log) else { return nil }
                return CSVTableReader.read(document, spec: spec, schema: schema, interner: StringInterner(), log: &log)
            }
        }

        let unitsRead = table(top, TableSpec(kind: .unit, phase: nil), required: true)
        let membersRead = table(top, TableSpec(kind: .member, phase: nil), required: true)
        var historyRead = reads.none([HistoryEntry]())
        if let name = top.file("history.csv") {
            historyRead = reads.add(after: log, fallback: []) { log in
                guard let document = CSVDocument(url: top.url(name), file: name, log: &log) else { return [] }
                return HistoryReader.read(document, interner: StringInterner(), log: &log) ?? []
            }
        }

        var phaseReads: [String: (units: ParallelReads.Ticket<SubjectRows?>, members: ParallelReads.Ticket<SubjectRows?>, dir: DataDirectory)] = [:]
        if let phasesName = top.folder("phases") {
            let phasesDir = DataDirectory(url: top.url(phasesName), relativePath: phasesName)
            for issue in phasesDir.ambiguityIssues { log.add(issue) }
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
                for issue in dir.ambiguityIssues { log.add(issue) }
                for file in dir.all where !file.isDirectory && file.name.lowercased().hasSuffix(".csv")
                    && dir.file("units.csv") != file.name && dir.file("members.csv") != file.name {
                    log.add(DataIssue(path: dir.path(file.name), message:
                        "unexpected file; a phase folder holds units.csv and members.csv"))
                }
                let spec = { (kind: SubjectKind) in TableSpec(kind: kind, phase: entry.name) }
                phaseReads[entry.name] = (table(dir, spec(.unit), required: false), table(dir, spec(.member), required: false), dir)
            }
        }
        reads.run(into: &log)
        let units = reads.value(unitsRead)
        let members = reads.value(membersRead)
        readable.units = units != nil
        readable.members = members != nil
        let history = reads.value(historyRead)
        let found = phaseReads.mapValues { read in
            PhaseFacts(units: reads.value(read.units) ?? .empty(file: read.dir.path("units.csv")),
                       members: reads.value(read.members) ?? .empty(file: read.dir.path("members.csv")))
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

/// File reads that run in parallel, each with its own issue log. Their
/// issues join the main log in the order the reads were added, after the
/// issues the main log had when each was added: the same issues in the
/// same order as reading the files one after the other.
struct ParallelReads {
    /// Where a read's result will be.
    struct Ticket<T> {
        fileprivate let index: Int?
        fileprivate let fallback: T
    }

    private var jobs: [@Sendable (inout IssueLog) -> any Sendable] = []
    /// Per job: how many issues of the main log come before its own.
    private var positions: [Int] = []
    private var results: [any Sendable] = []

    /// A ticket for a read that does not happen: its value is `value`.
    func none<T>(_ value: T) -> Ticket<T> { Ticket(index: nil, fallback: value) }

    /// Adds a read, placed after the issues already in `log`.
    mutating func add<T: Sendable>(after log: IssueLog, fallback: T,
                                   _ read: @escaping @Sendable (inout IssueLog) -> T) -> Ticket<T> {
        positions.append(log.issues.count)
        jobs.append { log in read(&log) }
        return Ticket(index: jobs.count - 1, fallback: fallback)
    }

    /// Runs every read; then `log` holds every issue, in order.
    mutating func run(into log: inout IssueLog) {
        let slots = Slots<(any Sendable, IssueLog)>(count: jobs.count)
        let jobs = self.jobs
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            var own = IssueLog()
            let value = jobs[i](&own)
            slots.set(i, .success((value, own)))
        }
        var merged = IssueLog()
        var next = 0
        for (i, slot) in slots.values.enumerated() {
            guard case .success(let (value, own))? = slot else { continue }
            while next < positions[i] { merged.add(log.issues[next]); next += 1 }
            merged.append(own)
            results.append(value)
        }
        while next < log.issues.count { merged.add(log.issues[next]); next += 1 }
        merged.omit(log.omitted)
        log = merged
    }

    /// The value read (after `run`), or the fallback of a read that did not happen.
    func value<T>(_ ticket: Ticket<T>) -> T {
        guard let index = ticket.index else { return ticket.fallback }
        return results[index] as! T
    }
}
