@testable import Commend
import Foundation
import Testing

/// A process that evaluates many times (`commend serve`) must not keep the
/// Lua states of finished runs.
@Suite("Engine: Lua states end with their run")
struct EngineLifetimeTests {
    @Test func aRuleRuntimeIsFreedWhenNothingHoldsIt() throws {
        let url = try engineRulesDirectory([
            "plan.lua": enginePlan(members: ", kind = enum { \"a\", \"b\" }"),
            "a.lua": """
                award "a" { name = "A", subject = "member",
                  criteria = { { id = "c", text = "c", check = function(m) return true end } } }
                """,
        ])
        defer { try? FileManager.default.removeItem(at: url) }
        let files = try RuleFiles.read(directory: url, displayName: "rules")
        weak var released: RuleRuntime?
        do {
            let runtime = try RuleRuntime(files: files, limits: .default)
            #expect(runtime.problems.filter { $0.severity == .error }.isEmpty)
            released = runtime
            #expect(released != nil)
        }
        #expect(released == nil, "the runtime (and its Lua state) outlived every reference to it")
    }
}
