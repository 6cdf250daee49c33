import CLua
import LuaGlue

/// A Swift function callable from Lua. It reads its arguments and pushes its
/// results through `LuaCall`; a thrown error becomes a Lua error (positioned at
/// the calling line), a thrown `LuaInterrupt` stops the whole run.
public typealias LuaClosure = (inout LuaCall) throws -> Void

/// The arguments and results of one call from Lua into a Swift closure.
public struct LuaCall {
    unowned(unsafe) let state: LuaState
    /// The name the function is known by, for error messages.
    public let name: String
    /// How many arguments Lua passed.
    public let argumentCount: Int32
    var resultCount: Int32 = 0

    /// The stack of the call (arguments, then what the closure pushes).
    public var stack: LuaStack { LuaStack(state: state) }

    /// Argument `i` (1-based) as a `LuaValue`; `.nil` past the end.
    public func value(_ i: Int32) -> LuaValue { i <= argumentCount ? state.value(at: i) : .nil }

    /// Argument `i` converted to `T`, or an error "bad argument #i to 'name' (T expected, got X)".
    /// Calls `body` with the UTF-8 bytes of string argument `i`, read in
    /// place: no Swift string is made. Other arguments are read as
    /// `argument(i, as: String.self)` would (a number as its text, anything
    /// else an error).
    public func withStringArgument<R>(_ i: Int32, _ body: (LuaBorrowedString) throws -> R) throws -> R {
        if i <= argumentCount, lua_type(state.L, i) == LUA_TSTRING {
            var length = 0
            let pointer = UnsafeRawPointer(lua_tolstring(state.L, i, &length)!)
            return try body(LuaBorrowedString(bytes: UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: length)))
        }
        var text = try argument(i, as: String.self)
        return try text.withUTF8 { try body(LuaBorrowedString(bytes: $0)) }
    }

    /// Argument `i` (1-based) as `T`.
    /// - Throws: `LuaArgumentError` when it has another type.
    public func argument<T: LuaReadable>(_ i: Int32, as type: T.Type = T.self) throws -> T {
        do {
            if i > argumentCount, T.self != LuaValue.self {
                lua_pushnil(state.L)
                defer { state.pop() }
                return try T.read(from: stack, at: -1)
            }
            return try T.read(from: stack, at: i)
        } catch {
            throw LuaArgumentError(index: Int(i), function: name, problem: error.description)
        }
    }

    /// Adds one result.
    public mutating func push<T: LuaPushable>(_ value: T) {
        value.push(to: stack)
        resultCount += 1
    }

    /// Adds `count` results that the caller pushed on the stack itself.
    public mutating func pushed(_ count: Int32) { resultCount += count }
}

/// "bad argument #2 to 'f' (string expected, got nil)", as Lua words it.
public struct LuaArgumentError: Error, Sendable, CustomStringConvertible {
    /// The 1-based index of the argument.
    public var index: Int
    /// The function's name as Lua code calls it.
    public var function: String
    /// What is wrong with the argument.
    public var problem: String
    /// Lua's own wording: `bad argument #i to 'f' (problem)`.
    public var description: String { "bad argument #\(index) to '\(function)' (\(problem))" }
}

final class LuaClosureBox {
    unowned(unsafe) let state: LuaState
    let name: String
    let body: LuaClosure

    init(state: LuaState, name: String, body: @escaping LuaClosure) {
        self.state = state
        self.name = name
        self.body = body
    }

    /// Hands the trampoline's Swift side to LuaGlue, once per process.
    static let trampolineInstalled: Void = cg_install(dispatch, release)

    private static let release: cg_release_fn = { box in
        guard let box else { return }
        Unmanaged<LuaClosureBox>.fromOpaque(box).release()
    }

    private static let dispatch: cg_dispatch_fn = { L, pointer in
        let box = Unmanaged<LuaClosureBox>.fromOpaque(pointer!).takeUnretainedValue()
        let state = box.state
        var call = LuaCall(state: state, name: box.name, argumentCount: lua_gettop(L))
        do {
            try box.body(&call)
            return call.resultCount
        } catch let interrupt as LuaInterrupt {
            state.lastClosureError = interrupt
            cg_trip(L, Int32(CG_TRIP_HOST), interrupt.message)
            return -2
        } catch let error as LuaError {
            state.lastClosureError = error
            state.pushString(error.description)
            return -1
        } catch {
            state.lastClosureError = error
            // Positioned at the nearest Lua line, also when called through pcall.
            let prefix = call.position(level: 1).map { "\($0.chunk):\($0.line): " } ?? ""
            state.pushString(prefix + String(describing: error))
            return -1
        }
    }
}

extension LuaState {
    /// Wraps a Swift closure as a Lua function. The closure lives as long as
    /// Lua holds the function (a userdata with `__gc` keeps it).
    public func function(_ name: String, _ body: @escaping LuaClosure) -> LuaFunction {
        let box = LuaClosureBox(state: self, name: name, body: body)
        cg_push_closure(L, Unmanaged.passRetained(box).toOpaque())
        return LuaFunction(reference: LuaReference(poppingFrom: self))
    }
}

