// The limits of every Lua state (memory, instructions, time) are part of the
// engine's API: an embedder and the command line reach them with
// `import Commend` alone.
@_exported import struct LuaKit.LuaLimits
