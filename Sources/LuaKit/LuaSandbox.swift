import CLua
import Foundation
import LuaGlue

/// What scripts in a sandbox may reach; the host decides (LuaKit has no
/// list of its own).
public struct LuaSandboxPolicy: Sendable, Hashable {
    /// Base functions given as they are (`pairs`, `tostring`, ...).
    /// `print`, `setmetatable`, `xpcall` and `require` are not among them:
    /// the sandbox gives safe versions of its own.
    public var functions: [String]
    /// Standard libraries given as read-only tables (`string` always
    /// without `dump`, its pattern functions held to the limits).
    public var libraries: [String]
    /// The functions of `os` given, as a read-only `os` table (none: no `os`).
    public var osFunctions: [String]
    /// The folder under the module root whose modules `require` loads, as
    /// `require "<folder>.<name>"`.
    public var moduleFolder: String

    public init(functions: [String], libraries: [String], osFunctions: [String], moduleFolder: String) {
        self.functions = functions
        self.libraries = libraries
        self.osFunctions = osFunctions
        self.moduleFolder = moduleFolder
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
    public let state: LuaState
    /// The shared base environment. Scripts cannot reach it; the host adds
    /// its own globals with `define`.
    public let base: LuaTable
    /// The folder whose `lib/` holds the modules `require` may load.
    public let moduleRoot: URL?
    /// Prefix of the chunk names of modules (for example `rules/`).
    public let chunkPrefix: String
    /// Module sources by path relative to the root (`lib/x.lua`); when set,
    /// `require` reads from here instead of the disk, so a loaded rule set
    /// stays the same whatever happens to its files later.
    public var moduleSources: [String: [UInt8]]?
    /// Receives what scripts print, with the position of the `print` call.
    public var onPrint: (_ message: String, _ chunk: String?, _ line: Int?) -> Void = { _, _, _ in }
    /// What the sandbox allows.
    public let policy: LuaSandboxPolicy
    /// The seed of the first draw of `math.random` after `seedAtNextDraw()`.
    public var seedForDraw: () -> Int = { 0 }

    private let environmentMetatable: LuaTable
    /// Whether the next draw of `math.random` seeds the generator first.
    private var seedArmed = false
    private var modules: [String: LuaValue] = [:]
    private var loading: Set<String> = []

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

    /// Adds a global that every chunk sees (host functions such as `award`).
    public func define(_ name: String, _ value: LuaValue) {
        base[name] = value
    }

    /// Makes the next draw of `math.random` seed the generator with
    /// `seedForDraw()` first, unless the script seeds it itself before: what
    /// a script draws then depends on that seed only (for example one seed
    /// per subject, whatever thread evaluates it), and a script that draws
    /// nothing costs nothing, however it reaches `math.random`.
    public func seedAtNextDraw() {
        seedArmed = true
    }

    /// A fresh `_ENV` for one chunk: its own globals, reads fall back to the base.
    public func environment() -> LuaTable {
        let env = state.newTable()
        env.metatable = environmentMetatable
        return env
    }

    /// Loads a text chunk with its own environment.
    public func load(_ source: [UInt8], chunkName: String, environment: LuaTable? = nil) throws -> LuaFunction {
        try state.load(source, chunkName: chunkName, environment: environment ?? self.environment())
    }

    // MARK: Building

    private func build() throws {
        let globals = state.globals
        // Trusted set-up code: runs with the real globals, before any script.
        // Trusted set-up code, given the host's helpers as arguments;
        // returns the sandbox's print.
        let setup = try state.load("""
            local G, emit, take_seed = ...
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
            return function(...)
              local n = select('#', ...)
              local parts = {}
              for i = 1, n do parts[i] = tostring((select(i, ...))) end
              emit(concat(parts, "\\t"))
            end
            """, chunkName: "=sandbox")
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
        let print = try setup.call(globals, emit, takeSeed).first ?? .nil
        cg_open_sandbox_patterns(state.L)

        for name in policy.functions {
            base[name] = globals[name]
        }
        base["_VERSION"] = globals["_VERSION"]
        base["print"] = print
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
            for name in policy.osFunctions { safe[name] = os[name] }
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
        if let cached = modules[name] { return cached }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        let valid = parts.count >= 2 && parts[0] == policy.moduleFolder && parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        }
        guard valid else {
            throw SandboxError("module '\(name)' not allowed: rule scripts may only require modules \"\(policy.moduleFolder).<name>\" of the rules directory's \(policy.moduleFolder)/ folder")
        }
        let relative = parts.joined(separator: "/") + ".lua"
        guard let root = moduleRoot else {
            throw SandboxError("module '\(name)' not found: no rules directory")
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
        do {
            chunk = try load(Array(data), chunkName: chunkPrefix + relative)
        } catch let error as LuaError {
            throw SandboxError("error loading module '\(name)': \(error.chunk == nil ? chunkPrefix + relative + ": " : "")\(error)")
        }
        let result = try chunk.call(name).first ?? .nil
        let value: LuaValue = result.isNil ? .bool(true) : result
        modules[name] = value
        return value
    }
}

/// A sandbox rule was broken (a forbidden module, a missing one).
public struct SandboxError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
