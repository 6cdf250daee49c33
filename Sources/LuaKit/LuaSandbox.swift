import CLua
import Foundation
import LuaGlue

/// What scripts in a sandbox may reach; the host decides (LuaKit has no
/// list of its own).
public struct LuaSandboxPolicy: Sendable, Hashable {
    /// Base functions given as they are (`ipairs`, `tostring`, ...).
    /// `print`, `setmetatable`, `xpcall` and `require` are not among them:
    /// the sandbox gives safe versions of its own (and of `pairs`, when named).
    public var functions: [String]
    /// Standard libraries given as read-only tables (`string` always
    /// without `dump`, its pattern functions held to the limits).
    public var libraries: [String]
    /// The functions of `os` given, as a read-only `os` table (none: no
    /// `os`); `date` is the bounded one.
    public var osFunctions: [String]
    /// The folder under the module root whose modules `require` loads, as
    /// `require "<folder>.<name>"`.
    public var moduleFolder: String
    /// The words of the sandbox's refusals that name the host's world.
    public var wording: Wording

    /// A policy; see the properties.
    public init(functions: [String], libraries: [String], osFunctions: [String], moduleFolder: String,
                wording: Wording = .neutral) {
        self.functions = functions
        self.libraries = libraries
        self.osFunctions = osFunctions
        self.moduleFolder = moduleFolder
        self.wording = wording
    }

    /// The parts of the sandbox's messages that only the host can word: what
    /// its scripts and their folder are called, when its tables freeze, and
    /// what state kept between calls would spoil. LuaKit writes the rest.
    public struct Wording: Sendable, Hashable {
        /// Who may only require the policy's modules: `module 'os' not
        /// allowed: <scripts> may only require modules "lib.<name>" of the
        /// <moduleRoot>'s lib/ folder`.
        public var scripts: String
        /// What the sandbox's `moduleRoot` is to the people who read the messages.
        public var moduleRoot: String
        /// When frozen tables became read-only: `cannot assign global "x":
        /// globals are read-only <frozen>`.
        public var frozen: String
        /// What a function that keeps state between calls would spoil, the
        /// middle of `SharedStateError`'s message: `it would keep state from
        /// one call to the next, so <sharedState>; use a local ...`.
        public var sharedState: String

        /// Wording with these parts; see the properties.
        public init(scripts: String, moduleRoot: String, frozen: String, sharedState: String) {
            self.scripts = scripts
            self.moduleRoot = moduleRoot
            self.frozen = frozen
            self.sharedState = sharedState
        }

        /// Words that assume nothing about the host.
        public static let neutral = Wording(scripts: "scripts", moduleRoot: "module root", frozen: "once frozen",
                                            sharedState: "results would depend on the order of the calls")
    }
}

/// An allow-listed environment for untrusted scripts, shaped by a
/// `LuaSandboxPolicy`.
///
/// Scripts see only what the policy names, read-only proxies of the
/// libraries it names (`math.random` deterministic), a `print` that goes to
/// `onPrint`, `setmetatable` and `xpcall` that cannot escape the limits,
/// and `require` for modules of the policy's folder under the sandbox's
/// root. Each chunk gets its own `_ENV`, so a global set in one file is not
/// seen by another, and the shared libraries cannot be changed.
public final class LuaSandbox {
    /// The state the sandbox is built in.
    public let state: LuaState
    /// The shared base environment. Scripts cannot reach it; the host adds
    /// its own globals with `define`.
    public let base: LuaTable
    /// The folder whose `lib/` holds the modules `require` may load.
    public let moduleRoot: URL?
    /// Prefix of the chunk names of modules (for example `scripts/`).
    public let chunkPrefix: String
    /// Module sources by path relative to the root (`lib/x.lua`); when set,
    /// `require` reads from here instead of the disk, so loaded scripts
    /// stay the same whatever happens to their files later.
    public var moduleSources: [String: [UInt8]]?
    /// Receives what scripts print, with the position of the `print` call.
    public var onPrint: (_ message: String, _ chunk: String?, _ line: Int?) -> Void = { _, _, _ in }
    /// Told the name of every module asked for with `require`, loaded or not
    /// (a result cache records what an evaluation needed).
    public var onRequire: ((String) -> Void)?
    /// What the sandbox allows.
    public let policy: LuaSandboxPolicy
    /// The seed of the first draw of `math.random` after `seedAtNextDraw()`.
    public var seedForDraw: () -> Int = { 0 }

