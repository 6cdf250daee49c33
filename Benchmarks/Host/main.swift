// `make bench`: the cost of calling a small Lua function with a table
// argument from Swift, against the same loop written in plain Lua and run by
// the lua5.4 interpreter.
import Foundation
import LuaKit

let calls = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 2_000_000
let function = "local function f(t) return t.a + t.b end"

/// A table `{a = i, b = 2}` pushed straight onto the stack.
struct Pair: LuaPushable {
    var a: Int
    func push(to stack: LuaStack) {
        stack.pushTable(fields: 2)
        stack.field("a", a)
        stack.field("b", 2)
    }
}

func swiftHost() throws -> Double {
    let state = try LuaState(limits: LuaLimits(memory: 256 << 20, instructions: nil, instructionsPerCall: nil, seconds: nil))
    let f = try state.load("\(function) return f", chunkName: "bench").call()
    guard case .function(let small) = f[0] else { fatalError("no function") }
    var sum = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for i in 1...calls {
        sum &+= try small.call(Pair(a: i), results: 1) { $0.integer(at: -1) ?? 0 }
    }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
    precondition(sum == calls * (calls + 1) / 2 + 2 * calls)
    return elapsed / Double(calls)
}

/// The evaluation's own path: the argument is a read-only record decoded
/// from rows encoded once, and the function is called through a sequence
/// (one protected call per subject for all of a declaration's functions).
func engineHost() throws -> Double {
    let state = try LuaState(limits: LuaLimits(memory: 256 << 20, instructions: nil, instructionsPerCall: nil, seconds: nil))
    let f = try state.load("\(function) return f", chunkName: "bench").call()
    guard case .function(let small) = f[0] else { fatalError("no function") }
    var builder = LuaRecordRowsBuilder(fields: 2, rowsCapacity: calls)
    for i in 1...calls {
        builder.startRow()
        builder.add(i)
        builder.add(2)
    }
    let rows = builder.build()
    let kind = LuaRecordKind(state: state, fields: ["a", "b"])
    let sequence = LuaSequence(state: state, gate: nil, parts: [small], tails: [], tailsNeedAllParts: false)
    let stack = state.stack
    let context = stack.pushSlot(0)
    var sum = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for i in 0..<calls {
        try stack.preserving {
            stack.pushRecord(kind, rows: rows, row: i)
            try sequence.call(stack.topSlot, context) { sum &+= $0.result(.part(0)).integer ?? 0 }
        }
    }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
    precondition(sum == calls * (calls + 1) / 2 + 2 * calls)
    return elapsed / Double(calls)
}

func plainLua() throws -> Double {
    let script = """
        \(function)
        local s, n = 0, \(calls)
        local start = os.clock()
        for i = 1, n do s = s + f({a = i, b = 2}) end
        io.write(string.format("%.3f", (os.clock() - start) * 1e9 / n))
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["lua5.4", "-e", script]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    process.waitUntilExit()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    guard let ns = Double(text) else { fatalError("lua5.4 printed \(text)") }
    return ns
}

var host: [Double] = []
var engine: [Double] = []
var lua: [Double] = []
for _ in 0..<5 {
    host.append(try swiftHost())
    engine.append(try engineHost())
    lua.append(try plainLua())
}
let bestHost = host.min()!, bestEngine = engine.min()!, bestLua = lua.min()!
print("calls per run: \(calls), best of 5")
print(String(format: "Swift host (LuaKit, limits on): %7.1f ns/call", bestHost))
print(String(format: "engine path (record, sequence): %7.1f ns/call", bestEngine))
print(String(format: "plain lua5.4 loop:              %7.1f ns/call", bestLua))
print(String(format: "host / plain Lua:               %7.2fx (%+.0f%%)", bestHost / bestLua, (bestHost / bestLua - 1) * 100))
print(String(format: "engine path / plain Lua:        %7.2fx (%+.0f%%)", bestEngine / bestLua, (bestEngine / bestLua - 1) * 100))
