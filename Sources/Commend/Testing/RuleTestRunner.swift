import Foundation
import LuaKit

/// Runs `tests/*_test.lua` (RULES.md §7). Each test runs in a Lua state of
/// its own; `t.evaluate` evaluates the same rules on inline data.
public struct RuleTestRunner {
    /// The counts of a run of the rule tests and the criteria they exercised.
    public struct Report: Sendable {
        /// Tests that passed.
        public var passed = 0
        /// Tests that failed.
        public var failed = 0
        /// Which criteria and items the tests exercised both ways.
        public var coverage: Coverage
    }

    /// The rules under test (their `tests/` files).
    public let rules: RuleSet
    /// Limits of each test's Lua state.
    public var limits: LuaLimits

    /// A runner of the tests of `rules`.
    public init(rules: RuleSet, limits: LuaLimits = .default) {
        self.rules = rules
        self.limits = limits
    }

    /// Runs every test whose name contains `filter`; `output` receives one
    /// line per test and per failure.
    public func run(filter: String? = nil, output: (String) -> Void) throws -> Report {
        var report = Report(coverage: Coverage(rules: rules, onlyExercised: filter != nil))
        for file in rules.files.testFiles {
            let name = rules.files.displayPath(file.path)
            // A first load lists the file's tests.
            let listing = try TestSession(rules: rules, limits: limits, file: file, name: name)
            if let error = listing.loadError {
                output("FAIL \(name): \(error)")
                report.failed += 1
                continue
            }
            for (index, test) in listing.tests.enumerated() where filter.map({ test.name.contains($0) }) ?? true {
                let session = try TestSession(rules: rules, limits: limits, file: file, name: name)
                let failures = session.run(index)
                for result in session.results { report.coverage.record(result) }
                if failures.isEmpty {
                    report.passed += 1
                    output("ok   \(test.name)")
                } else {
                    report.failed += 1
                    output("FAIL \(test.name)")
                    for failure in failures { output("  " + failure) }
                }
            }
        }
        return report
    }
}

/// One test file loaded in a fresh sandbox.
final class TestSession {
    struct Test { var name: String; var function: LuaFunction; var line: Int }
    let rules: RuleSet
    let state: LuaState
    let sandbox: LuaSandbox
    var tests: [Test] = []
    var loadError: String?
    var failures: [String] = []
    var results: [EvaluationResult] = []

