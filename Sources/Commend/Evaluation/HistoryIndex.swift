/// The earlier years in which each subject received each award (history.csv
/// entries before the plan year), found by subject row: a national run asks
/// for the history of millions of subjects, so neither ids nor award names
/// are hashed as strings per question.
struct HistoryIndex: Sendable {
    /// Award ids as they appear in the history, and as bytes.
    private let awards: [String]
    private let awardBytes: [[UInt8]]
    /// Per subject row of members and of units: a range of `entries`.
    private let members: Table
    private let units: Table
    /// Subjects that are neither (earlier holders who left): id → award → years.
    private let others: [String: [Int32: [Int]]]

    /// Entries of one kind of subject, grouped by row, then award, then year.
    struct Table: Sendable {
        /// Row r's entries are start[r]..<start[r + 1].
        var start: [Int32]
        var award: [Int32]
        var year: [Int32]

        init(rows: Int, entries: [(row: Int, award: Int32, year: Int32)]) {
            var start = [Int32](repeating: 0, count: rows + 1)
            for entry in entries { start[entry.row + 1] += 1 }
            for r in 0..<rows { start[r + 1] += start[r] }
            // (award, year) as one sortable number, grouped by row: the year
            // fills the low 32 bits as an unsigned number, so that it never
            // spills into the award's bits (years are 1000...9999, see HistoryEntry).
            var next = start
            var keys = [Int64](repeating: 0, count: entries.count)
            for entry in entries {
                keys[Int(next[entry.row])] = Int64(entry.award) << 32 | Int64(UInt32(bitPattern: entry.year))
                next[entry.row] += 1
            }
            // Each row's few entries: sorted by award then year, repeats dropped.
            var kept = 0
            var newStart = [Int32](repeating: 0, count: rows + 1)
            for r in 0..<rows {
                let range = Int(start[r])..<Int(start[r + 1])
                if range.count > 1 { keys[range].sort() }
                for i in range where kept == Int(newStart[r]) || keys[kept - 1] != keys[i] {
                    keys[kept] = keys[i]
                    kept += 1
                }
                newStart[r + 1] = Int32(kept)
            }
            self.start = newStart
            award = keys.prefix(kept).map { Int32(truncatingIfNeeded: $0 >> 32) }
            year = keys.prefix(kept).map { Int32(truncatingIfNeeded: $0) }
        }

        func years(row: Int, award code: Int32) -> [Int] {
            var out: [Int] = []
            for i in Int(start[row])..<Int(start[row + 1]) where award[i] == code { out.append(Int(year[i])) }
            return out
        }
    }

    init(entries: [HistoryEntry], before year: Int, members: SubjectRows, units: SubjectRows) {
        var codes: [String: Int32] = [:]
        var awards: [String] = []
        var memberEntries: [(row: Int, award: Int32, year: Int32)] = []
        var unitEntries: [(row: Int, award: Int32, year: Int32)] = []
        var others: [String: [Int32: Set<Int>]] = [:]
        for entry in entries where entry.year < year {
            let code: Int32
            if let known = codes[entry.award] {
                code = known
            } else {
                code = Int32(awards.count)
                codes[entry.award] = code
                awards.append(entry.award)
            }
            let y = Int32(clamping: entry.year)
            let member = members.row(of: entry.subject), unit = units.row(of: entry.subject)
            if let member { memberEntries.append((member, code, y)) }
            if let unit { unitEntries.append((unit, code, y)) }
            if member == nil && unit == nil { others[entry.subject, default: [:]][code, default: []].insert(entry.year) }
        }
        self.awards = awards
        awardNames = Set(entries.map(\.award)).sorted(by: idPrecedes)
        awardBytes = awards.map { Array($0.utf8) }
        self.members = Table(rows: members.count, entries: memberEntries)
        self.units = Table(rows: units.count, entries: unitEntries)
        self.others = others.mapValues { $0.mapValues { $0.sorted() } }
    }

    /// Every award id of the history rows, of any year, in byte order.
    let awardNames: [String]

    /// The code of an award id given as bytes, nil when it has no history.
    func award(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        Worker.find(bytes, in: awardBytes).map(Int32.init)
    }

    /// Ascending years in which the subject received the award.
    func years(member row: Int, award: Int32) -> [Int] { members.years(row: row, award: award) }
    func years(unit row: Int, award: Int32) -> [Int] { units.years(row: row, award: award) }
    func years(other id: String, award: Int32) -> [Int] { others[id]?[award] ?? [] }
}
