import Testing
@testable import LuaKit

final class DeinitFlag: @unchecked Sendable {
    var released = false
    final class Token { let flag: DeinitFlag; init(_ f: DeinitFlag) { flag = f }; deinit { flag.released = true } }
}

@Suite struct ReferenceTests {
    @Test func registryReferencesAreReleased() throws {
        let state = try LuaState()
        var slot: Int32
        do {
            let table = state.newTable()
            slot = table.reference.ref
        }
        // The freed registry slot is handed out again.
        let again = state.newTable()
        #expect(again.reference.ref == slot)
    }

    @Test func closureIsReleasedWhenLuaDropsIt() throws {
        let flag = DeinitFlag()
        let state = try LuaState()
        do {
            let token = DeinitFlag.Token(flag)
            _ = state.function("f") { _ in _ = token }
        }
        #expect(!flag.released)
        state.collectGarbage()
        #expect(flag.released)
    }

    @Test func closuresAreReleasedWhenTheStateCloses() throws {
        let flag = DeinitFlag()
        do {
            let state = try LuaState()
            let token = DeinitFlag.Token(flag)
            state.globals["keep"] = .function(state.function("f") { _ in _ = token })
        }
        #expect(flag.released)
    }
}