    init(rules: RuleSet, limits: LuaLimits, file: RuleFiles.File, name: String) throws {
        self.rules = rules
        state = try LuaState(limits: limits)
        sandbox = try LuaSandbox(state: state, policy: .rules, moduleRoot: rules.files.directory, chunkPrefix: rules.files.displayPrefix)
        sandbox.moduleSources = Dictionary(rules.files.all.map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })
        sandbox.define("test", .function(state.function("test") { [unowned self] call in
            let name = try call.argument(1, as: String.self)
            let function = try call.argument(2, as: LuaFunction.self)
            self.tests.append(Test(name: name, function: function, line: call.position()?.line ?? 0))
        }))
        do {
            try sandbox.load(file.contents, chunkName: name).call()
        } catch {
            loadError = "\(error)"
        }
    }

    /// Runs test `index`; returns its failures.
    func run(_ index: Int) -> [String] {
        let t = makeT()
        do {
            try tests[index].function.call(t)
        } catch let error as LuaError {
            failures.append(error.description)
        } catch {
            failures.append("\(error)")
        }
        return failures
    }

    private func fail(_ call: LuaCall, _ message: String) {
        let place = call.position().map { "\($0.chunk):\($0.line): " } ?? ""
        let note: String
        if case .string(let text) = call.value(3), call.argumentCount >= 3 { note = " (\(text))" }
        else if case .string(let text) = call.value(2), call.name == "t.ok" { note = " (\(text))" }
        else { note = "" }
        failures.append(place + message + note)
    }

    private func makeT() -> LuaTable {
        let t = state.newTable()
        t["ok"] = .function(state.function("t.ok") { [unowned self] call in
            if !call.value(1).isTruthy { self.fail(call, "expected a true value, got \(TestValues.render(call.value(1)))") }
        })
        t["eq"] = .function(state.function("t.eq") { [unowned self] call in
            let a = call.value(1), b = call.value(2)
            if !TestValues.equal(a, b) { self.fail(call, "expected \(TestValues.render(b)), got \(TestValues.render(a))") }
        })
        t["evaluate"] = .function(state.function("t.evaluate") { [unowned self] call in
            let spec = try call.argument(1, as: LuaTable.self)
            let result: EvaluationResult
            do {
                result = try self.evaluate(spec)
            } catch let error as RuleError where error.kind.isLimit {
                // A limit stops the test like a loop in the test itself would:
                // `pcall(t.evaluate, ...)` must not catch it (RULES.md §2.5).
                throw LuaInterrupt(error.description)
            }
            self.results.append(result)
            call.push(self.resultObject(result))
        })
        return t
    }

    private func evaluate(_ spec: LuaTable) throws -> EvaluationResult {
        // A misspelt key would silently leave its rows out.
        let keys = ["phase", "units", "members", "history"]
        for (key, _) in spec.pairs {
            guard case .string(let name) = key, keys.contains(name) else {
                let shown = if case .string(let name) = key { "\"\(name)\"" } else { "\(key)" }
                throw SandboxError("t.evaluate: unknown key \(shown)\(Suggestion.hint(for: "\(key)", in: keys)) (keys: \(keys.joined(separator: ", ")))")
            }
        }
        guard case .string(let phase) = spec["phase"] else {
            throw SandboxError("t.evaluate needs phase = \"<phase id>\" (\(rules.plan.phases.map(\.id).joined(separator: ", ")))")
        }
        var builder = DatasetBuilder(schema: rules.plan.fields, phases: rules.plan.phases.map(\.id), source: "t.evaluate")
        func rows(_ key: String) -> [LuaTable] {
            guard case .table(let list) = spec[key] else { return [] }
            return list.array.compactMap { if case .table(let t) = $0 { t } else { nil } }
        }
        for row in rows("units") { builder.addUnit(TestValues.cells(row), line: nil) }
        for row in rows("members") { builder.addMember(TestValues.cells(row), line: nil) }
        for row in rows("history") { builder.addHistory(TestValues.cells(row), line: nil) }
        let data = try builder.build()
        return try Evaluator.evaluate(rules: rules, data: data, phase: phase,
                                      options: EvaluationOptions(jobs: 1, limits: state.limits))
    }

    private func resultObject(_ result: EvaluationResult) -> LuaTable {
        let r = state.newTable()
        // An id that names no award or scoring of the rules is a typo in the test, not false or nil.
        let awardIDs = rules.awards.map(\.id), scoringIDs = rules.scorings.map(\.id)
        func known(_ id: String, _ kind: String, _ ids: [String]) throws {
            guard ids.contains(id) else {
                throw SandboxError("unknown \(kind) \"\(id)\"\(Suggestion.hint(for: id, in: ids))")
            }
        }
        func define(_ name: String, _ kind: String, _ body: @escaping (String, String) -> LuaValue) {
            let ids = kind == "award" ? awardIDs : scoringIDs
            r[name] = .function(state.function("r." + name) { call in
                let id = try call.argument(1, as: String.self)
                try known(id, kind, ids)
                call.push(body(id, try call.argument(2, as: String.self)))
            })
        }
        define("eligible", "award") { a, id in .bool(result.award(a)?.outcome(id)?.eligible ?? false) }
        define("awarded", "award") { a, id in .bool(result.award(a)?.outcome(id)?.awarded ?? false) }
        define("failed", "award") { [unowned self] a, id in
            guard let outcome = result.award(a)?.outcome(id) else { return .nil }
            let list = self.state.newTable()
            for (i, c) in outcome.failed.enumerated() { list[i + 1] = .string(c) }
            return .table(list)
        }
        define("total", "scoring") { s, id in result.scoring(s)?.outcome(id).map { .number($0.total) } ?? .nil }
        define("rank", "scoring") { s, id in result.scoring(s)?.outcome(id).map { .integer($0.rank) } ?? .nil }
        define("grade", "scoring") { s, id in result.scoring(s)?.outcome(id)?.grade.map { .string($0) } ?? .nil }
        return r
    }
}
