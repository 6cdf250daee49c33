import Testing
@testable import LuaKit

@Suite struct StringCacheTests {
    @Test func givesTheSameTextsAsDecodingEveryTime() throws {
        let box = try TestSandbox()
        // Few slots, so that different strings share slots and replace each other.
        var cache = LuaStringCache(slots: 2, longest: 16)
        let values = try box.run("""
            return "xếp loại: tốt", "chưa xếp loại", "xếp loại: tốt", "a\\0b", "bad \\xff byte", "bad \\xff byte",
                   "a string longer than sixteen bytes", 42, true, "", "chưa xếp loại"
            """)
        let stack = box.state.stack
        var seen: [String?] = []
        for value in values {
            stack.push(value)
            seen.append(cache.string(at: -1, in: stack))
            stack.pop()
        }
        #expect(seen == ["xếp loại: tốt", "chưa xếp loại", "xếp loại: tốt", "a\u{0}b", "bad \u{FFFD} byte", "bad \u{FFFD} byte",
                         "a string longer than sixteen bytes", nil, nil, "", "chưa xếp loại"])
    }
}
