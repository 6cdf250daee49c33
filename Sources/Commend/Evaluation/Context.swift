import LuaKit

/// The `ctx` table given to every rule function (RULES.md §2.4).
extension Worker {
    func makeContext() -> LuaValue {
        let state = self.state
        let ctx = state.newTable(fieldCapacity: 16)
        let plan = state.newTable(fieldCapacity: 3)
        plan["id"] = .string(data.plan.id)
        plan["name"] = .string(data.plan.name)
        plan["year"] = .integer(data.plan.year)
        ctx["plan"] = .table(plan.readOnly(name: "ctx.plan"))
        ctx["phase"] = .table(phaseTable(data.phase).readOnly(name: "ctx.phase"))

        func define(_ name: String, _ body: @escaping LuaClosure) {
            ctx[name] = .function(state.function("ctx." + name, body))
        }
        define("unit") { [unowned self] call in
            let id = try call.argument(1, as: String.self)
            if let row = self.data.units.row(of: id) { self.pushSubject(self.data.units, row: row); call.pushed(1) }
            else { call.push(LuaValue.nil) }
        }
        define("member") { [unowned self] call in
            let id = try call.argument(1, as: String.self)
            if let row = self.data.members.row(of: id) { self.pushSubject(self.data.members, row: row); call.pushed(1) }
            else { call.push(LuaValue.nil) }
        }
        define("members_of") { [unowned self] call in
            let id = try call.argument(1, as: String.self)
            self.pushGroup(&self.lastMembersOf, unit: self.data.units.row(of: id), view: self.data.members) { self.data.membersOfUnit[$0] }
            call.pushed(1)
        }
        define("children") { [unowned self] call in
            let id = try call.argument(1, as: String.self)
            self.pushGroup(&self.lastChildren, unit: self.data.units.row(of: id), view: self.data.units) { self.data.childrenOfUnit[$0] }
            call.pushed(1)
        }
        // Answered in C from the published results; Swift only for what C
        // cannot answer (see ContextLookups.swift).
        let lookups = ContextLookups(
            awarded: lookup("awarded", of: .award, missingIsFalse: true) { [unowned self] call in
                call.push((try self.awardState(call) { state, row in state.awarded[row] }) ?? false)
            },
            eligible: lookup("eligible", of: .award, missingIsFalse: true) { [unowned self] call in
                call.push((try self.awardState(call) { state, row in state.eligible[row] ?? false }) ?? false)
            },
            total: lookup("total", of: .scoring, missingIsFalse: false) { [unowned self] call in
                call.push(try self.scoringState(call) { $0.total[$1] })
            },
            rank: lookup("rank", of: .scoring, missingIsFalse: false) { [unowned self] call in
                call.push(try self.scoringState(call) { $0.rank[$1] })
            },
            grade: lookup("grade", of: .scoring, missingIsFalse: false) { [unowned self] call in
                call.push(try self.scoringState(call) { $0.grade[$1] })
            })
        for (name, lookup) in lookups.named { ctx[name] = .function(lookup.function) }
        self.lookups = lookups
        define("history") { [unowned self] call in
            call.push(try self.historyYears(call))
        }
        define("streak") { [unowned self] call in
            var streak = 0
            for year in try self.historyYears(call).reversed() {
                if year == self.data.plan.year - 1 - streak { streak += 1 } else { break }
            }
            call.push(streak)
        }
        define("facts") { [unowned self] call in
            let id = try call.argument(1, as: String.self)
            let phase = try call.argument(2, as: String.self)
            guard let views = self.data.views(phase: phase) else {
                throw RuleError(kind: .reference, location: nil,
                                message: "ctx.facts: \"\(Bounds.shown(phase))\" is not a phase of the plan\(Suggestion.hint(for: phase, in: self.data.plan.phases.map(\.id)))")
            }
            if let row = views.members.row(of: id) { self.pushSubject(views.members, row: row); call.pushed(1) }
            else if let row = views.units.row(of: id) { self.pushSubject(views.units, row: row); call.pushed(1) }
            else { call.push(LuaValue.nil) }
        }
        return .table(ctx.readOnly(name: "ctx"))
    }

    private func phaseTable(_ phase: Phase) -> LuaTable {
        let table = state.newTable(fieldCapacity: 4)
        table["id"] = .string(phase.id)
        table["name"] = .string(phase.name)
        table["from"] = .string(phase.from)
        table["to"] = .string(phase.to)
        return table
    }

