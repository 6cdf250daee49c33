import Foundation
import Testing
@testable import LuaKit

/// LuaKit knows nothing of its host: the words of its refusals that name the
/// host's world come from the policy, and its own helpers never show up
/// among the globals.
@Suite("Sandbox: the host words its refusals")
struct SandboxWordingTests {
    static let limits = LuaLimits(memory: 32 << 20, instructions: 1_000_000, instructionsPerCall: 1_000_000, seconds: 5)

    static let wording = LuaSandboxPolicy.Wording(scripts: "plug-ins", moduleRoot: "plug-in folder", frozen: "after start-up",
                                                  sharedState: "two calls could disagree")

    static func sandbox(_ wording: LuaSandboxPolicy.Wording? = nil, moduleRoot: URL? = nil) throws -> LuaSandbox {
        var policy = LuaSandboxPolicy.tests
        if let wording { policy.wording = wording }
        return try LuaSandbox(state: LuaState(limits: limits), policy: policy, moduleRoot: moduleRoot)
    }

    /// The message of the Lua error that running `source` in `sandbox` ends with.
    static func failure(_ sandbox: LuaSandbox, _ source: String) throws -> String {
        do {
            try sandbox.load(Array(source.utf8), chunkName: "t.lua").call()
        } catch let error as LuaError {
            return error.message
        }
        return "no error"
    }

    @Test("require outside the policy's folder: the host's words, or neutral ones")
    func requireRefusal() throws {
        #expect(try Self.failure(Self.sandbox(Self.wording), "return require 'os'")
                == "module 'os' not allowed: plug-ins may only require modules \"lib.<name>\" of the plug-in folder's lib/ folder")
        #expect(try Self.failure(Self.sandbox(), "return require 'os'")
                == "module 'os' not allowed: scripts may only require modules \"lib.<name>\" of the module root's lib/ folder")
        #expect(try Self.failure(Self.sandbox(Self.wording), "return require 'lib.x'") == "module 'lib.x' not found: no plug-in folder")
    }

    @Test("assignments into frozen globals and modules: the host says when they froze",
          arguments: [(1, "cannot assign global \"x\": globals are read-only after start-up"),
                      (2, "cannot assign \"n\" in module \"lib.m\": it is read-only after start-up")])
    func frozenRefusal(_ which: Int, _ expected: String) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("luakit-wording-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("lib"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("return { n = 1 }\n".utf8).write(to: root.appendingPathComponent("lib/m.lua"))
        let sandbox = try Self.sandbox(Self.wording, moduleRoot: root)
        let functions = try sandbox.load(Array("""
            x = 0
            local m = require 'lib.m'
            return function() x = 1 end, function() m.n = 2 end
            """.utf8), chunkName: "t.lua").call()
        try sandbox.freeze()
        // The refusal stops the state's run, like a limit: one assignment per sandbox.
        guard case .function(let assignment) = functions[which - 1] else {
            Issue.record("not a function: \(functions)")
            return
        }
        do {
            try assignment.call()
            Issue.record("the assignment ran")
        } catch let error as LuaError {
            #expect(error.message == expected)
        }
    }

    @Test("state kept between calls: the host says what it would spoil")
    func sharedStateReason() throws {
        let sandbox = try Self.sandbox(Self.wording)
        sandbox.refusesSharedState = true
        do {
            _ = try sandbox.load(Array("local n = 0\nreturn function() n = n + 1 end\n".utf8), chunkName: "t.lua")
            Issue.record("the chunk loaded")
        } catch let error as SharedStateError {
            #expect(error.description == "t.lua:2: a function assigns to 'n', a variable that every call shares (a local of the file, "
                    + "or of the function that made it): it would keep state from one call to the next, so two calls could disagree; "
                    + "use a local of the function instead, or compute the value once at the top level")
        }
    }

    @Test("the sandbox's own helpers are not left among the real globals")
    func noHelperGlobals() throws {
        let sandbox = try Self.sandbox()
        let names = try sandbox.state.load(Array("""
            local found = {}
            for k in next, _G do
              if type(k) == "string" and k:sub(1, 2) == "__" then found[#found + 1] = k end
            end
            table.sort(found)
            return table.concat(found, ",")
            """.utf8), chunkName: "trusted.lua").call()
        #expect(names == [.string("")])
    }
}