    private let environmentMetatable: LuaTable
    /// Whether the next draw of `math.random` seeds the generator first.
    private var seedArmed = false
    private var modules: [String: LuaValue] = [:]
    private var loading: Set<String> = []
    /// Every chunk environment handed out, to be frozen with the modules.
    private var environments: [LuaTable] = []
    /// Trusted code that makes a table read-only (see `freeze`).
    private var freezer: LuaFunction?
    /// Trusted code that freezes the tables a function holds as upvalues.
    private var localsFreezer: LuaFunction?
    /// Whether `freeze` has run: modules required later are frozen at once.
    public private(set) var isFrozen = false

    /// Builds the sandbox of `policy` in `state`; modules are read under `moduleRoot` (or from `moduleSources`), chunks named `chunkPrefix` + path.
    /// - Throws: `LuaError` when the state cannot build it (out of memory).
    public init(state: LuaState, policy: LuaSandboxPolicy, moduleRoot: URL? = nil, chunkPrefix: String = "") throws {
        self.state = state
        self.policy = policy
        self.moduleRoot = moduleRoot
        self.chunkPrefix = chunkPrefix
        base = state.newTable(fieldCapacity: 32)
        environmentMetatable = state.newTable(fieldCapacity: 2)
        environmentMetatable["__index"] = .table(base)
        environmentMetatable["__metatable"] = .bool(false)
        try build()
    }

    /// Adds a global that every chunk sees (the host's own functions).
    public func define(_ name: String, _ value: LuaValue) {
        base[name] = value
    }

    /// Makes the next draw of `math.random` seed the generator with
    /// `seedForDraw()` first, unless the script seeds it itself before: what
    /// a script draws then depends on that seed only (for example one seed
    /// per call, whatever thread makes it), and a script that draws
    /// nothing costs nothing, however it reaches `math.random`.
    public func seedAtNextDraw() {
        seedArmed = true
    }

    /// A fresh `_ENV` for one chunk: its own globals, reads fall back to the base.
    public func environment() -> LuaTable {
        let env = state.newTable()
        env.metatable = environmentMetatable
        environments.append(env)
        return env
    }

    /// When set, a chunk (a file or a module) in which a function assigns to
    /// a variable of the file's top level is refused with `SharedStateError`
    /// (its reason from the policy's wording): such a function keeps state
    /// between calls, so what a call returns would depend on the calls before.
    public var refusesSharedState = false

    /// Makes every chunk's globals and every module's table read-only, and
    /// the tables they hold, for the rest of the state's life: from then on
    /// a function that assigns to a global or into a module gets an error
    /// at the assignment, so no chunk changes what another sees and nothing
    /// is carried from one call to the next. Reading, `pairs`, `ipairs` and
    /// `#` work as before.
    public func freeze() throws {
        isFrozen = true
        for env in environments { try freeze(env, "global") }
        for (name, value) in modules.sorted(by: { $0.key < $1.key }) {
            if case .table(let table) = value { try freeze(table, "module \"\(name)\"") }
        }
    }

    /// Freezes, like `freeze()`, the tables that these functions (and the
    /// functions they hold) keep in upvalues: a file's `local t = {}` that a
    /// function writes into would carry state from one call to the next, so
    /// results would depend on the order of the calls.
    public func freezeLocals(of functions: [LuaFunction]) throws {
        for function in functions { try localsFreezer?.call(function, refusals) }
    }

