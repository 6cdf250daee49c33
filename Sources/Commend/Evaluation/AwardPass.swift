import LuaKit

/// One subject's outcome of an award before quotas.
struct AwardRow: Sendable {
    var row: Int
    var passed: [Bool]
    var details: [String?]
    var eligible: Bool
    var order: Double?
}

extension Worker {
    /// Evaluates `applies`, every criterion and, for eligible subjects, the
    /// quota's `order`, for the given subject rows.
    func evaluateAward(_ index: Int, rows: ArraySlice<Int>) throws -> [AwardRow] {
        let award = runtime.awards[index]
        let functions = runtime.awardFunctions[index]
        let view = data.view(award.subject)
        let what = "award \"\(award.id)\""
        var out: [AwardRow] = []
        out.reserveCapacity(rows.count)
        try forEachSubject(view, rows: rows, what: what, applies: functions.applies, at: award.location) { subject, ctx, row, id in
            var passed: [Bool] = []
            var details: [String?] = []
            passed.reserveCapacity(award.criteria.count)
            details.reserveCapacity(award.criteria.count)
            for (c, criterion) in award.criteria.enumerated() {
                guard let check = functions.checks[c] else { passed.append(false); details.append(nil); continue }
                let (ok, detail) = try invoke(check, subject, ctx, what: what, part: "criterion \"\(criterion.id)\"", id: id,
                                              at: criterion.location, results: 2) { stack in
                    (stack.truthy(at: -2), Worker.detail(stack, at: -1))
                }
                passed.append(ok)
                details.append(detail)
            }
            let eligible = !passed.contains(false)
            var order: Double?
            if eligible, let orderFunction = functions.order {
                order = try invoke(orderFunction, subject, ctx, what: what, part: "quota order", id: id, at: award.quota?.location ?? award.location) { stack in
                    if stack.isNil(-1) { return nil }
                    guard let value = stack.number(at: -1), !value.isNaN else {
                        throw LuaConversionError(expected: "order must return a number", found: stack.typeName(at: -1))
                    }
                    return value
                }
            }
            out.append(AwardRow(row: row, passed: passed, details: details, eligible: eligible, order: order))
        }
        return out
    }

    /// Runs `body` for each subject of `rows` to which the declaration applies,
    /// with the subject and `ctx` on the stack, `math.random` seeded for it.
    func forEachSubject(_ view: KindView, rows: ArraySlice<Int>, what: String, applies: LuaFunction?,
                        at location: SourceLocation,
                        _ body: (_ subject: LuaSlot, _ ctx: LuaSlot, _ row: Int, _ id: String) throws -> Void) throws {
        let stack = state.stack
        let base = stack.top
        defer { stack.pop(stack.top - base) }
        let ctx = stack.pushSlot(self.ctx)
        for row in rows {
            pushSubject(view, row: row)
            let subject = stack.topSlot
            defer { stack.pop() }
            let id = view.id(row)
            try seedRandom(what, id)
            if let applies {
                let ok = try invoke(applies, subject, ctx, what: what, part: "applies", id: id, at: location) { $0.truthy(at: -1) }
                if !ok { continue }
            }
            try body(subject, ctx, row, id)
        }
    }

    /// Calls a rule function with (subject, ctx) and reads its results; errors
    /// become `RuleError`s naming the declaration, part and subject, and a
    /// needed dependency becomes `DependencyNeeded`.
    func invoke<R>(_ function: LuaFunction, _ subject: LuaSlot, _ ctx: LuaSlot, what: String, part: @autoclosure () -> String, id: String,
                   at location: SourceLocation, results: Int32 = 1, read: (LuaStack) throws -> R) throws -> R {
        do {
            try function.call(subject, ctx, leavingResults: results)
            let stack = state.stack
            defer { stack.pop(results) }
            return try read(stack)
        } catch let error as LuaError {
            if error.kind == .interrupted, let interrupt = error.underlying as? LuaInterrupt, let key = interrupt.payload as? String {
                state.clearInterrupt()
                throw DependencyNeeded(key: key)
            }
            throw RuleError(error, declaration: what, part: part(), subject: id, fallback: location)
        } catch let error as LuaConversionError {
            throw RuleError(kind: .script, location: location, declaration: what, part: part(), subject: id,
                            message: "\(error.expected), got \(error.found)")
        }
    }

    /// A detail value as text: strings as they are, numbers and booleans printed, nil as nil.
    static func detail(_ stack: LuaStack, at index: Int32) -> String? {
        if stack.isNil(index) { return nil }
        if let text = stack.stringOnly(at: index) { return Diagnostic.clip(text) }
        switch stack.value(at: index) {
        case .integer, .number, .bool, .bytes, .string: return stack.value(at: index).description
        case let other: return "(\(other.typeName))"
        }
    }
}
