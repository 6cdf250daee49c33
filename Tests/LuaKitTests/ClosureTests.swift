import Testing
@testable import LuaKit

struct Refused: Error, CustomStringConvertible {
    var description: String { "refused by Swift" }
}

@Suite struct ClosureTests {
    @Test func swiftClosureCalledFromLua() throws {
        let box = try TestSandbox()
        box.sandbox.define("add", .function(box.state.function("add") { call in
            let a = try call.argument(1, as: Int.self)
            let b = try call.argument(2, as: Int.self)
            call.push(a + b)
            call.push("sum")
        }))
        #expect(try box.run("local s, w = add(2, 40) return s, w") == [.integer(42), .string("sum")])
    }

    @Test func thrownSwiftErrorBecomesLuaErrorAndBack() throws {
        let box = try TestSandbox()
        box.sandbox.define("fail", .function(box.state.function("fail") { _ in throw Refused() }))
        // Lua can catch it like any error, with the calling line in front.
        #expect(try box.run("local ok, e = pcall(fail) return ok, e", name: "rules/c.lua")
            == [.bool(false), .string("rules/c.lua:1: refused by Swift")])
        // Uncaught, it comes back to Swift with the original error attached.
        do {
            try box.run("\nfail()", name: "rules/c.lua")
            Issue.record("expected an error")
        } catch let error as LuaError {
            #expect(error.kind == .runtime)
            #expect(error.line == 2)
            #expect(error.message == "refused by Swift")
            #expect(error.underlying is Refused)
        }
    }

    @Test func badArgumentMessages() throws {
        let box = try TestSandbox()
        box.sandbox.define("need", .function(box.state.function("need") { call in
            _ = try call.argument(1, as: String.self)
        }))
        #expect(try box.run("return select(2, pcall(need, {}))", name: "rules/d.lua")
            == [.string("rules/d.lua:1: bad argument #1 to 'need' (string expected, got table)")])
    }

    @Test func interruptCannotBeCaughtByPcall() throws {
        let box = try TestSandbox()
        box.sandbox.define("stop", .function(box.state.function("stop") { _ in
            throw LuaInterrupt("stopped by host", payload: "dep")
        }))
        do {
            try box.run("local ok = pcall(stop)\nreturn 'survived'")
            Issue.record("expected the interrupt")
        } catch let error as LuaError {
            #expect(error.kind == .interrupted)
            #expect(error.message == "stopped by host")
            #expect((error.underlying as? LuaInterrupt)?.payload as? String == "dep")
        }
        // The host may clear an interrupt and run again.
        box.state.clearInterrupt()
        #expect(try box.run("return 7") == [.integer(7)])
    }

    @Test func nestedCallsFromClosureBackIntoLua() throws {
        let box = try TestSandbox()
        box.sandbox.define("apply", .function(box.state.function("apply") { call in
            let f = try call.argument(1, as: LuaFunction.self)
            let x = try call.argument(2, as: Int.self)
            let r = try f.call(x)
            call.push(r.first ?? .nil)
        }))
        #expect(try box.run("return apply(function(v) return v * 3 end, 5)") == [.integer(15)])
    }
}
