import Foundation
import LuaKit

/// What each award and scoring of a rule set is, as far as its results go:
/// its fields and its functions by bytecode and captured values (see
/// `LuaCanonicalForm`), digested. Computed once per rule set in a Lua state
/// of its own, loaded without limits, so that a run's states, limits and
/// instruction count are the same with or without the cache.
///
/// What a function reaches through its file's globals is part of it (the
/// file's `_ENV` and the tables it holds are captured values); the
/// sandbox's libraries and base functions are named, not walked: they are
/// the same for one version of the engine. A module required at the top of
/// a file is captured and so part of every function that uses it; a module
/// required while evaluating is recorded as a dependency of the
/// declaration (`module(_:)` gives its digest).
// @unchecked Sendable: its Lua state is used under `lock` only (a server's
// evaluations share the fingerprints of the rules they serve).
final class RuleFingerprints: @unchecked Sendable {
    private let lock = NSLock()
    private let runtime: RuleRuntime
    private let form: LuaCanonicalForm
    private var declarations: [DeclarationID: String] = [:]
    private var modules: [String: String] = [:]

    init(files: RuleFiles) throws {
        runtime = try RuleRuntime(files: files, limits: .unlimited)
        guard runtime.problems.allSatisfy({ $0.severity != .error }) else { throw CacheCorrupt() }
        let sandbox = runtime.sandbox
        var known: [(name: String, value: LuaValue)] = [("base", .table(sandbox.base))]
        if let environment = sandbox.environment().metatable { known.append(("env", .table(environment))) }
        form = try LuaCanonicalForm(state: runtime.state, known: known)
    }

    /// `sha256:<hex>` of the declaration's fields and functions.
    func declaration(_ id: DeclarationID) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let known = declarations[id] { return known }
        let fields: String
        let functions: [LuaFunction?]
        switch id.kind {
        case .award:
            let f = runtime.awardFunctions[id.index]
            fields = CanonicalText.of(runtime.awards[id.index])
            functions = [f.applies] + f.checks + [f.order]
        case .scoring:
            let f = runtime.scoringFunctions[id.index]
            fields = CanonicalText.of(runtime.scorings[id.index])
            functions = [f.applies] + f.points + [f.bonus, f.penalty]
        }
        let hasher = SHA256Hasher()
        hasher.update(Array(fields.utf8) + [0])
        hasher.update(try form.bytes(of: functions.map { $0.map(LuaValue.function) ?? .nil }))
        let digest = hasher.finish()
        declarations[id] = digest
        return digest
    }

    /// `sha256:<hex>` of what `require name` gives, or nil when it fails.
    func module(_ name: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if let known = modules[name] { return known }
        guard case .function(let require) = runtime.sandbox.base["require"],
              let value = try? require.call(name).first,
              let bytes = try? form.bytes(of: [value]) else { return nil }
        let hasher = SHA256Hasher()
        hasher.update(bytes)
        let digest = hasher.finish()
        modules[name] = digest
        return digest
    }
}
