/// Finds cycles in the `parent` column of units (U1 → U2 → U1).
enum ParentCycles {
    /// Logs each cycle once, at the row of its first unit in file order,
    /// naming every unit in it: `cycle of parents: U1 → U2 → U1`.
    ///
    /// With `phase` (a phase's unit rows), the parents are the merged ones
    /// (a phase row's non-empty `parent` wins), and only cycles that a phase
    /// row takes part in are logged, at that phase row: the base rows' own
    /// cycles are logged without `phase`.
    static func report(_ units: SubjectRows, phase: SubjectRows? = nil, log: inout IssueLog) {
        let c = units.columnIndex("parent")
        let pc = phase?.columnIndex("parent")
        if phase != nil && pc == nil { return }
        guard c != nil || pc != nil else { return }
        // Per base row: its phase row when that row sets a parent.
        var phaseRow = [Int?](repeating: nil, count: units.count)
        if let phase, let pc {
            for row in 0..<phase.count where phase.value(row: row, columnIndex: pc) != nil {
                if let base = units.row(of: phase.ids[row]) { phaseRow[base] = row }
            }
        }
        func parentRow(_ row: Int) -> Int? {
            let value = phaseRow[row].flatMap { phase!.value(row: $0, columnIndex: pc!) }
                ?? c.flatMap { units.value(row: row, columnIndex: $0) }
            return value.flatMap { units.row(of: $0.description) }
        }
        enum State { case new, onPath, done }
        var state = [State](repeating: .new, count: units.count)
        var cycles: [[Int]] = []
        for start in 0..<units.count where state[start] == .new && units.row(of: units.ids[start]) == start {
            var path: [Int] = []
            var row: Int? = start
            while let r = row, state[r] == .new {
                state[r] = .onPath
                path.append(r)
                row = parentRow(r)
            }
            if let r = row, state[r] == .onPath, let at = path.firstIndex(of: r) {
                cycles.append(Array(path[at...]))
            }
            for r in path { state[r] = .done }
        }
        for cycle in cycles.sorted(by: { $0.min()! < $1.min()! }) {
            let first = cycle.firstIndex(of: cycle.min()!)!
            let ordered = cycle[first...] + cycle[..<first]
            let names = (ordered + [ordered.first!]).map { units.ids[$0] }
            let message = "cycle of parents: " + names.joined(separator: " → ")
            if let phase {
                guard let at = ordered.compactMap({ phaseRow[$0] }).min() else { continue }
                log.add(RowPlace(rows: phase, row: at).issue(column: "parent", message))
            } else {
                log.add(RowPlace(rows: units, row: ordered.first!).issue(column: "parent", message))
            }
        }
    }
}
