import Foundation
import LuaKit

/// A loaded, validated rules directory (RULES.md §2). A value: safe to share
/// between threads; every evaluation loads it into Lua states of its own.
public struct RuleSet: Sendable, DeclarationCatalog {
    public var files: RuleFiles
    public var plan: Plan
    public var awards: [Award]
    public var scorings: [Scoring]
    /// `sha256:<hex>` over every `.lua` file (RULES.md §2).
    public var digest: String
    /// Problems that do not stop evaluation.
    public var warnings: [RuleProblem]
    /// What top-level code printed while the files were loaded.
    public var diagnostics: [Diagnostic]
    /// Printed messages beyond `Diagnostic.cap`.
    public var droppedDiagnostics = 0

    /// Loads and validates `directory`. Throws `RuleLoadError` with every
    /// problem when any is an error.
    public static func load(directory: URL, displayName: String? = nil, limits: LuaLimits = .default) throws -> RuleSet {
        let files = try RuleFiles.read(directory: directory, displayName: displayName)
        return try load(files: files, limits: limits)
    }

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

    public func award(_ id: String) -> Award? { awards.first { $0.id == id } }
    public func scoring(_ id: String) -> Scoring? { scorings.first { $0.id == id } }
}
