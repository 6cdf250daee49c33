import Testing
@testable import LuaKit

/// `LuaLookup`: f(name, id) answered in C from published columns.
@Suite struct LookupTests {
    /// Rows whose first field is the id: R1, R2, R3 (R2 twice: the first wins).
    func rows() -> LuaRecordRows {
        var builder = LuaRecordRowsBuilder(fields: 2)
        for (id, n) in [("R1", 1), ("R2", 2), ("R3", 3), ("R2", 4)] {
            builder.startRow()
            builder.add(id)
            builder.add(n)
        }
        return builder.build()
    }

    /// A sandbox with `f` = a lookup over columns "a", "b" and "a" again,
    /// whose fallback returns "fallback <name>".
    func lookup(missingIsFalse: Bool, hint: LuaLookupHint? = nil) throws -> (TestSandbox, LuaLookup) {
        let box = try TestSandbox()
        let fallback = box.state.function("f") { call in
            call.push("fallback " + (try call.argument(1, as: String.self)))
        }
        let lookup = LuaLookup(state: box.state, names: ["a", "b", "a"], missingIsFalse: missingIsFalse,
                               hint: hint, fallback: fallback)
        return (box, lookup)
    }

    /// Runs `body` (Lua statements ending in `return`) with `f` the lookup.
    func ask(_ box: TestSandbox, _ lookup: LuaLookup, _ body: String) throws -> [LuaValue] {
        guard case .function(let run) = try box.run("return function(f) \(body) end")[0] else { return [] }
        return try run.call(LuaValue.function(lookup.function))
    }

    @Test func theIndexFindsTheFirstRowOfEachId() {
        let index = LuaRowIndex(rows())
        #expect(index.row(of: "R1") == 0)
        #expect(index.row(of: "R2") == 1)
        #expect(index.row(of: "R3") == 2)
        #expect(index.row(of: "R4") == nil)
        #expect(index.row(of: "") == nil)
    }

    @Test func unpublishedColumnsAndUnknownNamesGoToTheFallback() throws {
        let (box, lookup) = try lookup(missingIsFalse: true)
        #expect(try ask(box, lookup, "return f('a', 'R1'), f('zz', 'R1'), f('a', 1), f('a')")
            == [.string("fallback a"), .string("fallback zz"), .string("fallback a"), .string("fallback a")])
    }

    @Test func publishedColumnsAreReadInC() throws {
        let index = LuaRowIndex(rows())
        let (box, lookup) = try lookup(missingIsFalse: true)
        lookup.publish(.flags([true, nil, false, true], index: index), at: 0)
        // R2's value is nil: the default (false); R9 is unknown: the default too.
        #expect(try ask(box, lookup, "return f('a', 'R1'), f('a', 'R2'), f('a', 'R3'), f('a', 'R9')")
            == [.bool(true), .bool(false), .bool(false), .bool(false)])
        #expect(lookup.takeReads() == [0])
        #expect(lookup.takeReads() == [])
        // "b" is still unpublished; a column published as nothing reads the default.
        #expect(try ask(box, lookup, "return f('b', 'R1')") == [.string("fallback b")])
        lookup.publish(nil, at: 1)
        #expect(try ask(box, lookup, "return f('b', 'R1')") == [.bool(false)])
    }

    @Test func numbersIntegersAndLabelsWithNilAsNil() throws {
        let index = LuaRowIndex(rows())
        let (box, lookup) = try lookup(missingIsFalse: false)
        lookup.publish(.numbers([1.5, nil, -0.25, 0], index: index), at: 0)
        lookup.publish(.labels(["Tốt", nil, "Tốt", "Khá"], index: index), at: 1)
        #expect(try ask(box, lookup, "return f('a', 'R1'), f('a', 'R2'), f('a', 'R3'), f('a', 'R9')")
            == [.number(1.5), .nil, .number(-0.25), .nil])
        #expect(try ask(box, lookup, "return f('b', 'R1'), f('b', 'R2'), f('b', 'R3')") == [.string("Tốt"), .nil, .string("Tốt")])
        lookup.publish(.integers([7, nil, Int(Int32.max) + 1, 0], index: index), at: 0)
        #expect(try ask(box, lookup, "return f('a', 'R1'), math.type(f('a', 'R1')), f('a', 'R2'), f('a', 'R3')")
            == [.integer(7), .string("integer"), .nil, .integer(Int(Int32.max) + 1)])
    }

    @Test func theHintIsOnlyAShortcut() throws {
        let index = LuaRowIndex(rows())
        let hint = LuaLookupHint()
        let (box, lookup) = try lookup(missingIsFalse: true, hint: hint)
        lookup.publish(.flags([true, false, true, false], index: index), at: 0)
        hint.point(at: index, row: 1)
        // The hinted row (R2) and any other row read the same as without a hint.
        #expect(try ask(box, lookup, "return f('a', 'R2'), f('a', 'R1'), f('a', 'R3')") == [.bool(false), .bool(true), .bool(true)])
        hint.point(at: nil, row: 0)
        #expect(try ask(box, lookup, "return f('a', 'R2'), f('a', 'R1')") == [.bool(false), .bool(true)])
    }
}
