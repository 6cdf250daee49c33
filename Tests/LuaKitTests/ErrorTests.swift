import Testing
@testable import LuaKit

@Suite struct ErrorTests {
    @Test func syntaxErrorsCarryChunkAndLine() throws {
        let state = try LuaState()
        do {
            _ = try state.load("local x = 1\nlocal y = = 2\n", chunkName: "rules/bad.lua")
            Issue.record("expected a syntax error")
        } catch let error as LuaError {
            #expect(error.kind == .syntax)
            #expect(error.chunk == "rules/bad.lua")
            #expect(error.line == 2)
            #expect(error.message.contains("unexpected symbol"))
        }
    }

    @Test func runtimeErrorsCarryChunkLineAndTraceback() throws {
        let box = try TestSandbox()
        do {
            try box.run("local function f(x)\n  return x.y.z\nend\nreturn f({})", name: "rules/a.lua")
            Issue.record("expected a runtime error")
        } catch let error as LuaError {
            #expect(error.kind == .runtime)
            #expect(error.chunk == "rules/a.lua")
            #expect(error.line == 2)
            #expect(error.message.contains("attempt to index a nil value"))
            #expect(error.traceback?.hasPrefix("stack traceback:") == true)
            #expect(error.description.hasPrefix("rules/a.lua:2: attempt to index"))
        }
    }

    @Test func errorWithNonStringValue() throws {
        let box = try TestSandbox()
        do {
            try box.run("error({code = 1})")
            Issue.record("expected an error")
        } catch let error as LuaError {
            #expect(error.kind == .runtime)
            #expect(error.message == "(error object is a table value)")
        }
    }

    @Test func binaryChunksAreRefused() throws {
        let state = try LuaState()
        do {
            _ = try state.load([0x1b, 0x4c, 0x75, 0x61, 0x54, 0x00], chunkName: "bin")
            Issue.record("expected an error")
        } catch let error as LuaError {
            #expect(error.kind == .syntax)
            #expect(error.message.contains("binary chunk"))
        }
    }
}
