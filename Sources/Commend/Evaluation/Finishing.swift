import Dispatch
import Foundation

/// Quotas and rankings: what is decided once every subject has been evaluated.
enum Finishing {
    static func award(_ award: Award, rows: [AwardRow], view: KindView, groups grouping: QuotaGroup, baseCounts: [String?: Int]?) -> (AwardResult, ResultStore.AwardState) {
        var state = ResultStore.AwardState(eligible: Array(repeating: nil, count: view.count),
                                           awarded: Array(repeating: false, count: view.count))
        // Per position in `rows`.
        var places = [QuotaPlace?](repeating: nil, count: rows.count)
        for row in rows { state.eligible[row.row] = row.eligible }
        if let quota = award.quota {
            var groups: [String?: [Int]] = [:]
            for (i, row) in rows.enumerated() where row.eligible {
                groups[grouping.group(row.row), default: []].append(i)
            }
            // Each group is ordered on its own, the groups spread over the
            // cores; the places are then written in one pass.
            let list = Array(groups)
            let orders = rows.map(\.order)
            let parts = list.count < 64 ? 1 : Parallel.cores * 4
            let decided = Parallel.map(parts: parts) { p, _ in
                list.indices.part(p, of: parts).map { g in
                    let (group, members) = list[g]
                    // Rows arrive by subject id; a stable sort keeps that order among equal `order` values.
                    let ordered = members.sorted { a, b in
                        let x = orders[a] ?? -.infinity, y = orders[b] ?? -.infinity
                        return x != y ? x > y : a < b
                    }
                    let base = baseCounts.map { $0[group] ?? 0 } ?? members.count
                    return (group, ordered, base, quota.limit(base: base))
                }
            }
            for (group, ordered, base, limit) in decided.joined() {
                for (place, i) in ordered.enumerated() {
                    let awarded = limit.map { place < $0 } ?? true
                    state.awarded[rows[i].row] = awarded
                    places[i] = QuotaPlace(group: group, place: place + 1, eligible: ordered.count, base: base,
                                           limit: limit, order: rows[i].order)
                }
            }
        } else {
            for row in rows where row.eligible { state.awarded[row.row] = true }
        }
        let awarded = state.awarded, criteria = award.criteria, quotaPlaces = places, names = view.names
        let outcomes = Parallel.array(count: rows.count, threshold: 16_384) { i in
            let row = rows[i]
            return AwardOutcome(
                subject: names.id(row.row),
                name: names.name(row.row),
                eligible: row.eligible,
                awarded: awarded[row.row],
                definitions: criteria,
                block: row.block,
                index: row.index,
                quota: quotaPlaces[i])
        }
        return (AwardResult(award: award, results: outcomes), state)
    }

    /// Holders of `base` per value of `within` (nil: the one group).
    static func baseCounts(groups: QuotaGroup, state: ResultStore.AwardState?) -> [String?: Int] {
        var counts: [String?: Int] = [:]
        guard let state else { return counts }
        for row in 0..<groups.view.count where state.awarded[row] {
            counts[groups.group(row), default: 0] += 1
        }
        return counts
    }

    static func scoring(_ scoring: Scoring, rows: [ScoreRow], view: KindView) throws -> (ScoringResult, ResultStore.ScoringState) {
        struct Scored {
            var row: ScoreRow
            var points: [Double]
            var bonus: Double
            var penalty: Double
            var total: Double
            var group: String?
        }
        let cells = view.cellReader
        let groupColumn = scoring.group.flatMap { view.columns.firstIndex(of: $0) }
        func group(_ row: Int) -> String? {
            guard let groupColumn, let value = cells.value(row: row, column: groupColumn) else { return nil }
            if case .string(let s) = value { return s }
            return value.description
        }
        var scored: [Scored] = try rows.map { row in
            let points = zip(row.raw, scoring.items).map { raw, item in Swift.min(Swift.max(raw, 0), item.max) }
            var bonus = Swift.max(row.bonusRaw ?? 0, 0)
            if let max = scoring.bonus?.max { bonus = Swift.min(bonus, max) }
            let penalty = Swift.max(row.penaltyRaw ?? 0, 0)
            var total = 0.0
            for p in points { total += p }
            total = total + bonus - penalty
            guard total.isFinite else {
                // Each part is finite; only their sum overflowed (RULES.md §2.3: totals are compared exactly).
                throw RuleError(kind: .script, location: scoring.location, declaration: "scoring \"\(scoring.id)\"",
                                part: "total", subject: view.id(row.row),
                                message: "the total is not a finite number (items \(ReportFormat.number(points.reduce(0, +))), bonus \(ReportFormat.number(bonus)), penalty \(ReportFormat.number(penalty))): points must add up to a finite number")
            }
            return Scored(row: row, points: points, bonus: bonus, penalty: penalty, total: total,
                          group: group(row.row))
        }
        let tiebreak = scoring.tiebreak.compactMap { id in scoring.items.firstIndex { $0.id == id } }
        func keys(_ s: Scored) -> [Double] { [s.total] + tiebreak.map { s.points[$0] } }
        func groupPrecedes(_ a: String?, _ b: String?) -> Bool {
            switch (a, b) {
            case (nil, nil): false
            case (nil, _): true
            case (_, nil): false
            case let (x?, y?): idPrecedes(x, y)
            }
        }
        // Rows arrive by subject id, so a stable sort leaves ties in id order.
        scored = scored.enumerated().sorted { a, b in
            if a.element.group != b.element.group { return groupPrecedes(a.element.group, b.element.group) }
            let x = keys(a.element), y = keys(b.element)
            if x != y { return x.lexicographicallyPrecedes(y, by: >) }
            return a.offset < b.offset
        }.map(\.element)
        var state = ResultStore.ScoringState(total: Array(repeating: nil, count: view.count),
                                             rank: Array(repeating: nil, count: view.count),
                                             grade: Array(repeating: nil, count: view.count))
        var outcomes: [ScoreOutcome] = []
        outcomes.reserveCapacity(scored.count)
        let names = view.names
        var start = 0
        while start < scored.count {
            var end = start
            while end < scored.count && scored[end].group == scored[start].group { end += 1 }
            var rank = 1
            for i in start..<end {
                if i > start && keys(scored[i]) != keys(scored[i - 1]) { rank = i - start + 1 }
                let s = scored[i]
                let grade = scoring.grades.first { $0.min <= s.total }?.label
                state.total[s.row.row] = s.total
                state.rank[s.row.row] = rank
                state.grade[s.row.row] = grade
                outcomes.append(ScoreOutcome(
                    subject: names.id(s.row.row), name: names.name(s.row.row),
                    group: s.group, total: s.total, rank: rank, groupSize: end - start, grade: grade,
                    items: scoring.items.enumerated().map { i, item in
                        ItemOutcome(id: item.id, text: item.text, points: s.points[i], raw: s.row.raw[i], max: item.max,
                                    detail: s.row.details[i])
                    },
                    bonus: s.bonus, bonusRaw: s.row.bonusRaw, bonusDetail: s.row.bonusDetail,
                    penalty: s.penalty, penaltyRaw: s.row.penaltyRaw, penaltyDetail: s.row.penaltyDetail))
            }
            start = end
        }
        return (ScoringResult(scoring: scoring, results: outcomes), state)
    }
}
