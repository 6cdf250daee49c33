import LuaKit

/// One subject's outcome of an award before quotas; its criteria's results
/// are at `index` in `block`.
struct AwardRow: Sendable {
    var row: Int
    var block: CriterionResults
    var index: Int32
    var eligible: Bool
    var order: Double?
}

/// Pass or fail and the detail of every criterion, for consecutive
/// subjects: one object and two flat arrays for a whole chunk of subjects
/// instead of two arrays per subject, because a national run keeps millions
/// of outcomes until they are written.
final class CriterionResults: Sendable {
    let criteria: Int
    let passed: [Bool]
    let details: [String?]

    init(criteria: Int, passed: [Bool], details: [String?]) {
        self.criteria = criteria
        self.passed = passed
        self.details = details
    }

    func passed(_ index: Int32, _ c: Int) -> Bool { passed[Int(index) * criteria + c] }
    func detail(_ index: Int32, _ c: Int) -> String? { details[Int(index) * criteria + c] }
}

/// An award's criteria results for a chunk of subjects: `applies`, every
/// criterion and, for eligible subjects, the quota's `order`.
final class AwardChunk: DeclarationChunk {
    let id: DeclarationID
    let what: String
    let sequence: LuaSequence
    var diagnostics = PrintedMessages()
    private let award: Award
    private let hasOrder: Bool
    private let criteria: Int
    // Every subject's results go into two flat arrays: no arrays per subject.
    private var passed: [Bool] = []
    private var details: [String?] = []
    private var evaluated: [(row: Int, eligible: Bool, order: Double?)] = []
    private var charge: ChunkCharge

    init(worker: Worker, index: Int, rows: Int) {
        id = .award(index)
        award = worker.runtime.awards[index]
        hasOrder = worker.runtime.awardFunctions[index].order != nil
        sequence = worker.sequence(.award(index))
        what = "award \"\(award.id)\""
        criteria = award.criteria.count
        charge = ChunkCharge(what: what, location: award.location, view: worker.data.view(award.subject), budget: worker.store.budget)
        passed.reserveCapacity(rows * criteria)
        details.reserveCapacity(rows * criteria)
        evaluated.reserveCapacity(rows)
    }

    func part(_ step: LuaSequence.Step) -> (String, SourceLocation) {
        switch step {
        case .gate: ("applies", award.location)
        case .part(let c): ("criterion \"\(award.criteria[c].id)\"", award.criteria[c].location)
        case .tail: ("quota order", award.quota?.location ?? award.location)
        }
    }

    func read(_ results: LuaSequenceResults, row: Int, worker: Worker) throws {
        var eligible = true
        // A pass flag and a detail slot per criterion, the row, its outcome
        // and published state (about 160 bytes, measured), and the texts of the details.
        var kept = criteria * 17 + 160
        for c in 0..<criteria {
            let ok = results.result(.part(c)).isTruthy
            passed.append(ok)
            let text = worker.detail(results.result(.part(c), .detail))
            kept += ResultBudget.text(text)
            details.append(text)
            if !ok { eligible = false }
        }
        try charge.add(kept, row: row)
        var order: Double?
        if eligible, hasOrder {
            let result = results.result(.tail(0))
            if !result.isNil {
                guard let value = result.number, !value.isNaN else {
                    throw LuaConversionError(expected: "order must return a number", found: result.typeName)
                }
                order = value
            }
        }
        evaluated.append((row, eligible, order))
    }

    func finish() throws -> ChunkOutput {
        try charge.settle()
        let block = CriterionResults(criteria: criteria, passed: passed, details: details)
        return .award(evaluated.enumerated().map { i, e in
            AwardRow(row: e.row, block: block, index: Int32(i), eligible: e.eligible, order: e.order)
        })
    }
}
