/// Finds cycles in the `parent` column of units (U1 → U2 → U1).
enum ParentCycles {
    /// Logs each cycle once, at the row of its first unit in file order,
    /// naming every unit in it: `cycle of parents: U1 → U2 → U1`.
    static func report(_ units: SubjectRows, log: inout IssueLog) {
        guard let c = units.columnIndex("parent") else { return }
        func parentRow(_ row: Int) -> Int? {
            units.value(row: row, columnIndex: c).flatMap { units.row(of: $0.description) }
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
            log.add(RowPlace(rows: units, row: ordered.first!)
                .issue(column: "parent", "cycle of parents: " + names.joined(separator: " → ")))
        }
    }
}
