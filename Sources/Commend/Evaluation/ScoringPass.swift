import LuaKit

/// One subject's points before ranking.
struct ScoreRow: Sendable {
    var row: Int
    var raw: [Double]
    var details: [String?]
    var bonusRaw: Double?
    var bonusDetail: String?
    var penaltyRaw: Double?
    var penaltyDetail: String?
}

extension Worker {
    func evaluateScoring(_ index: Int, rows: ArraySlice<Int>) throws -> [ScoreRow] {
        let scoring = runtime.scorings[index]
        let functions = runtime.scoringFunctions[index]
        let view = data.view(scoring.subject)
        let what = "scoring \"\(scoring.id)\""
        var out: [ScoreRow] = []
        out.reserveCapacity(rows.count)
        try forEachSubject(view, rows: rows, what: what, applies: functions.applies, at: scoring.location) { subject, ctx, row, id in
            var result = ScoreRow(row: row, raw: [], details: [])
            for (i, item) in scoring.items.enumerated() {
                guard let points = functions.points[i] else { result.raw.append(0); result.details.append(nil); continue }
                let (value, detail) = try invoke(points, subject, ctx, what: what, part: "item \"\(item.id)\"", id: id,
                                                 at: item.location, results: 2) { try Worker.points($0) }
                result.raw.append(value)
                result.details.append(detail)
            }
            if let bonus = functions.bonus {
                (result.bonusRaw, result.bonusDetail) = try invoke(bonus, subject, ctx, what: what, part: "bonus", id: id,
                                                                    at: scoring.location, results: 2) { try Worker.points($0) }
            }
            if let penalty = functions.penalty {
                (result.penaltyRaw, result.penaltyDetail) = try invoke(penalty, subject, ctx, what: what, part: "penalty", id: id,
                                                                        at: scoring.location, results: 2) { try Worker.points($0) }
            }
            out.append(result)
        }
        return out
    }

    /// `points, detail` as returned by a points function; nil points count as 0.
    static func points(_ stack: LuaStack) throws -> (Double, String?) {
        let detail = Worker.detail(stack, at: -1)
        if stack.isNil(-2) { return (0, detail) }
        guard let value = stack.number(at: -2) else {
            throw LuaConversionError(expected: "points must be a number", found: stack.typeName(at: -2))
        }
        guard value.isFinite else {
            throw LuaConversionError(expected: "points must be a finite number", found: LuaValue.format(value))
        }
        return (value, detail)
    }
}