    private func freeze(_ table: LuaTable, _ what: String) throws {
        try freezer?.call(table, what, refusals)
    }

    /// `refusal(what)`: the `__newindex` of frozen tables described by
    /// `what` ("global", `module "lib.m"`, `global "T"`). It interrupts the
    /// run, so the error stops it at the assignment's file and line.
    private lazy var refusals: LuaFunction = state.function("refusal") { [unowned self] call in
        let what = try call.argument(1, as: String.self)
        call.push(self.state.function("newindex") { inner in
            let key = inner.value(2).description
            let frozen = self.policy.wording.frozen
            throw LuaInterrupt(what == "global"
                ? "cannot assign global \"\(key)\": globals are read-only \(frozen)"
                : "cannot assign \"\(key)\" in \(what): it is read-only \(frozen)")
        })
    }

    /// Loads a text chunk with its own environment.
    public func load(_ source: [UInt8], chunkName: String, environment: LuaTable? = nil) throws -> LuaFunction {
        let chunk = try state.load(source, chunkName: chunkName, environment: environment ?? self.environment())
        if refusesSharedState, let writes = chunk.sharedStateWrites(), !writes.isEmpty {
            throw SharedStateError(chunk: chunkName, writes: writes, reason: policy.wording.sharedState)
        }
        return chunk
    }

    // MARK: Building

