import Foundation
import LuaKit

/// A loaded, validated rules directory (RULES.md §2). A value: safe to share
/// between threads; every evaluation loads it into Lua states of its own.
public struct RuleSet: Sendable, DeclarationCatalog {
    /// The `.lua` files, `lib/` and `tests/` included.
    public var files: RuleFiles
    /// The plan.
    public var plan: Plan
    /// The awards, in declaration order (by file path, then line).
    public var awards: [Award]
    /// The scorings, in declaration order (by file path, then line).
    public var scorings: [Scoring]
    /// `sha256:<hex>` over every `.lua` file (RULES.md §2).
    public var digest: String
    /// Problems that do not stop evaluation.
    public var warnings: [RuleProblem]
    /// What top-level code printed while the files were loaded.
    public var diagnostics: [Diagnostic]
    /// Printed messages beyond `Diagnostic.cap`.
    public var droppedDiagnostics = 0

    /// Loads and validates `directory`.
    /// - Throws: `NoSuchDirectory` when there is no such folder,
    ///   `RuleLoadError` with every problem when any is an error.
    public static func load(directory: URL, displayName: String? = nil, limits: LuaLimits = .default) throws -> RuleSet {
        let files = try RuleFiles.read(directory: directory, displayName: displayName)
        return try load(files: files, limits: limits)
    }

    /// Loads and validates `files`.
    /// - Throws: `RuleLoadError` with every problem when any is an error.
    public static func load(files: RuleFiles, limits: LuaLimits = .default) throws -> RuleSet {
        let runtime = try RuleRuntime(files: files, limits: limits)
        let errors = runtime.problems.filter { $0.severity == .error }
        guard errors.isEmpty, let plan = runtime.plan else {
            throw RuleLoadError(problems: runtime.problems)
        }
        return RuleSet(files: files, plan: plan, awards: runtime.awards, scorings: runtime.scorings,
                       digest: files.digest, warnings: runtime.problems, diagnostics: runtime.diagnostics,
                       droppedDiagnostics: runtime.droppedDiagnostics)
    }

    /// Every problem of `directory` (errors and warnings), without data.
    public static func check(directory: URL, displayName: String? = nil, limits: LuaLimits = .default) -> [RuleProblem] {
        do {
            let files = try RuleFiles.read(directory: directory, displayName: displayName)
            return try RuleRuntime(files: files, limits: limits).problems
        } catch let error as RuleLoadError {
            return error.problems
        } catch {
            return [RuleProblem(at: nil, "\(error)")]
        }
    }

    /// The award with id `id`, if declared.
    public func award(_ id: String) -> Award? { awards.first { $0.id == id } }
    /// The scoring with id `id`, if declared.
    public func scoring(_ id: String) -> Scoring? { scorings.first { $0.id == id } }
}