    /// Pushes a fresh array of the subjects of `unit`. Rules often ask for the
    /// same unit's members in several criteria in a row: the subjects of the
    /// last unit asked are kept (they never change during a run) and only the
    /// array is new, so scripts may still sort or change it.
    private func pushGroup(_ cache: inout (unit: Int, list: LuaTable)?, unit: Int?, view: KindView, rows: (Int) -> [Int]) {
        guard let unit else {
            state.stack.pushArray(count: 0) { _ in }
            return
        }
        if let cached = cache, cached.unit == unit {
            state.stack.pushArrayCopy(of: cached.list)
            return
        }
        let subjects = rows(unit)
        state.stack.pushArray(count: subjects.count) { i in pushSubject(view, row: subjects[i]) }
        let list = state.stack.popTable()!
        cache = (unit, list)
        state.stack.pushArrayCopy(of: list)
    }

    /// The published state of the award named by argument 1 and the row of
    /// the subject named by argument 2 (both read in place); nil when the
    /// award does not apply in this phase or the subject is unknown.
    private func awardState<T>(_ call: LuaCall, _ read: (ResultStore.AwardState, Int) -> T) throws -> T? {
        guard let (state, row) = try lookUp(call, .award), case .award(let award) = state else { return nil }
        return read(award, row)
    }

    /// The same for scorings.
    private func scoringState<T>(_ call: LuaCall, _ read: (ResultStore.ScoringState, Int) -> T?) throws -> T? {
        guard let (state, row) = try lookUp(call, .scoring), case .scoring(let scoring) = state else { return nil }
        return read(scoring, row)
    }

    /// Finds the declaration of `kind` named by argument 1, its published
    /// state (kept in `states` once found; a state not yet published
    /// interrupts the pass for it) and the row of the subject named by
    /// argument 2.
    private func lookUp(_ call: LuaCall, _ kind: DeclarationID.Kind) throws -> (state: ResultStore.State, row: Int)? {
        try call.withStringArgument(2) { _ in }
        guard let id = try call.withStringArgument(1, { find($0, kind) }) else {
            let name = try call.argument(1, as: String.self)
            let names = (kind == .award ? runtime.awards.map(\.id) : runtime.scorings.map(\.id))
            throw RuleError(kind: .reference, location: nil,
                            message: "unknown \(kind.rawValue) \"\(Bounds.shown(name))\"\(Suggestion.hint(for: name, in: names))")
        }
        reads.note(id)
        guard store.applies(id) else { return nil }
        let state: ResultStore.State
        if let known = states[id] {
            state = known
        } else {
            guard let found = store.state(id) else {
                throw LuaInterrupt("\(kind.rawValue) \"\(runtime.declaration(id).id)\" is needed first", payload: id)
            }
            states[id] = found
            state = found
        }
        let view = data.view(subjects[id])
        guard let row = try call.withStringArgument(2, { subjectRow($0, in: view) }) else { return nil }
        return (state, row)
    }

    /// The years of ctx.history(id, award) and ctx.streak(id, award).
    private func historyYears(_ call: LuaCall) throws -> [Int] {
        try call.withStringArgument(1) { _ in }
        guard let award = try call.withStringArgument(2, { data.history.award($0) }) else {
            // No history of this award: fine for an award of the plan, a typo otherwise.
            guard try call.withStringArgument(2, { find($0, .award) }) == nil else { return [] }
            let id = try call.argument(2, as: String.self)
            let names = runtime.awards.map(\.id) + data.history.awardNames
            // Only later years of it (the plan's own year, say): no earlier years.
            if data.history.awardNames.contains(id) { return [] }
            throw RuleError(kind: .reference, location: nil,
                            message: "unknown award \"\(id)\": neither an award of the plan nor one of the history\(Suggestion.hint(for: id, in: names))")
        }
        return try call.withStringArgument(1) { bytes in
            if let row = subjectRow(bytes, in: data.members) { return data.history.years(member: row, award: award) }
            if let row = subjectRow(bytes, in: data.units) { return data.history.years(unit: row, award: award) }
            return data.history.years(other: bytes.string, award: award)
        }
    }

    /// The row of the subject whose id has these bytes in `view`: most
    /// questions are about the subject being evaluated, answered without a
    /// lookup.
    func subjectRow(_ id: LuaBorrowedString, in view: KindView) -> Int? {
        if let current, current.kind == view.kind, id.equals(view.id(current.row)) { return current.row }
        return view.row(of: id)
    }

    /// The first declaration of `kind` whose id has these bytes.
    func find(_ name: LuaBorrowedString, _ kind: DeclarationID.Kind) -> DeclarationID? {
        idBytes.values(kind).firstOffset(of: name).map { DeclarationID(kind, $0) }
    }
}