    private func build() throws {
        let globals = state.globals
        // Trusted set-up code: runs with the real globals, before any script.
        // The host's helpers come in as arguments and the made functions go
        // out in the table it returns: nothing passes through a global.
        let setup = try state.load("""
            local G, emit, take_seed, metapairs = ...
            local made = {}
            local random, randomseed = G.math.random, G.math.randomseed
            randomseed(0)
            G.math.randomseed = function(...)
              take_seed()
              if select('#', ...) == 0 then return randomseed(0) end
              return randomseed(...)
            end
            G.math.random = function(...)
              local seed = take_seed()
              if seed then randomseed(seed) end
              return random(...)
            end
            G.string.dump = nil
            getmetatable("").__metatable = false
            local tostring, select, concat = G.tostring, G.select, G.table.concat
            -- Freezing: the table's contents move to a backing table read
            -- through __index; __newindex refuses. Tables it holds are frozen
            -- too; the libraries (read-only already) are left alone.
            -- The refusal is a host function (`refusal`, one per description),
            -- so that it stops the run like a limit: pcall cannot catch it.
            local next, rawset, type, tostring = G.next, G.rawset, G.type, G.tostring
            local getmt, setmt = G.debug.getmetatable, G.debug.setmetatable
            local seen = setmetatable({}, { __mode = "k" })
            -- A frozen table's contents sit in its backing table; `next` on
            -- a frozen table walks the backing, so `next(t) == nil` and
            -- `for k, v in next, t` see what they saw before the freeze.
            local backings = setmetatable({}, { __mode = "k" })
            local rawnext, raise = G.next, G.error
            made.next = function(...)
              local t, k = ...
              if type(t) ~= "table" then
                local got = select("#", ...) == 0 and "no value" or type(t)
                raise("bad argument #1 to 'next' (table expected, got " .. got .. ")", 2)
              end
              return rawnext(backings[t] or t, k)
            end
            local getupvalue, getinfo = G.debug.getupvalue, G.debug.getinfo
            local freeze
            -- A function's upvalues that hold tables (a file's
            -- `local cache = {}`) are frozen too: otherwise a call could
            -- leave state there for the next one. The sandbox's own
            -- functions (this chunk) and C functions are left alone.
            local function freezeLocals(f, refusal)
              if seen[f] then return end
              seen[f] = true
              local info = getinfo(f, "S")
              if info.what == "C" or info.source == "=sandbox" then return end
              local i = 1
              while true do
                local name, v = getupvalue(f, i)
                if name == nil then break end
                if type(v) == "table" then freeze(v, 'local "' .. tostring(name) .. '"', refusal)
                elseif type(v) == "function" then freezeLocals(v, refusal) end
                i = i + 1
              end
            end
            function freeze(t, what, refusal)
              if seen[t] then return end
              seen[t] = true
              local mt = getmt(t)
              if mt ~= nil and what ~= "global" and mt.__newindex ~= nil then return end
              local backing = {}
              backings[t] = backing
              for k, v in next, t do backing[k] = v end
              for k in next, backing do rawset(t, k, nil) end
              if mt ~= nil then setmt(backing, mt) end
              for k, v in next, backing do
                if type(v) == "table" then
                  freeze(v, what == "global" and ('global "' .. tostring(k) .. '"') or what, refusal)
                elseif type(v) == "function" then
                  freezeLocals(v, refusal)
                end
              end
              setmt(t, {
                __index = backing, __newindex = refusal(what), __metatable = false,
                __pairs = function() return next, backing, nil end,
                __len = function() return #backing end,
              })
            end
            made.freeze = function(t, what, refusal) freeze(t, what, refusal) end
            made.freeze_locals = function(f, refusal) freezeLocals(f, refusal) end
            made.print = function(...)
              local n = select('#', ...)
              local parts = {}
              for i = 1, n do parts[i] = tostring((select(i, ...))) end
              emit(concat(parts, "\\t"))
            end
            -- pairs with a defined order (Lua's own order of string keys
            -- changes from run to run): the keys of a plain table are listed
            -- once, when the loop starts: numbers ascending, then strings in
            -- byte order, then false and true, then other keys (tables,
            -- functions) in no defined order. A key whose value became nil
            -- meanwhile is skipped. A table with __pairs keeps its own order.
            local next, type, rawget, sort, error = G.next, G.type, G.rawget, G.table.sort, G.error
            local rank = { number = 1, string = 2, boolean = 3 }
            local function before(a, b)
              local ta, tb = type(a), type(b)
              if ta ~= tb then return (rank[ta] or 4) < (rank[tb] or 4) end
              if ta == "number" or ta == "string" then return a < b end
              if ta == "boolean" then return b and not a end
              return false
            end
            made.pairs = function(t)
              local own = metapairs(t)
              if own ~= nil then return own(t) end
              if type(t) ~= "table" then
                error("bad argument #1 to 'pairs' (table expected, got " .. type(t) .. ")", 2)
              end
              local keys, n = {}, 0
              for k in next, t do n = n + 1; keys[n] = k end
              sort(keys, before)
              local i = 0
              return function(tt)
                while i < n do
                  i = i + 1
                  local k = keys[i]
                  local v = rawget(tt, k)
                  if v ~= nil then return k, v end
                end
                return nil
              end, t, nil
            end
            return made
            """, chunkName: "=sandbox")
        cg_push_metapairs(state.L)
        let metapairs = LuaFunction(reference: LuaReference(poppingFrom: state))
        let emit = state.function("print") { [unowned self] call in
            let message = try call.argument(1, as: String.self)
            let position = call.position(level: 2)
            self.onPrint(message, position?.chunk, position?.line)
        }
        let takeSeed = state.function("math.random") { [unowned self] call in
            guard self.seedArmed else { return call.push(LuaValue.nil) }
            self.seedArmed = false
            call.push(self.seedForDraw())
        }
        guard case .table(let made)? = try setup.call(globals, emit, takeSeed, metapairs).first else {
            throw SandboxError("the sandbox's set-up code returned no table")
        }
        if case .function(let freeze) = made["freeze"] { freezer = freeze }
        if case .function(let freeze) = made["freeze_locals"] { localsFreezer = freeze }
        cg_open_sandbox_patterns(state.L)
        cg_open_sandbox_library(state.L)

        for name in policy.functions {
            base[name] = globals[name]
        }
        if policy.functions.contains("next") { base["next"] = made["next"] }
        if policy.functions.contains("pairs"), case .function(let sortedPairs) = made["pairs"] {
            base["pairs"] = .function(sortedPairs)
            sortedPairs.reference.push()
            cg_keep_sorted_pairs(state.L)
        }
        base["_VERSION"] = globals["_VERSION"]
        base["print"] = made["print"]
        cg_push_safe_setmetatable(state.L)
        base["setmetatable"] = .function(LuaFunction(reference: LuaReference(poppingFrom: state)))
        cg_push_safe_xpcall(state.L)
        base["xpcall"] = .function(LuaFunction(reference: LuaReference(poppingFrom: state)))

        for library in policy.libraries {
            guard case .table(let table) = globals[library] else { continue }
            base[library] = .table(table.readOnly(name: library))
        }
        if !policy.osFunctions.isEmpty, case .table(let os) = globals["os"] {
            let safe = state.newTable(fieldCapacity: policy.osFunctions.count)
            for name in policy.osFunctions where name != "date" {
                // Counted: what they return depends on the moment (LuaState.volatileCalls).
                guard case .function(let f) = os[name] else { safe[name] = os[name]; continue }
                f.reference.push()
                cg_push_counted(state.L)
                safe[name] = .function(LuaFunction(reference: LuaReference(poppingFrom: state)))
            }
            if policy.osFunctions.contains("date") {
                cg_push_bounded_date(state.L)
                safe["date"] = .function(LuaFunction(reference: LuaReference(poppingFrom: state)))
            }
            base["os"] = .table(safe.readOnly(name: "os"))
        }
        base["require"] = .function(state.function("require") { [unowned self] call in
            let name = try call.argument(1, as: String.self)
            call.push(try self.require(name))
        })
    }

