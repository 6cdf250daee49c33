import LuaKit

/// The Lua functions of one award, bound in one state.
final class AwardFunctions {
    var applies: LuaFunction?
    var checks: [LuaFunction?] = []
    var order: LuaFunction?
}

/// The Lua functions of one scoring, bound in one state.
final class ScoringFunctions {
    var applies: LuaFunction?
    var points: [LuaFunction?] = []
    var bonus: LuaFunction?
    var penalty: LuaFunction?
}
