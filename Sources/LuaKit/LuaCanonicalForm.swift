import CLua
import LuaGlue

/// The canonical bytes of Lua values: equal bytes for values that behave
/// alike, across states and processes. What a result cache keys rule
/// functions by.
///
/// - A Lua function: its bytecode with debug information (source name and
///   lines: a message or a printed line names them), then each upvalue's
///   value, recursively: a captured table by its contents and metatable, a
///   captured function by its own bytecode and upvalues.
/// - A table: its entries in a fixed order (keys by type then value; table
///   and function keys by their own canonical bytes), then its metatable.
/// - Strings, numbers (integers and floats apart, floats exactly), booleans.
/// - Values named in `known` (the sandbox's shared libraries and base
///   functions, fixed for a version of the engine) by their name only.
/// - A C function other than those: its upvalues only; userdata: a mark.
///
/// A value met again (shared or in a cycle) is written as a reference to
/// its first appearance, so cycles end and sharing is part of the form.
public final class LuaCanonicalForm {
    private let walker: LuaFunction

    /// A canonical form in `state`. `known` names values by path: tables are
    /// named with everything they hold and their metatables (`string.upper`),
    /// functions by name only (what they capture is the sandbox's own).
    public init(state: LuaState, known: [(name: String, value: LuaValue)]) throws {
        let make = try state.load(Self.source, chunkName: "=canonical", environment: state.globals)
        let names = state.newTable(arrayCapacity: known.count)
        let values = state.newTable(arrayCapacity: known.count)
        for (i, entry) in known.enumerated() {
            names[i + 1] = .string(entry.name)
            values[i + 1] = entry.value
        }
        clua_pushcfunction(state.L, cg_dump_function)
        let dump = LuaFunction(reference: LuaReference(poppingFrom: state))
        guard case .function(let walker)? = try make.call(LuaValue.function(dump), LuaValue.table(names), LuaValue.table(values)).first else {
            throw LuaError(kind: .runtime, message: "the canonical form did not build")
        }
        self.walker = walker
    }

    /// The canonical bytes of `values`, in order (nil included), as one sequence.
    public func bytes(of values: [LuaValue]) throws -> [UInt8] {
        let list = walker.state.newTable(arrayCapacity: values.count)
        for (i, value) in values.enumerated() { list[i + 1] = value }
        switch try walker.call(LuaValue.table(list), values.count).first {
        case .string(let text)?: return Array(text.utf8)
        case .bytes(let bytes)?: return bytes
        default: throw LuaError(kind: .runtime, message: "the canonical form returned no bytes")
        }
    }

    private static let source = """
        local dump, names, values = ...
        local getupvalue, getmetatable = debug.getupvalue, debug.getmetatable
        local type, next, mtype, format, concat, sort, tostring = type, next, math.type, string.format, table.concat, table.sort, tostring

        -- Names of the known values: tables with what they hold, functions by name.
        local known = {}
        local function name(v, path)
          if known[v] ~= nil then return end
          local t = type(v)
          if t ~= "table" and t ~= "function" and t ~= "userdata" then return end
          known[v] = path
          if t ~= "table" then return end
          local keys = {}
          for k in next, v do if type(k) == "string" then keys[#keys + 1] = k end end
          sort(keys)
          for _, k in ipairs(keys) do name(rawget(v, k), path .. "." .. k) end
          local mt = getmetatable(v)
          if mt ~= nil then name(mt, path .. "#") end
        end
        for i = 1, #names do name(values[i], names[i]) end

        local function primitive(v, t)
          if t == "nil" then return "n"
          elseif t == "boolean" then return v and "T" or "F"
          elseif t == "number" then
            if mtype(v) == "integer" then return "i" .. tostring(v) .. ";" end
            return "f" .. format("%a", v) .. ";"
          elseif t == "string" then return "s" .. #v .. ":" .. v
          end
        end

        local walk
        -- The canonical bytes of one value on its own (for sorting keys).
        local function alone(v)
          local out, seen = {}, { n = 0 }
          walk(v, out, seen)
          return concat(out)
        end

        function walk(v, out, seen)
          local t = type(v)
          local p = primitive(v, t)
          if p then out[#out + 1] = p return end
          local k = known[v]
          if k then out[#out + 1] = "k" .. #k .. ":" .. k return end
          local id = seen[v]
          if id then out[#out + 1] = "@" .. id .. ";" return end
          seen.n = seen.n + 1
          seen[v] = seen.n
          if t == "function" then
            local code = dump(v)
            if code then out[#out + 1] = "L" .. #code .. ":" .. code else out[#out + 1] = "C" end
            local i = 1
            while true do
              local _, value = getupvalue(v, i)
              if _ == nil then break end
              out[#out + 1] = "u"
              walk(value, out, seen)
              i = i + 1
            end
            out[#out + 1] = "e"
          elseif t == "table" then
            out[#out + 1] = "t"
            local keys, sortKeys = {}, {}
            for key in next, v do
              keys[#keys + 1] = key
              local kt = type(key)
              sortKeys[key] = primitive(key, kt) or ("~" .. alone(key))
            end
            sort(keys, function(a, b) return sortKeys[a] < sortKeys[b] end)
            for _, key in ipairs(keys) do
              walk(key, out, seen)
              walk(rawget(v, key), out, seen)
            end
            out[#out + 1] = "m"
            walk(getmetatable(v), out, seen)
            out[#out + 1] = "e"
          else
            out[#out + 1] = "U"
          end
        end

        return function(list, n)
          local out, seen = {}, { n = 0 }
          for i = 1, n do walk(list[i], out, seen) end
          return concat(out)
        end
        """
}
