import CLua
import Foundation
import LuaGlue

/// A Lua state that has run a corpus file (Corpus/NAME.lua) and keeps the
/// table it returned, so that the test can call its functions by name.
///
/// A stock state is the system liblua5.4 as it comes (`luaL_newstate`,
/// `luaL_openlibs`, no sandbox). A bounded state is made by LuaGlue
/// (`cg_newstate`, so the count hook and `cg_limits_charge` work) and gets
/// Commend's bounded library functions; its step budget is set per call.
final class CorpusState {
    let L: OpaquePointer
    private let runtime: UnsafeMutablePointer<cg_runtime>?
    private var api: Int32 = 0
    /// Lua instructions between two count-hook calls of a bounded state:
    /// large, so that within one case only the library's own steps count.
    static let hookInterval: Int32 = 1_000_000

    init(corpus name: String, bounded: Bool, arguments: [String] = []) throws {
        if bounded {
            let rt = UnsafeMutablePointer<cg_runtime>.allocate(capacity: 1)
            rt.initialize(to: cg_runtime())
            rt.pointee.hook_count = Self.hookInterval
            rt.pointee.budget = -1
            rt.pointee.call_budget = -1
            guard let state = cg_newstate(rt) else { throw CorpusError("cannot create a Lua state") }
            rt.pointee.overdraft = 0
            runtime = rt
            L = state
            luaL_openlibs(L)
            cg_open_sandbox_patterns(L)
            cg_open_sandbox_library(L)
        } else {
            guard let state = luaL_newstate() else { throw CorpusError("cannot create a Lua state") }
            runtime = nil
            L = state
            luaL_openlibs(L)
        }
        // The serializer first, as the global `serialize`, then the corpus.
        try load("serialize")
        lua_setglobal(L, "serialize")
        for argument in arguments { lua_pushstring(L, argument) }
        try load(name, arguments: Int32(arguments.count))
        api = luaL_ref(L, clua_registryindex)
    }

    /// Runs Corpus/NAME.lua with the arguments on the stack; leaves its
    /// result.
    private func load(_ name: String, arguments: Int32 = 0) throws {
        guard let url = Bundle.module.url(forResource: name, withExtension: "lua", subdirectory: "Corpus") else {
            throw CorpusError("Corpus/\(name).lua is not among the test resources")
        }
        let source = try Data(contentsOf: url)
        let loaded = source.withUnsafeBytes { raw in
            luaL_loadbufferx(L, raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count, "=\(name).lua", "t")
        }
        guard loaded == LUA_OK else { throw CorpusError(text(at: -1)) }
        if arguments > 0 { lua_rotate(L, -1 - arguments, 1) }
        guard clua_pcall(L, arguments, 1, 0) == LUA_OK else { throw CorpusError(text(at: -1)) }
    }

    deinit {
        lua_close(L)
        runtime?.deinitialize(count: 1)
        runtime?.deallocate()
    }

    /// What one call returned: its results (or its error message) as bytes;
    /// nil for a nil result.
    struct Outcome: Equatable {
        var ok: Bool
        var values: [[UInt8]?]
        var first: String { values.first.flatMap { $0.map { String(decoding: $0, as: UTF8.self) } } ?? "nil" }
        var description: String {
            (ok ? "" : "error: ") + values.map { $0.map { String(decoding: $0, as: UTF8.self) } ?? "nil" }.joined(separator: ", ")
        }
    }

    /// Calls api.NAME(arguments...) under protection.
    func call(_ name: String, _ arguments: Int...) -> Outcome {
        let base = lua_gettop(L)
        _ = lua_rawgeti(L, clua_registryindex, lua_Integer(api))
        _ = lua_getfield(L, -1, name)
        for argument in arguments { lua_pushinteger(L, lua_Integer(argument)) }
        let status = clua_pcall(L, Int32(arguments.count), clua_multret, 0)
        var values: [[UInt8]?] = []
        let top = lua_gettop(L)
        if top >= base + 2 {
            for index in (base + 2)...top { values.append(bytes(at: index)) }
        }
        lua_settop(L, base)
        return Outcome(ok: status == LUA_OK, values: values)
    }

    /// Runs api.RUN(i) for every case i in both states (the bounded one with
    /// `budget` steps per case); returns a description of each case that
    /// differs (named by api.DESCRIBE(i)) and the stock outcomes.
    static func compare(stock: CorpusState, bounded: CorpusState, count: Int, run: String, describe: String,
                        budget: Int64) -> (differences: [String], outcomes: [String]) {
        var differences: [String] = []
        var outcomes: [String] = []
        for index in 1...count {
            let expected = stock.call(run, index)
            bounded.allow(steps: budget)
            let got = bounded.call(run, index)
            bounded.allow(steps: nil)
            outcomes.append(expected.first)
            if got != expected {
                differences.append("\(stock.call(describe, index).first)\n  stock:   \(expected.description)\n  bounded: \(got.description)")
            }
        }
        return (differences, outcomes)
    }

    /// The integer results of api.NAME().
    func integers(_ name: String) -> [Int] {
        call(name).values.map { Int($0.map { String(decoding: $0, as: UTF8.self) } ?? "") ?? -1 }
    }

    /// Bounded state: clears a tripped limit and allows `steps` steps of the
    /// library functions from now (nil: no limit). `cg_untrip` also restarts
    /// the hook's count, so the few Lua instructions of one case are not
    /// charged.
    func allow(steps: Int64?) {
        guard let runtime else { return }
        cg_untrip(L)
        runtime.pointee.budget = steps ?? -1
        runtime.pointee.executed = 0
    }

    /// Steps (and hook charges) counted since the last `allow`.
    var stepsCharged: Int64 { runtime?.pointee.executed ?? 0 }
    var isTripped: Bool { (runtime?.pointee.tripped ?? 0) != 0 }

    private func bytes(at index: Int32) -> [UInt8]? {
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE: return nil
        case LUA_TBOOLEAN: return Array((lua_toboolean(L, index) != 0 ? "true" : "false").utf8)
        case LUA_TSTRING, LUA_TNUMBER:
            var length = 0
            guard let pointer = lua_tolstring(L, index, &length) else { return nil }
            return pointer.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
        default: return Array(String(cString: clua_typename(L, index)).utf8)
        }
    }

    private func text(at index: Int32) -> String {
        bytes(at: index).map { String(decoding: $0, as: UTF8.self) } ?? "(no message)"
    }
}

struct CorpusError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
