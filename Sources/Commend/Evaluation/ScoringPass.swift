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

/// A scoring's points for a chunk of subjects: `applies`, every item, the
/// bonus and the penalty.
final class ScoringChunk: DeclarationChunk {
    let id: DeclarationID
    let what: String
    let sequence: LuaSequence
    var diagnostics = PrintedMessages()
    private let scoring: Scoring
    private let hasBonus: Bool
    private let hasPenalty: Bool
    private var out: [ScoreRow] = []
    private var charge: ChunkCharge

    init(worker: Worker, index: Int, rows: Int) {
        id = .scoring(index)
        scoring = worker.runtime.scorings[index]
        let functions = worker.runtime.scoringFunctions[index]
        hasBonus = functions.bonus != nil
        hasPenalty = functions.penalty != nil
        sequence = worker.sequence(.scoring(index))
        what = "scoring \"\(scoring.id)\""
        charge = ChunkCharge(what: what, location: scoring.location, view: worker.data.view(scoring.subject), budget: worker.store.budget)
        out.reserveCapacity(rows)
    }

    func part(_ step: LuaSequence.Step) -> (String, SourceLocation) {
        switch step {
        case .gate: ("applies", scoring.location)
        case .part(let i): ("item \"\(scoring.items[i].id)\"", scoring.items[i].location)
        case .tail(let t): (t == 0 ? "bonus" : "penalty", scoring.location)
        }
    }

    func read(_ results: LuaSequenceResults, row: Int, worker: Worker) throws {
        func points(_ step: LuaSequence.Step) throws -> (Double, String?) {
            do { return try worker.points(results.result(step), detail: results.result(step, .detail)) } catch let error as LuaConversionError {
                throw PartConversionError(step: step, error: error)
            }
        }
        let items = scoring.items.count
        var result = ScoreRow(row: row, raw: [], details: [])
        result.raw.reserveCapacity(items)
        result.details.reserveCapacity(items)
        for i in 0..<items {
            let (value, detail) = try points(.part(i))
            result.raw.append(value)
            result.details.append(detail)
        }
        if hasBonus {
            (result.bonusRaw, result.bonusDetail) = try points(.tail(0))
        }
        if hasPenalty {
            (result.penaltyRaw, result.penaltyDetail) = try points(.tail(1))
        }
        // Raw and clamped points and a detail slot per item, the row and its outcome, and the texts.
        var kept = items * 40 + 320 + ResultBudget.text(result.bonusDetail) + ResultBudget.text(result.penaltyDetail)
        for detail in result.details { kept += ResultBudget.text(detail) }
        try charge.add(kept, row: row)
        out.append(result)
    }

    func finish() throws -> ChunkOutput {
        try charge.settle()
        return .scoring(out)
    }
}

extension Worker {
    /// `points, detail` as returned by a points function; nil points count as 0.
    func points(_ points: LuaResult, detail: LuaResult) throws -> (Double, String?) {
        let detail = self.detail(detail)
        if points.isNil { return (0, detail) }
        guard let value = points.number else {
            throw LuaConversionError(expected: "points must be a number", found: points.typeName)
        }
        guard value.isFinite else {
            throw LuaConversionError(expected: "points must be a finite number", found: LuaValue.format(value))
        }
        return (value, detail)
    }
}
