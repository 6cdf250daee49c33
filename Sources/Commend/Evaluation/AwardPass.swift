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
        let sequence = awardSequence(index)
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
                           }) { stack, first, count, row in
            var eligible = true
            // A pass flag and a detail slot per criterion, the row, its outcome
            // and published state (about 160 bytes, measured), and the texts of the details.
            var kept = criteria * 17 + 160
            for c in 0..<criteria {
                let ok = stack.truthy(at: first + 2 * Int32(c))
                passed.append(ok)
                let text = detail(stack, at: first + 2 * Int32(c) + 1)
                kept += ResultBudget.text(text)
                details.append(text)
                if !ok { eligible = false }
            }
            guard meter.add(kept) else {
                throw store.budget.exceeded(declaration: what, subject: view.id(row), at: award.location)
            }
            var order: Double?
            if eligible, functions.order != nil {
                let slot = first + 2 * Int32(criteria)
                if !stack.isNil(slot) {
                    guard let value = stack.number(at: slot), !value.isNaN else {
                        throw LuaConversionError(expected: "order must return a number", found: stack.typeName(at: slot))
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
    /// those to which the declaration applies: `first` is the stack index of
    /// the first part's first result, `count` the number of results after
    /// the gate's. Errors become `RuleError`s naming the declaration, the
    /// part (from `part`) and the subject; a needed dependency becomes
    /// `DependencyNeeded`.
    func forEachSubject(_ view: KindView, rows: ArraySlice<Int>, what: String, sequence: LuaSequence,
                        at location: SourceLocation,
                        part: (LuaSequence.Step) -> (String, SourceLocation),
                        _ read: (_ stack: LuaStack, _ first: Int32, _ count: Int32, _ row: Int) throws -> Void) throws {
        let stack = state.stack
        let base = stack.top
        defer { stack.pop(stack.top - base) }
        let ctx = stack.pushSlot(self.ctx)
        defer { current = nil }
        for row in rows {
            current = (view.kind, row)
            pushSubject(view, row: row)
            let subject = stack.topSlot
            defer { stack.pop() }
            if usesRandom { try seedRandom(what, view.id(row)) }
            let count: Int32
            do {
                count = try sequence.call(subject, ctx)
            } catch let failure as LuaSequence.SequenceError {
                let (name, at) = part(failure.step)
                throw ruleError(failure.error, what: what, part: name, id: view.id(row), at: at)
            }
            defer { stack.pop(count) }
            let top = stack.top
            guard stack.truthy(at: top - count + 1) else { continue }
            do {
                try read(stack, top - count + 2, count - 1, row)
            } catch let error as LuaConversionError {
                let (name, at) = part(.tail(0))
                throw RuleError(kind: .script, location: at, declaration: what, part: name, subject: view.id(row),
                                message: "\(error.expected), got \(error.found)")
            } catch let error as PartConversionError {
                let (name, at) = part(error.step)
                throw RuleError(kind: .script, location: at, declaration: what, part: name, subject: view.id(row),
                                message: "\(error.error.expected), got \(error.error.found)")
            }
        }
    }

    /// A Lua error from a rule function as a `RuleError`, or the dependency it was interrupted for.
    func ruleError(_ error: any Error, what: String, part: String, id: String, at location: SourceLocation) -> any Error {
        guard let error = error as? LuaError else { return error }
        if error.kind == .interrupted, let interrupt = error.underlying as? LuaInterrupt, let key = interrupt.payload as? String {
            state.clearInterrupt()
            return DependencyNeeded(key: key)
        }
        return RuleError(error, declaration: what, part: part, subject: id, fallback: location)
    }

    /// A detail value as text: strings as they are, numbers and booleans printed, nil as nil.
    func detail(_ stack: LuaStack, at index: Int32) -> String? {
        if stack.isNil(index) { return nil }
        if let text = texts.string(at: index, in: stack) { return Diagnostic.clip(text) }
        switch stack.value(at: index) {
        case .integer, .number, .bool, .bytes, .string: return stack.value(at: index).description
        case let other: return "(\(other.typeName))"
        }
    }
}

/// A result of the given part of a sequence could not be read.
struct PartConversionError: Error {
    var step: LuaSequence.Step
    var error: LuaConversionError
}
