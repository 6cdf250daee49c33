import CLua
import LuaGlue

extension LuaState {
    /// Compiles a text chunk (binary chunks are refused) and returns it as a
    /// function. `chunkName` is how messages name it (`scripts/main.lua`); with
    /// `environment`, the chunk's `_ENV` is that table instead of the globals.
    public func load(_ source: [UInt8], chunkName: String, environment: LuaTable? = nil) throws -> LuaFunction {
        let source = source.isEmpty ? [UInt8(ascii: "\n")] : source
        let status = source.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                cg_load(L, $0.baseAddress!, $0.count, "@" + chunkName)
            }
        }
        guard status == LUA_OK else {
            let error = makeError(status: status)
            pop()
            throw error
        }
        if let environment {
            environment.reference.push()
            _ = lua_setupvalue(L, -2, 1)
        }
        return LuaFunction(reference: LuaReference(poppingFrom: self))
    }

    /// Compiles a text chunk given as a string.
    public func load(_ source: String, chunkName: String, environment: LuaTable? = nil) throws -> LuaFunction {
        try load(Array(source.utf8), chunkName: chunkName, environment: environment)
    }
}

extension LuaCall {
    /// The chunk and line of the Lua code `level` frames up from this closure
    /// (1: the caller of the closure), skipping frames without a line.
    public func position(level: Int32 = 1) -> (chunk: String, line: Int)? {
        var record = lua_Debug()
        var level = level
        while lua_getstack(state.L, level, &record) != 0 {
            lua_getinfo(state.L, "Sl", &record)
            if record.currentline > 0 {
                let chunk = withUnsafeBytes(of: record.short_src) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                return (chunk, Int(record.currentline))
            }
            level += 1
        }
        return nil
    }
}
