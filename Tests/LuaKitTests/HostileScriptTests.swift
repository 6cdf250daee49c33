import Foundation
import Testing
@testable import LuaKit

/// Scripts that try to hang, exhaust, escape or tamper. Each must end with
/// the right kind of error, and the process must stay alive.
struct Hostile: Sendable, CustomTestStringConvertible {
    var name: String
    var source: String
    var kind: LuaError.Kind
    var message: String = ""
    var testDescription: String { name }
}

let hostileScripts: [Hostile] = [
    // Loops
    Hostile(name: "plain infinite loop", source: "while true do end", kind: .instructionLimit),
    Hostile(name: "loop inside pcall", source: "local ok = pcall(function() while true do end end)\nreturn ok", kind: .instructionLimit),
    Hostile(name: "pcall in a loop", source: "for i = 1, 100 do pcall(function() while true do end end) end", kind: .instructionLimit),
    Hostile(name: "loop inside xpcall", source: "xpcall(function() while true do end end, function(e) return e end)", kind: .instructionLimit),
    Hostile(name: "looping xpcall handler", source: "xpcall(error, function() while true do end end)\nreturn 1", kind: .instructionLimit),
    Hostile(name: "endless tail calls", source: "local function f() return f() end\nreturn f()", kind: .instructionLimit),
    Hostile(name: "looping __tostring", source: "return tostring(setmetatable({}, {__tostring = function() while true do end end}))", kind: .instructionLimit),
    Hostile(name: "looping __index", source: "local t = setmetatable({}, {__index = function() while true do end end})\nreturn t.x", kind: .instructionLimit),
    Hostile(name: "coroutines are absent", source: "coroutine.wrap(function() while true do end end)()", kind: .runtime, message: "global 'coroutine'"),
    // Memory
    Hostile(name: "table growth", source: "local t = {} for i = 1, 1e9 do t[i] = i end", kind: .memory),
    Hostile(name: "table growth inside pcall", source: "local t = {}\npcall(function() for i = 1, 1e9 do t[i] = {} end end)\nreturn #t", kind: .memory),
    Hostile(name: "string.rep bomb", source: "return string.rep('x', 1 << 30)", kind: .memory),
    Hostile(name: "string.rep bomb inside pcall", source: "local ok = pcall(string.rep, 'x', 1 << 30)\nreturn ok", kind: .memory),
    Hostile(name: "method rep bomb", source: "return ('abc'):rep(1e4):rep(1e4)", kind: .memory),
    Hostile(name: "concatenation bomb", source: "local s = 'x' while true do s = s .. s end", kind: .memory),
    Hostile(name: "table.concat bomb", source: "local t = {} for i = 1, 1e8 do t[i] = 'xxxxxxxxxxxxxxxx' end return table.concat(t)", kind: .memory),
    Hostile(name: "deep recursion", source: "local function f(n) return 1 + f(n + 1) end\nreturn f(1)", kind: .memory),
    // Patterns that backtrack inside C
    Hostile(name: "pattern bomb find", source: "return string.find(string.rep('a', 40), string.rep('a*', 20) .. 'b')", kind: .instructionLimit),
    Hostile(name: "pattern bomb in pcall", source: "local ok = pcall(string.match, string.rep('a', 40), string.rep('a*', 20) .. 'b')\nreturn ok", kind: .instructionLimit),
    Hostile(name: "pattern bomb method gsub", source: "return (('a'):rep(40)):gsub(('a-'):rep(20) .. 'b', '')", kind: .instructionLimit),
    Hostile(name: "pattern bomb gmatch", source: "for m in ('a'):rep(40):gmatch(('a*'):rep(20) .. 'b') do end", kind: .instructionLimit),
    // Loops inside the C library, where no Lua instruction runs
    Hostile(name: "table.move over 2^40 indices", source: "return table.move({}, 1, 1 << 40, 2)", kind: .instructionLimit),
    Hostile(name: "table.move inside pcall", source: "local ok = pcall(table.move, {}, 1, 1 << 40, 2)\nreturn ok", kind: .instructionLimit),
    Hostile(name: "table.insert under a __len of 2^50",
            source: "local t = setmetatable({}, {__len = function() return 1 << 50 end})\ntable.insert(t, 1, 'x')", kind: .instructionLimit),
    Hostile(name: "table.remove under a __len of 2^50",
            source: "local t = setmetatable({}, {__len = function() return 1 << 50 end})\nreturn table.remove(t, 1)", kind: .instructionLimit),
    Hostile(name: "string.rep of nothing with a separator", source: "return #string.rep('', 1 << 50, 'x')", kind: .instructionLimit),
    Hostile(name: "table.concat over 2^50 empty strings",
            source: "local t = setmetatable({}, {__index = function() return '' end, __len = function() return 1 << 50 end})\nreturn table.concat(t)",
            kind: .instructionLimit),
    Hostile(name: "table.sort of 2^31 elements read through tostring",
            source: "table.sort(setmetatable({}, {__index = tostring, __len = function() return (1 << 31) - 2 end}))",
            kind: .instructionLimit),
    Hostile(name: "table.unpack of 2^40 values", source: "return table.unpack({}, 1, 1 << 40)", kind: .runtime,
            message: "too many results to unpack"),
    Hostile(name: "os.date with a 2 MB format", source: "return #os.date(('%c'):rep(1e6))", kind: .instructionLimit),
    // Escapes: every removed global and library
    Hostile(name: "io", source: "return io.open('/etc/passwd')", kind: .runtime, message: "global 'io'"),
    Hostile(name: "os.execute", source: "return os.execute('true')", kind: .runtime, message: "field 'execute'"),
    Hostile(name: "os.getenv", source: "return os.getenv('HOME')", kind: .runtime, message: "field 'getenv'"),
    Hostile(name: "os.exit", source: "os.exit(1)", kind: .runtime, message: "field 'exit'"),
    Hostile(name: "load", source: "return load('return 1')()", kind: .runtime, message: "global 'load'"),
    Hostile(name: "loadfile", source: "return loadfile('/etc/passwd')", kind: .runtime, message: "global 'loadfile'"),
    Hostile(name: "dofile", source: "return dofile('/etc/passwd')", kind: .runtime, message: "global 'dofile'"),
    Hostile(name: "debug", source: "return debug.getregistry()", kind: .runtime, message: "global 'debug'"),
    Hostile(name: "collectgarbage", source: "collectgarbage('stop')", kind: .runtime, message: "global 'collectgarbage'"),
    Hostile(name: "package", source: "return package.loadlib('x', 'y')", kind: .runtime, message: "global 'package'"),
    Hostile(name: "rawset", source: "rawset(string, 'upper', print)", kind: .runtime, message: "global 'rawset'"),
    Hostile(name: "string.dump", source: "return string.dump(function() end)", kind: .runtime, message: "field 'dump'"),
    Hostile(name: "_G", source: "return _G.io", kind: .runtime, message: "global '_G'"),
    // require escapes
    Hostile(name: "require parent dir", source: "return require '../secret'", kind: .runtime, message: "not allowed"),
    Hostile(name: "require absolute", source: "return require '/etc/passwd'", kind: .runtime, message: "not allowed"),
    Hostile(name: "require dots", source: "return require 'lib...secret'", kind: .runtime, message: "not allowed"),
    Hostile(name: "require standard library", source: "return require 'os'", kind: .runtime, message: "not allowed"),
    Hostile(name: "require missing", source: "return require 'lib.nothere'", kind: .runtime, message: "no file rules/lib/nothere.lua"),
    Hostile(name: "require binary module", source: "return require 'lib.binary'", kind: .runtime, message: "binary chunk"),
    // Tampering with what other scripts see
    Hostile(name: "write into string", source: "string.upper = function() return 'pwned' end", kind: .runtime, message: "string is read-only"),
    Hostile(name: "write into math", source: "math.pi = 3", kind: .runtime, message: "math is read-only"),
    Hostile(name: "write into table", source: "table.insert = print", kind: .runtime, message: "table is read-only"),
    Hostile(name: "write into os", source: "os.date = nil", kind: .runtime, message: "os is read-only"),
    Hostile(name: "string metatable", source: "getmetatable('').__index.upper = nil", kind: .runtime, message: "index a boolean"),
    Hostile(name: "replace library metatable", source: "setmetatable(string, {})", kind: .runtime, message: "protected metatable"),
    Hostile(name: "environment metatable", source: "getmetatable(_ENV).__index.print = nil", kind: .runtime, message: "index a boolean"),
    Hostile(name: "__gc finalizer", source: "setmetatable({}, {__gc = function() while true do end end})", kind: .runtime, message: "__gc"),
    Hostile(name: "__index chain loop", source: "local t = setmetatable({}, {})\ngetmetatable(t).__index = t\nreturn t.x", kind: .runtime, message: "chain too long"),
    // Error values that fight back
    Hostile(name: "failing __tostring error", source: "error(setmetatable({}, {__tostring = function() error('boom') end}))", kind: .runtime, message: "error object is a table value"),
    Hostile(name: "looping __tostring error", source: "error(setmetatable({}, {__tostring = function() while true do end end}))", kind: .runtime, message: "error object is a table value"),
]

