import Testing
@testable import LuaKit

@Suite struct ValueTests {
    let state: LuaState
    let identity: LuaFunction

    init() throws {
        state = try LuaState()
        identity = try state.load("return ...", chunkName: "identity")
    }

    static func scalars() -> [LuaValue] { [
        LuaValue.nil, .bool(true), .bool(false), .integer(0), .integer(-7), .integer(Int.max), .integer(Int.min),
        .number(0.5), .number(-1e300), .number(3.0), .string(""), .string("Lao động giỏi"),
        .string("a\u{0}b"), .bytes([0xff, 0x00, 0xfe]),
    ] }

    @Test(arguments: 0..<14)
    func scalarRoundTrip(index: Int) throws {
        let value = Self.scalars()[index]
        let back = try identity.call(value)
        #expect(back.count == 1)
        #expect(back[0] == value)
        // Integers and floats stay apart: 3.0 is a float, 3 an integer.
        if case .number = value { if case .integer = back[0] { Issue.record("float came back as integer") } }
        if case .integer = value { if case .number = back[0] { Issue.record("integer came back as float") } }
    }

    @Test func integerAndFloatAreDistinctInLua() throws {
        let typeOf = try state.load("return math.type(...)", chunkName: "t")
        #expect(try typeOf.call(3) == [.string("integer")])
        #expect(try typeOf.call(3.0) == [.string("float")])
    }

    @Test func arraysMapsAndNestedTables() throws {
        let make = try state.load("return {1, 2.5, 'x', {a = true, b = {10, 20}}}", chunkName: "t")
        guard case .table(let table) = try make.call()[0] else { Issue.record("not a table"); return }
        #expect(table.count == 4)
        #expect(table[1] == .integer(1))
        #expect(table[2] == .number(2.5))
        #expect(table[3] == .string("x"))
        guard case .table(let inner) = table[4], case .table(let list) = inner["b"] else { Issue.record("nested"); return }
        #expect(inner["a"] == .bool(true))
        #expect(list.array == [.integer(10), .integer(20)])
    }

    @Test func swiftCollectionsCrossTheBoundary() throws {
        let sum = try state.load("local t, m = ... local s = 0 for _, v in ipairs(t) do s = s + v end return s, m.x .. m.y", chunkName: "t")
        let results = try sum.call([1, 2, 3, 4], ["x": "a", "y": "b"])
        #expect(results == [.integer(10), .string("ab")])

        let back = try state.load("return {3, 4}, {k = 'v'}", chunkName: "t")
        let (list, map) = try back.call(results: 2) { stack in
            (try [Int].read(from: stack, at: -2), try [String: String].read(from: stack, at: -1))
        }
        #expect(list == [3, 4])
        #expect(map == ["k": "v"])
    }

    @Test func conversionErrorsNameTheTypes() throws {
        let f = try state.load("return 'x'", chunkName: "t")
        #expect(throws: LuaConversionError.self) {
            _ = try f.call(results: 1) { try Int.read(from: $0, at: -1) }
        }
        let g = try state.load("return 1.5", chunkName: "t")
        do {
            _ = try g.call(results: 1) { try Int.read(from: $0, at: -1) }
            Issue.record("expected an error")
        } catch let error as LuaConversionError {
            #expect(error.description == "integer expected, got number with a fractional part")
        }
    }

    @Test func tablesWrittenFromSwiftAreSeenByLua() throws {
        let table = state.newTable()
        table["name"] = .string("CĐCS A")
        table[1] = .integer(42)
        let read = try state.load("local t = ... return t.name, t[1], #t", chunkName: "t")
        #expect(try read.call(table) == [.string("CĐCS A"), .integer(42), .integer(1)])
    }
}
