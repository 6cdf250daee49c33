import Commend

/// A scoring's rankings for the report: one table and one bar chart per
/// cluster (the scoring's group).
enum ScoringTables {
    /// The chart's geometry, in the SVG's own units: labels on the left, bars
    /// scaled to the best total of the scoring, the total after each bar.
    static let labelWidth = 300.0, barWidth = 300.0, rowHeight = 20.0, barHeight = 14.0, labelLength = 44

    static func build(_ scoring: ScoringResult, _ context: DocumentContext) -> [String: Any] {
        let s = scoring.scoring
        var clusters: [(String?, [ScoreOutcome])] = []
        for r in scoring.results {
            if let last = clusters.last, last.0 == r.group { clusters[clusters.count - 1].1.append(r) } else { clusters.append((r.group, [r])) }
        }
        let best = max(scoring.results.map(\.total).max() ?? 0, 1e-9)
        return [
            "name": s.name,
            // Columns carry a number, the legend above the tables the item's text:
            // long texts as headers would squeeze the units' names.
            "items": s.items.enumerated().map { i, item in
                ["n": "(\(i + 1))", "text": item.text, "id": item.id, "max": context.number(item.max)]
            },
            "hasBonus": s.bonus != nil,
            "hasPenalty": s.hasPenalty,
            "clusters": clusters.map { group, rows -> [String: Any] in
                let name = context.groupName(group)
                return [
                    "name": name.isEmpty ? s.name : name,
                    "rows": rows.map { r -> [String: Any] in
                        ["rank": context.count(r.rank), "name": r.name,
                         "points": r.items.map { ["value": context.number($0.points)] },
                         "bonus": context.number(r.bonus), "penalty": context.number(r.penalty),
                         "total": context.number(r.total), "grade": r.grade ?? ""]
                    },
                    "chart": chart(rows, best: best, context),
                    "chartTitle": context.text(.chartOf, name.isEmpty ? s.name : name),
                ]
            },
        ]
    }

    static func chart(_ rows: [ScoreOutcome], best: Double, _ context: DocumentContext) -> [String: Any] {
        let bars = rows.enumerated().map { i, r -> [String: Any] in
            let y = Double(i) * rowHeight
            let width = max(0, r.total) / best * barWidth
            var label = "\(r.rank). \(r.name)"
            if label.count > labelLength { label = String(label.prefix(labelLength - 1)) + "…" }
            return ["y": svg(y + (rowHeight - barHeight) / 2), "textY": svg(y + rowHeight / 2 + 4),
                    "x": svg(labelWidth), "width": svg(width), "valueX": svg(labelWidth + width + 4),
                    "label": label, "value": context.number(r.total)]
        }
        return ["width": svg(labelWidth + barWidth + 60), "height": svg(Double(rows.count) * rowHeight),
                "labelX": svg(labelWidth - 6), "bars": bars]
    }

    /// SVG coordinates are written with a decimal point whatever the language.
    static func svg(_ d: Double) -> String {
        let rounded = (d * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
