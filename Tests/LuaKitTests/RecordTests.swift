import Testing
@testable import LuaKit

@Suite struct RecordTests {
    /// Two rows of (id, n, x, flag, s): every kind of value and nils.
    func rows() -> LuaRecordRows {
        var builder = LuaRecordRowsBuilder(fields: 5)
        builder.startRow()
        builder.add("DV01")
        builder.add(42)
        builder.add(2.5)
        builder.add(true)
        builder.add("Nguyễn\u{0}Văn A")
        builder.startRow()
        builder.add("DV02")
        builder.addNil()
        builder.add(-1.0)
        builder.add(false)
        builder.addNil()
        return builder.build()
    }

    /// Calls `source` (a function of one record) with the record of `row`.
    func call(_ source: String, row: Int) throws -> [LuaValue] {
        let box = try TestSandbox()
        let kind = LuaRecordKind(state: box.state, fields: ["id", "n", "x", "flag", "s"])
        let rows = rows()
        let function = try box.run("return " + source)[0]
        guard case .function(let f) = function else { throw LuaConversionError(expected: "function", found: function.typeName) }
        box.state.stack.pushRecord(kind, rows: rows, row: row)
        defer { box.state.stack.pop() }
        return try f.call(box.state.stack.topSlot)
    }

    @Test func fieldsAreDecodedWithTheirTypes() throws {
        #expect(try call("function(r) return r.id, r.n, r.x, r.flag, r.s, r.none, r[1] end", row: 0)
            == [.string("DV01"), .integer(42), .number(2.5), .bool(true), .string("Nguyễn\u{0}Văn A"), .nil, .nil])
        #expect(try call("function(r) return r.id, r.n, r.x, r.flag, r.s end", row: 1)
            == [.string("DV02"), .nil, .number(-1), .bool(false), .nil])
        #expect(try call("function(r) return math.type(r.n), math.type(r.x) end", row: 0)
            == [.string("integer"), .string("float")])
    }

    @Test func pairsListsTheFieldsThatAreNotNilInOrder() throws {
        let source = """
            function(r)
              local keys = {}
              for k, v in pairs(r) do keys[#keys + 1] = k .. "=" .. tostring(v) end
              return table.concat(keys, " ")
            end
            """
        #expect(try call(source, row: 1) == [.string("id=DV02 x=-1.0 flag=false")])
    }

    @Test func recordsAreReadOnlyAndOpaque() throws {
        for write in ["r.id = 'x'", "r.fresh = 1", "r[1] = 2"] {
            let result = try call("function(r) return pcall(function() \(write) end) end", row: 0)
            #expect(result.first == .bool(false), "\(write)")
            #expect(result.last?.description.contains("subjects are read-only") == true, "\(write)")
        }
        #expect(try call("function(r) return getmetatable(r), rawget(r, 'id'), next(r), type(r) end", row: 0)
            == [.bool(false), .nil, .nil, .string("table")])
        #expect(try call("function(r) return pcall(setmetatable, r, {}) end", row: 0).first == .bool(false))
    }
}

@Suite struct SequenceTests {
    func sequence(_ box: TestSandbox, gate: String?, parts: [String?], tails: [String?], needAll: Bool) throws -> LuaSequence {
        func function(_ source: String?) throws -> LuaFunction? {
            guard let source else { return nil }
            guard case .function(let f) = try box.run("return " + source)[0] else { return nil }
            return f
        }
        return LuaSequence(state: box.state, gate: try function(gate), parts: try parts.map(function),
                           tails: try tails.map(function), tailsNeedAllParts: needAll)
    }

    /// Calls with (a, b) and returns the results.
    func run(_ sequence: LuaSequence, _ box: TestSandbox, _ a: Int = 1, _ b: Int = 2) throws -> [LuaValue] {
        let stack = box.state.stack
        var values: [LuaValue] = []
        try stack.preserving {
            let first = stack.pushSlot(a), second = stack.pushSlot(b)
            try sequence.call(first, second) { values = $0.values }
        }
        return values
    }

    @Test func gatePartsAndTails() throws {
        let box = try TestSandbox()
        let s = try sequence(box, gate: "function(a, b) return a == 1 end",
                             parts: ["function(a, b) return a + b, 'sum' end", nil, "function(a, b) return false end"],
                             tails: ["function(a, b) return a * b end"], needAll: false)
        #expect(try run(s, box) == [.bool(true), .integer(3), .string("sum"), .nil, .nil, .bool(false), .nil, .integer(2), .nil])
        #expect(try run(s, box, 5) == [.bool(false)])
    }

    @Test func tailsCanWaitForEveryPart() throws {
        let box = try TestSandbox()
        let s = try sequence(box, gate: nil, parts: ["function(a) return a > 0 end"],
                             tails: ["function() return 7 end"], needAll: true)
        #expect(try run(s, box, 1) == [.bool(true), .bool(true), .nil, .integer(7), .nil])
        #expect(try run(s, box, -1) == [.bool(true), .bool(false), .nil])
    }

    @Test func anErrorNamesTheFunctionItCameFrom() throws {
        let box = try TestSandbox()
        let s = try sequence(box, gate: nil, parts: ["function() return true end", "function() error('boom') end"],
                             tails: [], needAll: false)
        do {
            _ = try run(s, box)
            Issue.record("expected an error")
        } catch let failure as LuaSequence.SequenceError {
            #expect(failure.step == .part(1))
            #expect((failure.error as? LuaError)?.message == "boom")
        }
        let gate = try sequence(box, gate: "function() error('no') end", parts: [], tails: [], needAll: false)
        #expect(throws: LuaSequence.SequenceError.self) { try run(gate, box) }
    }

    @Test func eachFunctionHasTheWholePerCallBudget() throws {
        let limits = LuaLimits(memory: 32 << 20, instructions: 50_000_000, instructionsPerCall: 200_000, seconds: 5)
        let box = try TestSandbox(limits: limits)
        // Each part spends most of one call's budget: together they would not fit in one.
        let spend = "function() local n = 0 for i = 1, 30000 do n = n + i end return true end"
        let s = try sequence(box, gate: nil, parts: [spend, spend, spend], tails: [], needAll: false)
        #expect(try run(s, box).count == 7)
        let loop = try sequence(box, gate: nil, parts: [spend, "function() while true do end end"], tails: [], needAll: false)
        do {
            _ = try run(loop, box)
            Issue.record("expected the instruction limit")
        } catch let failure as LuaSequence.SequenceError {
            #expect(failure.step == .part(1))
            #expect((failure.error as? LuaError)?.kind == .instructionLimit)
        }
    }
}
