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
        let sequence = scoringSequence(index)
        let view = data.view(scoring.subject)
        let what = "scoring \"\(scoring.id)\""
        let items = scoring.items.count
        var out: [ScoreRow] = []
        out.reserveCapacity(rows.count)
        var meter = BudgetMeter(store.budget)
        try forEachSubject(view, rows: rows, what: what, sequence: sequence, at: scoring.location,
                           part: { step in
                               switch step {
                               case .gate: ("applies", scoring.location)
                               case .part(let i): ("item \"\(scoring.items[i].id)\"", scoring.items[i].location)
                               case .tail(let t): (t == 0 ? "bonus" : "penalty", scoring.location)
                               }
                           }) { stack, first, _, row in
            func points(_ step: LuaSequence.Step, at slot: Int32) throws -> (Double, String?) {
                do { return try self.points(stack, at: slot) } catch let error as LuaConversionError {
                    throw PartConversionError(step: step, error: error)
                }
            }
            var result = ScoreRow(row: row, raw: [], details: [])
            result.raw.reserveCapacity(items)
            result.details.reserveCapacity(items)
            for i in 0..<items {
                let (value, detail) = try points(.part(i), at: first + 2 * Int32(i))
                result.raw.append(value)
                result.details.append(detail)
            }
            let tails = first + 2 * Int32(items)
            if functions.bonus != nil {
                (result.bonusRaw, result.bonusDetail) = try points(.tail(0), at: tails)
            }
            if functions.penalty != nil {
                (result.penaltyRaw, result.penaltyDetail) = try points(.tail(1), at: tails + 2)
            }
            // Raw and clamped points and a detail slot per item, the row and its outcome, and the texts.
            var kept = items * 40 + 320 + ResultBudget.text(result.bonusDetail) + ResultBudget.text(result.penaltyDetail)
            for detail in result.details { kept += ResultBudget.text(detail) }
            guard meter.add(kept) else {
                throw store.budget.exceeded(declaration: what, subject: view.id(row), at: scoring.location)
            }
            out.append(result)
        }
        guard meter.settle() else {
            throw store.budget.exceeded(declaration: what, subject: nil, at: scoring.location)
        }
        return out
    }

    /// `points, detail` as returned by a points function; nil points count as 0.
    func points(_ stack: LuaStack, at slot: Int32) throws -> (Double, String?) {
        let detail = self.detail(stack, at: slot + 1)
        if stack.isNil(slot) { return (0, detail) }
        guard let value = stack.number(at: slot) else {
            throw LuaConversionError(expected: "points must be a number", found: stack.typeName(at: slot))
        }
        guard value.isFinite else {
            throw LuaConversionError(expected: "points must be a finite number", found: LuaValue.format(value))
        }
        return (value, detail)
    }
}
