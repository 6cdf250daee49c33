import CLua
import LuaGlue

/// One Lua 5.4 interpreter: owns its `lua_State`, closes it exactly once, and
/// enforces its `LuaLimits`.
///
/// A state is not thread-safe: use one per thread. Values that refer into the
/// state (`LuaTable`, `LuaFunction`) keep it alive.
public final class LuaState {
    let L: OpaquePointer
    let runtime: UnsafeMutablePointer<cg_runtime>
    /// The limits this state runs under.
    public let limits: LuaLimits
    /// Depth of Swift → Lua calls in progress (nested through closures).
    var callDepth = 0
    /// The error thrown by the last Swift closure, to hand back to Swift.
    var lastClosureError: (any Error)?
    /// The run's shared limits, once attached (kept alive while the state is).
    var account: LuaRunAccount?

    /// Creates a state with the standard libraries opened (not yet sandboxed).
    public init(limits: LuaLimits = .default) throws {
        _ = LuaClosureBox.trampolineInstalled
        self.limits = limits
        runtime = .allocate(capacity: 1)
        runtime.initialize(to: cg_runtime())
        runtime.pointee.limit = limits.memory.map { size_t(max(0, $0)) } ?? 0
        runtime.pointee.hook_count = Int32(max(1, limits.hookInterval))
        runtime.pointee.budget = limits.instructions.map(Int64.init) ?? -1
        runtime.pointee.call_budget = -1
        guard let state = cg_newstate(runtime) else {
            runtime.deallocate()
            throw LuaError(kind: .memory, message: "cannot create a Lua state")
        }
        L = state
        restartClock()
        luaL_openlibs(L)
        // The message handler stays at index 1 for calls from Swift's top level.
        lua_settop(L, 0)
        cg_push_msgh(L)
    }

    deinit {
        lua_close(L)
        runtime.deinitialize(count: 1)
        runtime.deallocate()
    }

    /// Starts the wall-clock limit anew from now.
    public func restartClock() {
        runtime.pointee.deadline = limits.seconds.map { cg_now() + $0 } ?? 0
    }

    /// Bytes currently allocated by Lua.
    public var memoryInUse: Int { Int(runtime.pointee.used) }
    /// Highest number of bytes allocated at once.
    public var peakMemory: Int { Int(runtime.pointee.peak) }
    /// Instructions counted so far (in steps of `limits.hookInterval`).
    public var instructionsExecuted: Int { Int(runtime.pointee.executed) }

    /// Calls of `os.time`, `os.clock` and `os.date` (in a sandbox) so far:
    /// what they return depends on when they are called.
    public var volatileCalls: Int { Int(runtime.pointee.volatile_calls) }
    /// Whether a limit or an interrupt has stopped this state.
    public var isTripped: Bool { runtime.pointee.tripped != 0 }

    /// Makes the state usable again after a `LuaInterrupt`. Limits that
    /// tripped cannot be cleared: a state that ran out stays stopped.
    public func clearInterrupt() {
        guard Int32(runtime.pointee.tripped) == Int32(CG_TRIP_HOST) else { return }
        cg_untrip(L)
    }

    /// Runs a full garbage collection.
    public func collectGarbage() {
        _ = clua_gc_collect(L)
    }

    // MARK: Protected calls

    /// Calls the function below `nargs` arguments on the stack; on success
    /// leaves `nresults` results, on failure throws and leaves the stack as
    /// it was before the function was pushed.
    func protectedCall(nargs: Int32, nresults: Int32) throws {
        let top = lua_gettop(L) - nargs - 1
        let outermost = callDepth == 0
        if outermost {
            runtime.pointee.call_budget = limits.instructionsPerCall.map(Int64.init) ?? -1
            lastClosureError = nil
        }
        callDepth += 1
        let status = outermost ? cg_pcall_with(L, nargs, nresults, 1) : cg_pcall(L, nargs, nresults)
        callDepth -= 1
        if outermost, let account, let cap = account.memory, account.memoryInUse > cap / 2 {
            _ = clua_gc_collect(L)
        } else if outermost, runtime.pointee.limit > 0, runtime.pointee.used > runtime.pointee.limit / 2 {
            // The cap refuses at once, so garbage must not be what reaches it.
            _ = clua_gc_collect(L)
        }
        if status == LUA_OK && runtime.pointee.tripped == 0 {
            return
        }
        let error = makeError(status: status)
        lua_settop(L, top)
        throw error
    }

    /// Builds the error for a failed call from the value on top of the stack.
    func makeError(status: Int32) -> LuaError {
        let tripped = Int32(runtime.pointee.tripped)
        let text = status == LUA_OK ? "" : (stringValue(at: -1) ?? "(error object is not a string)")
        var error: LuaError
        switch tripped {
        case Int32(CG_TRIP_INSTRUCTIONS), Int32(CG_TRIP_TIME), Int32(CG_TRIP_MEMORY), Int32(CG_TRIP_HOST):
            let kind: LuaError.Kind = switch tripped {
            case Int32(CG_TRIP_INSTRUCTIONS): .instructionLimit
            case Int32(CG_TRIP_TIME): .timeLimit
            case Int32(CG_TRIP_MEMORY): .memory
            default: .interrupted
            }
            cg_push_trip_message(L)
            error = LuaError(kind: kind, luaMessage: stringValue(at: -1) ?? kind.rawValue)
            lua_settop(L, -2)
            if let traceback = LuaError(kind: kind, luaMessage: text).traceback {
                error.traceback = traceback
            }
            if kind == .interrupted { error.underlying = lastClosureError }
        default:
            let kind: LuaError.Kind = switch status {
            case LUA_ERRSYNTAX: .syntax
            case LUA_ERRMEM: .memory
            default: .runtime
            }
            error = LuaError(kind: kind, luaMessage: text)
            error.underlying = lastClosureError
        }
        return error
    }
}
