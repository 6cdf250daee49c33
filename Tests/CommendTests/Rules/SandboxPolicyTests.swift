@testable import Commend
import Foundation
import LuaKit
import Testing

/// The engine's sandbox policy (`LuaSandboxPolicy.rules`): what a rule
/// script may reach, and the messages a rule author reads when the sandbox
/// refuses something, word for word (LuaKit takes the words from the policy).
@Suite("Rules: the sandbox policy and its messages")
struct SandboxPolicyTests {
    /// The rule error that evaluating `a.lua` (with the module `lib/m.lua`) throws.
    static func runError(_ source: String) throws -> RuleError {
        let rules = try engineRules(["a.lua": source, "lib/m.lua": "local M = { limit = 5 }\nreturn M\n"])
        let data = try EngineErrorTests.oneMember(rules)
        do {
            _ = try engineEvaluate(rules, data)
        } catch let error as RuleError {
            return error
        }
        throw Unexpected()
    }

    struct Unexpected: Error {}

    @Test("assigning a global or into a module after loading: the refusal says the rules are loaded")
    func frozen() throws {
        let global = try Self.runError("""
            count = 0
            award "a" { subject = "member", criteria = { { id = "c", check = function(s)
              count = count + 1
              return true end } } }
            """)
        #expect(global.location?.description == "rules/a.lua:3")
        #expect(global.message == "cannot assign global \"count\": globals are read-only once the rules are loaded")
        let module = try Self.runError("""
            local m = require "lib.m"
            award "a" { subject = "member", criteria = { { id = "c", check = function(s)
              m.limit = 1
              return true end } } }
            """)
        #expect(module.location?.description == "rules/a.lua:3")
        #expect(module.message == "cannot assign \"limit\" in module \"lib.m\": it is read-only once the rules are loaded")
    }

    @Test("require outside lib/: the refusal names rule scripts and the rules directory's lib/ folder")
    func requireRefused() throws {
        let problems = try engineCheck(["plan.lua": enginePlan(), "a.lua": "local x = 1\nlocal os = require \"os\"\n"])
        #expect(problems.map(\.description) == [
            "rules/a.lua:2: module 'os' not allowed: rule scripts may only require modules \"lib.<name>\" of the rules directory's lib/ folder",
        ])
    }

    @Test("a function that keeps state between calls: the refusal says why, in terms of subjects and --jobs")
    func sharedState() throws {
        let problems = try engineCheck(["plan.lua": enginePlan(), "a.lua": """
            local n = 0
            award "a" { subject = "member", criteria = { { id = "c", check = function(s)
              n = n + 1
              return true end } } }
            """])
        #expect(problems.map(\.description) == [
            "rules/a.lua:3: a function assigns to 'n', a variable that every call shares (a local of the file, or of the function "
                + "that made it): it would keep state from one call to the next, so results would depend on the order in which "
                + "subjects are evaluated and on --jobs; use a local of the function instead, or compute the value once at the top level",
        ])
    }

    @Test("the policy names what RULES.md §2.5 allows, and nothing else")
    func allowed() {
        let policy = LuaSandboxPolicy.rules
        #expect(Set(policy.functions) == ["assert", "error", "ipairs", "next", "pairs", "pcall", "select", "tonumber",
                                          "tostring", "type", "rawequal", "rawget", "rawlen", "getmetatable"])
        #expect(policy.libraries == ["string", "table", "math", "utf8"])
        #expect(policy.osFunctions == ["date", "time", "clock"])
        #expect(policy.moduleFolder == "lib")
    }
}