    /// `require "lib.name"`: only modules under `<root>/lib/` (the
    /// policy's folder), text only, each loaded once per state.
    func require(_ name: String) throws -> LuaValue {
        onRequire?(name)
        if let cached = modules[name] { return cached }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        let valid = parts.count >= 2 && parts[0] == policy.moduleFolder && parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        }
        guard valid else {
            let folder = policy.moduleFolder, wording = policy.wording
            throw SandboxError("module '\(name)' not allowed: \(wording.scripts) may only require modules \"\(folder).<name>\" of the \(wording.moduleRoot)'s \(folder)/ folder")
        }
        let relative = parts.joined(separator: "/") + ".lua"
        guard let root = moduleRoot else {
            throw SandboxError("module '\(name)' not found: no \(policy.wording.moduleRoot)")
        }
        guard !loading.contains(name) else {
            throw SandboxError("module '\(name)' requires itself (circular require)")
        }
        let contents = moduleSources.map { $0[relative] } ?? FileManager.default.contents(atPath: root.appendingPathComponent(relative).path).map { Array($0) }
        guard let data = contents else {
            throw SandboxError("module '\(name)' not found: no file \(chunkPrefix)\(relative)")
        }
        loading.insert(name)
        defer { loading.remove(name) }
        let chunk: LuaFunction
        let env = environment()
        do {
            chunk = try load(Array(data), chunkName: chunkPrefix + relative, environment: env)
        } catch let error as LuaError {
            throw SandboxError("error loading module '\(name)': \(error.chunk == nil ? chunkPrefix + relative + ": " : "")\(error)")
        }
        let result = try chunk.call(name).first ?? .nil
        let value: LuaValue = result.isNil ? .bool(true) : result
        modules[name] = value
        if isFrozen {
            try freeze(env, "global")
            if case .table(let table) = value { try freeze(table, "module \"\(name)\"") }
        }
        return value
    }
}

/// The sandbox refused something (a forbidden module, a missing one).
public struct SandboxError: Error, Sendable, CustomStringConvertible {
    /// The message.
    public var description: String
    /// An error with this message.
    public init(_ description: String) { self.description = description }
}
