import Foundation
import LuaKit

/// The rules loaded into one Lua state: declarations, their functions, and
/// every problem met while loading. One per worker thread.
// @unchecked Sendable: a runtime is made on one thread and handed to the
// worker that owns it; from then on only that worker's thread uses it (one
// part at a time, see `Parallel.map`).
final class RuleRuntime: DeclarationCatalog, @unchecked Sendable {
    let state: LuaState
    let sandbox: LuaSandbox
    let files: RuleFiles
    var plan: Plan?
    var awards: [Award] = []
    var awardFunctions: [AwardFunctions] = []
    var scorings: [Scoring] = []
    var scoringFunctions: [ScoringFunctions] = []
    var problems: [RuleProblem] = []
    var diagnostics: [Diagnostic] = []
    /// Printed messages beyond `Diagnostic.cap`, counted but not kept: a
    /// script that prints in a loop must not fill the host's memory.
    var droppedDiagnostics = 0
    /// Set once the rule files are loaded: from then on `plan`, `award` and
    /// `scoring` are errors (a rule function that declares is a mistake, and
    /// declarations made while evaluating would be kept by no one).
    private(set) var declarationsClosed = false
    /// Instructions and bytes the loading took: what every run on this
    /// state is charged for it, however many runs used it before.
    private(set) var loadInstructions = 0
    private(set) var loadMemory = 0

