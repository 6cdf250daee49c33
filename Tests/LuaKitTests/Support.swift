import Foundation
@testable import LuaKit

/// A sandbox with small limits, its print output collected.
final class TestSandbox {
    let state: LuaState
    let sandbox: LuaSandbox
    var printed: [String] = []

    init(limits: LuaLimits = LuaLimits(memory: 32 << 20, instructions: 50_000_000, instructionsPerCall: 20_000_000, seconds: 5),
         moduleRoot: URL? = nil) throws {
        state = try LuaState(limits: limits)
        sandbox = try LuaSandbox(state: state, policy: .tests, moduleRoot: moduleRoot, chunkPrefix: "rules/")
        sandbox.onPrint = { [unowned self] message, _, _ in self.printed.append(message) }
    }

    /// Runs a script as a rule file and returns its results.
    @discardableResult
    func run(_ source: String, name: String = "rules/test.lua") throws -> [LuaValue] {
        try sandbox.load(Array(source.utf8), chunkName: name).call()
    }
}

extension LuaSandboxPolicy {
    /// The policy of the tests: the safe base functions, four libraries,
    /// three `os` functions, modules of `lib/`.
    static let tests = LuaSandboxPolicy(
        functions: ["assert", "error", "ipairs", "next", "pairs", "pcall", "select", "tonumber",
                    "tostring", "type", "rawequal", "rawget", "rawlen", "getmetatable"],
        libraries: ["string", "table", "math", "utf8"],
        osFunctions: ["date", "time", "clock"],
        moduleFolder: "lib")
}
