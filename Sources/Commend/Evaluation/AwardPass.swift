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

extension Worker {
    /// Evaluates `applies`, every criterion and, for eligible subjects, the
    /// quota's `order`, for the given subject rows.
    func evaluateAward(_ index: Int, rows: ArraySlice<Int>) throws -> [AwardRow] {
        let award = runtime.awards[index]
        let functions = runtime.awardFunctions[index]
        let sequence = sequence(.award(index))
        let view = data.view(award.subject)
        let what = "award \"\(award.id)\""
        let criteria = award.criteria.count
        // Every subject's results go into two flat arrays: no arrays per subject.
        var passed: [Bool] = []
        var details: [String?] = []
        passed.reserveCapacity(rows.count * criteria)
        details.reserveCapacity(rows.count * criteria)
        var evaluated: [(row: Int, eligible: Bool, order: Double?)] = []
        evaluated.reserveCapacity(rows.count)
        var meter = BudgetMeter(store.budget)
        try forEachSubject(view, rows: rows, what: what, sequence: sequence, at: award.location,
                           part: { step in
                               switch step {
                               case .gate: ("applies", award.location)
                               case .part(let c): ("criterion \"\(award.criteria[c].id)\"", award.criteria[c].location)
                               case .tail: ("quota order", award.quota?.location ?? award.location)
                               }
                           }) { results, row in
            var eligible = true
            // A pass flag and a detail slot per criterion, the row, its outcome
            // and published state (about 160 bytes, measured), and the texts of the details.
            var kept = criteria * 17 + 160
            for c in 0..<criteria {
                let ok = results.result(.part(c)).isTruthy
                passed.append(ok)
                let text = detail(results.result(.part(c), .detail))
                kept += ResultBudget.text(text)
                details.append(text)
                if !ok { eligible = false }
            }
            guard meter.add(kept) else {
                throw store.budget.exceeded(declaration: what, subject: view.id(row), at: award.location)
            }
            var order: Double?
            if eligible, functions.order != nil {
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
        guard meter.settle() else {
            throw store.budget.exceeded(declaration: what, subject: nil, at: award.location)
        }
        let block = CriterionResults(criteria: criteria, passed: passed, details: details)
        return evaluated.enumerated().map { i, e in
            AwardRow(row: e.row, block: block, index: Int32(i), eligible: e.eligible, order: e.order)
        }
    }

    /// Runs `sequence` for each subject of `rows` with (subject, ctx),
    /// `math.random` seeded for it, and calls `read` with the results of
    /// those to which the declaration applies. Errors become `RuleError`s
    /// naming the declaration, the part (from `part`) and the subject; a
    /// needed dependency becomes `DependencyNeeded`.
    func forEachSubject(_ view: KindView, rows: ArraySlice<Int>, what: String, sequence: LuaSequence,
                        at location: SourceLocation,
                        part: (LuaSequence.Step) -> (String, SourceLocation),
                        _ read: (_ results: LuaSequenceResults, _ row: Int) throws -> Void) throws {
        let stack = state.stack
        try stack.preserving {
            let ctx = stack.pushSlot(self.ctx)
            seeding = (what, view)
            let index = view.rowIndex
            defer { current = nil; seeding = nil; lookupHint.point(at: nil, row: -1) }
            for row in rows {
                current = (view.kind, row)
                lookupHint.point(at: index, row: row)
                try stack.preserving {
                    pushSubject(view, row: row)
                    runtime.sandbox.seedAtNextDraw()
                    try evaluate(sequence, subject: stack.topSlot, ctx: ctx, id: view.id(row), what: what, part: part) { results in
                        try read(results, row)
                    }
                }
            }
        }
    }

    /// Calls `sequence` with one subject and `read` with its results when
    /// the declaration applies; errors named as `forEachSubject` says.
    private func evaluate(_ sequence: LuaSequence, subject: LuaSlot, ctx: LuaSlot, id: @autoclosure () -> String, what: String,
                          part: (LuaSequence.Step) -> (String, SourceLocation),
                          _ read: (LuaSequenceResults) throws -> Void) throws {
        do {
            try sequence.call(subject, ctx) { results in
                guard results.gatePassed else { return }
                try read(results)
            }
        } catch let failure as LuaSequence.SequenceError {
            let (name, at) = part(failure.step)
            throw ruleError(failure.error, what: what, part: name, id: id(), at: at)
        } catch let error as LuaConversionError {
            let (name, at) = part(.tail(0))
            throw RuleError(kind: .script, location: at, declaration: what, part: name, subject: id(),
                            message: "\(error.expected), got \(error.found)")
        } catch let error as PartConversionError {
            let (name, at) = part(error.step)
            throw RuleError(kind: .script, location: at, declaration: what, part: name, subject: id(),
                            message: "\(error.error.expected), got \(error.error.found)")
        }
    }

    /// A Lua error from a rule function as a `RuleError`, or the dependency it was interrupted for.
    func ruleError(_ error: any Error, what: String, part: String, id: String, at location: SourceLocation) -> any Error {
        guard let error = error as? LuaError else { return error }
        if error.kind == .interrupted, let interrupt = error.underlying as? LuaInterrupt, let id = interrupt.payload as? DeclarationID {
            state.clearInterrupt()
            return DependencyNeeded(id: id)
        }
        return RuleError(error, declaration: what, part: part, subject: id, fallback: location)
    }

    /// A detail value as text: strings as they are, numbers and booleans printed, nil as nil.
    func detail(_ result: LuaResult) -> String? {
        if result.isNil { return nil }
        if let text = result.string(cache: &texts) { return Diagnostic.clip(text) }
        switch result.value {
        case .integer, .number, .bool, .bytes, .string: return result.value.description
        case let other: return "(\(other.typeName))"
        }
    }
}

/// A result of the given part of a sequence could not be read.
struct PartConversionError: Error {
    var step: LuaSequence.Step
    var error: LuaConversionError
}