    init(files: RuleFiles, limits: LuaLimits) throws {
        self.files = files
        state = try LuaState(limits: limits)
        sandbox = try LuaSandbox(state: state, policy: .rules, moduleRoot: files.directory, chunkPrefix: files.displayPrefix)
        sandbox.moduleSources = Dictionary(files.all.map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })
        sandbox.refusesSharedState = true
        sandbox.onPrint = { [unowned self] message, chunk, line in
            guard self.diagnostics.count < Diagnostic.cap else {
                self.droppedDiagnostics += 1
                return
            }
            self.diagnostics.append(Diagnostic(level: "info", message: Diagnostic.clip(message), file: chunk, line: line))
        }
        defineDeclarationFunctions()
        let declarationFiles = files.declarationFiles
        for (i, file) in declarationFiles.enumerated() {
            load(file)
            if state.isTripped {
                // The state is spent; the other files still get their syntax checked.
                syntaxCheck(declarationFiles[(i + 1)...], limits: limits)
                break
            }
        }
        if !state.isTripped {
            // Loading is done: from now on globals and modules are read-only (RULES.md §2.5).
            do {
                try sandbox.freeze()
                try sandbox.freezeLocals(of: ruleFunctions)
            } catch { problems.append(RuleProblem(at: nil, "\(error)")) }
        }
        declarationsClosed = true
        validate()
        checkSharedState()
        loadInstructions = state.instructionsExecuted
        loadMemory = state.memoryInUse
    }

    /// Rule functions that assign to a variable from outside themselves (a
    /// local of the function that made them: `check = counter()`) keep state
    /// between calls. Assignments to file-level locals were reported when
    /// their file loaded; these are the others.
    private func checkSharedState() {
        var reported = Set(problems.map { "\($0.location?.description ?? ""): \($0.message)" })
        for function in ruleFunctions {
            guard let chunk = function.definition?.chunk, let writes = function.sharedStateWrites(calledOften: true) else { continue }
            for write in writes {
                let message = SharedStateError.message(write, reason: sandbox.policy.wording.sharedState)
                let problem = RuleProblem(at: SourceLocation(file: chunk, line: write.line), message)
                if reported.insert("\(problem.location?.description ?? ""): \(problem.message)").inserted { problems.append(problem) }
            }
        }
    }

    /// Every function of the awards and scorings that the engine calls.
    private var ruleFunctions: [LuaFunction] {
        (awardFunctions.flatMap { [$0.applies, $0.order] + $0.checks }
            + scoringFunctions.flatMap { [$0.applies, $0.bonus, $0.penalty] + $0.points }).compactMap { $0 }
    }

    /// Refuses a declaration made after the rule files were loaded.
    private func checkDeclaring(_ what: String) throws {
        if declarationsClosed {
            throw SandboxError("\(what) called while evaluating: plan, award and scoring may only be called at the top level of a rule file, while the rules load")
        }
    }

    private func load(_ file: RuleFiles.File) {
        let name = files.displayPath(file.path)
        do {
            let chunk = try sandbox.load(file.contents, chunkName: name)
            try chunk.call()
        } catch let error as SharedStateError {
            for write in error.writes {
                problems.append(RuleProblem(at: SourceLocation(file: error.chunk, line: write.line),
                                            SharedStateError.message(write, reason: error.reason)))
            }
        } catch let error as LuaError {
            let location = error.line.map { SourceLocation(file: error.chunk ?? name, line: $0) }
            let message = error.line == nil && error.chunk == nil ? "\(name): \(error.message)" : error.message
            problems.append(RuleProblem(at: location, message))
        } catch {
            problems.append(RuleProblem(at: SourceLocation(file: name, line: 1), "\(error)"))
        }
    }

    /// Compiles `rest` without running it, to report its syntax errors.
    private func syntaxCheck(_ rest: ArraySlice<RuleFiles.File>, limits: LuaLimits) {
        guard !rest.isEmpty, let fresh = try? LuaState(limits: limits) else { return }
        for file in rest {
            let name = files.displayPath(file.path)
            do {
                _ = try fresh.load(file.contents, chunkName: name, environment: fresh.newTable())
            } catch let error as LuaError {
                problems.append(RuleProblem(at: error.line.map { SourceLocation(file: error.chunk ?? name, line: $0) }, error.message))
            } catch {
                problems.append(RuleProblem(at: SourceLocation(file: name, line: 1), "\(error)"))
            }
        }
    }

    private func location(_ call: LuaCall) -> SourceLocation {
        let position = call.position(level: 1)
        return SourceLocation(file: position?.chunk ?? "?", line: position?.line ?? 0)
    }

    private func defineDeclarationFunctions() {
        // [unowned self]: the state keeps its functions, and this object keeps the
        // state; a strong capture would keep both alive after the run (a server
        // evaluating many times would grow by a Lua state per request).
        sandbox.define("enum", .function(state.function("enum") { [unowned self] call in
            let values = try call.argument(1, as: LuaTable.self)
            let wrapper = self.state.newTable()
            wrapper["enum"] = .table(values)
            call.push(wrapper)
        }))
        sandbox.define("plan", .function(state.function("plan") { [unowned self] call in
            try self.checkDeclaring("plan { ... }")
            guard case .table(let table) = call.value(1) else {
                throw SandboxError("plan expects a table: plan { id = ..., year = ..., phases = {...} }")
            }
            self.readPlan(table, at: self.location(call))
        }))
        for kind in ["award", "scoring"] {
            sandbox.define(kind, .function(state.function(kind) { [unowned self] call in
                try self.checkDeclaring("\(kind) \"...\" { ... }")
                guard case .string(let id) = call.value(1), !id.isEmpty else {
                    throw SandboxError("\(kind) needs an id first: \(kind) \"id\" { ... }")
                }
                if let message = Bounds.idProblem(id, what: "\(kind) id") { throw SandboxError(message) }
                guard self.awards.count + self.scorings.count < Bounds.declarations else {
                    throw SandboxError("too many awards and scorings: at most \(Bounds.declarations) are allowed in a rules directory")
                }
                let at = self.location(call)
                call.push(self.state.function(kind) { [unowned self] inner in
                    try self.checkDeclaring("\(kind) \"\(id)\" { ... }")
                    guard case .table(let table) = inner.value(1) else {
                        throw SandboxError("\(kind) \"\(id)\" expects a table: \(kind) \"\(id)\" { ... }")
                    }
                    if kind == "award" { self.readAward(id: id, table, at: at) }
                    else { self.readScoring(id: id, table, at: at) }
                })
            }))
        }
    }

    /// Checks that need every declaration: one plan, known phases, movements,
    /// bases and fields, unique ids.
    private func validate() {
        guard let plan else {
            // After a limit stopped the loading, the plan may sit in a file not run: no false "no plan".
            if !state.isTripped && !problems.contains(where: { $0.message.contains("plan") }) {
                let where_ = files.declarationFiles.first.map { SourceLocation(file: files.displayPath($0.path), line: 1) }
                problems.append(RuleProblem(at: where_, "no plan: exactly one plan { ... } is needed in the rules directory"))
            }
            return
        }
        let phaseIDs = plan.phases.map(\.id)
        let movementIDs = plan.movements.map(\.id)
        var seen: [String: SourceLocation] = [:]
        func checkCommon(kind: String, id: String, phases: [String]?, movement: String?, at location: SourceLocation) {
            if let first = seen[kind + id] {
                problems.append(RuleProblem(at: location, "duplicate \(kind) id \"\(id)\" (first declared at \(first))"))
            } else {
                seen[kind + id] = location
            }
            for phase in phases ?? [] where !phaseIDs.contains(phase) {
                problems.append(RuleProblem(at: location, "\(kind) \"\(id)\": phase \"\(phase)\" is not a phase of the plan\(Suggestion.hint(for: phase, in: phaseIDs)) (phases: \(phaseIDs.joined(separator: ", ")))"))
            }
            if let movement, !movementIDs.contains(movement) {
                problems.append(RuleProblem(at: location, "\(kind) \"\(id)\": movement \"\(movement)\" is not a movement of the plan\(Suggestion.hint(for: movement, in: movementIDs))"))
            }
        }
        func checkField(_ field: String, of kind: SubjectKind, what: String, at location: SourceLocation) {
            let builtIn: Set<String> = kind == .member ? ["id", "name", "unit"] : ["id", "name", "kind", "parent", "cluster"]
            let declared = plan.fields.fields(for: kind)
            if !builtIn.contains(field) && declared[field] == nil {
                problems.append(RuleProblem(.warning, at: location, "\(what): field \"\(field)\" is not declared in plan.fields.\(kind.plural)\(Suggestion.hint(for: field, in: builtIn.union(declared.keys)))"))
            }
        }
        let awardIDs = Set(awards.map(\.id))
        for award in awards {
            checkCommon(kind: "award", id: award.id, phases: award.phases, movement: award.movement, at: award.location)
            if let quota = award.quota {
                if let base = quota.base, !awardIDs.contains(base) {
                    problems.append(RuleProblem(at: quota.location, "award \"\(award.id)\", quota: base \"\(base)\" is not an award\(Suggestion.hint(for: base, in: awardIDs))"))
                }
                // A member award may group by a field of the member's unit (within = "cluster").
                let unitField = award.subject == .member && quota.within.map {
                    FieldNames.builtIn(.unit).contains($0) || plan.fields.units[$0] != nil } == true
                if let within = quota.within, !unitField {
                    checkField(within, of: award.subject, what: "award \"\(award.id)\", quota within", at: quota.location)
                }
                if quota.share == nil && quota.max == nil {
                    problems.append(RuleProblem(.warning, at: quota.location, "award \"\(award.id)\", quota: neither share nor max is given, so it limits nothing"))
                }
            }
        }
        for scoring in scorings {
            checkCommon(kind: "scoring", id: scoring.id, phases: scoring.phases, movement: scoring.movement, at: scoring.location)
            if let group = scoring.group {
                checkField(group, of: scoring.subject, what: "scoring \"\(scoring.id)\", group", at: scoring.location)
            }
        }
        // What the files' text shows: misspelt fields, impossible enum values, unknown ids, unreachable grades.
        var source = SourceChecks(plan: plan, awards: awards, scorings: scorings)
        for file in files.all where !files.testFiles.contains(where: { $0.path == file.path }) {
            source.check(file, shownAs: files.displayPath(file.path))
        }
        for scoring in scorings { source.check(scoring) }
        problems += source.problems
    }
}