@Suite struct HostileScriptTests {
    func sandbox() throws -> TestSandbox {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("luakit-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("lib"), withIntermediateDirectories: true)
        try Data([0x1b, 0x4c, 0x75, 0x61, 0x54, 0x00, 0x19, 0x93]).write(to: root.appendingPathComponent("lib/binary.lua"))
        return try TestSandbox(moduleRoot: root)
    }

    @Test(arguments: hostileScripts)
    func endsWithTheRightError(script: Hostile) throws {
        let box = try sandbox()
        do {
            let results = try box.run(script.source, name: "rules/hostile.lua")
            Issue.record("finished with \(results)")
        } catch let error as LuaError {
            #expect(error.kind == script.kind, "\(error)")
            #expect(script.message.isEmpty || error.description.contains(script.message), "\(error)")
            #expect(error.chunk == "rules/hostile.lua" || error.kind != .runtime, "\(error)")
        }
        // The state refuses to go on after a limit, and stays usable otherwise.
        if script.kind == .runtime {
            #expect(try box.run("return 1") == [.integer(1)])
        } else {
            #expect(throws: LuaError.self) { try box.run("return 1") }
        }
    }

    @Test func wallClockLimit() throws {
        let box = try TestSandbox(limits: LuaLimits(memory: 32 << 20, instructions: nil, instructionsPerCall: nil, seconds: 0.3))
        do {
            try box.run("while true do end")
            Issue.record("loop finished")
        } catch let error as LuaError {
            #expect(error.kind == .timeLimit)
            #expect(error.description == "rules/test.lua:1: time limit exceeded")
        }
    }

    /// The wall clock holds inside the C library's loops too, with no
    /// instruction limit at all.
    @Test(arguments: [
        "table.move({}, 1, 1 << 40, 2)",
        "table.insert(setmetatable({}, {__len = function() return 1 << 50 end}), 1, 'x')",
        "table.remove(setmetatable({}, {__len = function() return 1 << 50 end}), 1)",
    ])
    func wallClockLimitInsideTheLibrary(call: String) throws {
        let box = try TestSandbox(limits: LuaLimits(memory: 32 << 20, instructions: nil, instructionsPerCall: nil, seconds: 0.3))
        do {
            try box.run("local x = 1\n\(call)")
            Issue.record("finished")
        } catch let error as LuaError {
            #expect(error.kind == .timeLimit)
            #expect(error.description == "rules/test.lua:2: time limit exceeded")
        }
    }

    /// os.date's format is charged before it runs; the function still
    /// works, and its errors name the script's line.
    @Test func dateIsChargedAndStillWorks() throws {
        let box = try sandbox()
        #expect(try box.run("return os.date('!%Y-%m-%d', 0), os.date('!*t', 86400).day") == [.string("1970-01-01"), .integer(2)])
        do {
            try box.run("local x = 1\nlocal s = os.date('%Ez')\nreturn s", name: "rules/date.lua")
            Issue.record("finished")
        } catch let error as LuaError {
            #expect(error.kind == .runtime)
            #expect(error.description.hasPrefix("rules/date.lua:2: bad argument #1 to "), "\(error)")
            #expect(error.description.hasSuffix("(invalid conversion specifier '%Ez')"), "\(error)")
        }
        do {
            try box.run("local x = 1\nlocal s = os.date(('%c'):rep(1e6))\nreturn s", name: "rules/date.lua")
            Issue.record("finished")
        } catch let error as LuaError {
            #expect(error.kind == .instructionLimit)
            #expect(error.description == "rules/date.lua:2: instruction limit exceeded")
        }
    }

    /// Nothing repeated 2^50 times is nothing, at once (Lua's own
    /// string.rep would copy nothing 2^50 times).
    @Test func repeatingNothingIsEmpty() throws {
        let box = try sandbox()
        #expect(try box.run("return #string.rep('', 1 << 50), #('').rep('', 1 << 50, '')") == [.integer(0), .integer(0)])
    }

    @Test func limitNamesThePlaceWhereItTripped() throws {
        let box = try sandbox()
        do {
            try box.run("local x = 0\nwhile true do\n  x = x + 1\nend", name: "rules/loop.lua")
            Issue.record("loop finished")
        } catch let error as LuaError {
            #expect(error.kind == .instructionLimit)
            #expect(error.chunk == "rules/loop.lua")
            #expect((2...3).contains(error.line ?? 0))
            #expect(error.message == "instruction limit exceeded")
        }
    }

    @Test func globalsOfOneChunkAreNotSeenByAnother() throws {
        let box = try sandbox()
        try box.run("shared = 'mine'; function helper() return 1 end", name: "rules/a.lua")
        #expect(try box.run("return shared, helper", name: "rules/b.lua") == [.nil, .nil])
    }

    @Test func librariesStayIntactAfterAnAttempt() throws {
        let box = try sandbox()
        _ = try? box.run("string.upper = nil")
        #expect(try box.run("return ('abc'):upper(), string.upper('x')") == [.string("ABC"), .string("X")])
    }

    @Test func closureCallingALoopingLuaFunction() throws {
        let box = try sandbox()
        box.sandbox.define("apply", .function(box.state.function("apply") { call in
            let f = try call.argument(1, as: LuaFunction.self)
            call.push(try f.call().first ?? .nil)
        }))
        do {
            try box.run("return pcall(apply, function() while true do end end)")
            Issue.record("loop finished")
        } catch let error as LuaError {
            #expect(error.kind == .instructionLimit)
        }
    }

    @Test func randomIsDeterministic() throws {
        let a = try sandbox().run("return math.random(1, 1000000), math.random()")
        let b = try sandbox().run("math.randomseed() return math.random(1, 1000000), math.random()")
        #expect(a == b)
    }

    @Test func pairsListsKeysInADefinedOrder() throws {
        // Lua's own order of string keys changes from run to run (the hash is seeded).
        let source = """
            local t = { zeta = 1, alpha = 2, [3] = 3, [1] = 1, beta = 4, [true] = 1, [2.5] = 0, [false] = 0 }
            t.beta = nil
            local keys = {}
            for k, v in pairs(t) do keys[#keys + 1] = tostring(k) end
            local libs = {}
            for k in pairs(math) do libs[#libs + 1] = k end
            return table.concat(keys, " "), libs[1] < libs[2] and libs[#libs - 1] < libs[#libs]
            """
        #expect(try sandbox().run(source) == [.string("1 2.5 3 alpha zeta false true"), .bool(true)])
        let box = try sandbox()
        do {
            try box.run("for k in pairs(nil) do end")
            Issue.record("pairs(nil) ran")
        } catch let error as LuaError {
            #expect(error.message.contains("bad argument #1 to 'pairs' (table expected, got nil)"), "\(error)")
            #expect(error.chunk == "rules/test.lua")
        }
    }

    @Test func sharedStateInAChunkIsFoundWithItsLine() throws {
        let box = try sandbox()
        let chunk = try box.sandbox.load(Array("""
            local n, cache = 0, nil
            local function f()
              local k = 0
              local function g() k = k + 1; cache = k end
              g()
              n = n + 1
            end
            n = 5
            """.utf8), chunkName: "rules/s.lua")
        #expect(chunk.sharedStateWrites() == [SharedStateWrite(line: 4, name: "cache"), SharedStateWrite(line: 6, name: "n")])
    }

    @Test func printGoesToDiagnostics() throws {
        let box = try sandbox()
        try box.run("print('a', 1, nil, true)")
        #expect(box.printed == ["a\t1\tnil\ttrue"])
    }

    @Test func allowedLibrariesWork() throws {
        let box = try sandbox()
        let r = try box.run("""
            local t = {}
            for k in pairs(string) do t[#t + 1] = k end
            table.sort(t)
            return utf8.len('động'), math.floor(2.5), os.time{year=2021, month=1, day=1, hour=0} ~= nil,
                   ('a,b'):find(',', 1, true), #t > 10, select('#', table.unpack({1, 2, 3}))
            """)
        #expect(r == [.integer(4), .integer(2), .bool(true), .integer(2), .bool(true), .integer(3)])
    }
}
