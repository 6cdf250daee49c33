import Foundation
import Testing

/// Loops inside Lua's C library (table.move, table.insert, ...) through the
/// real `commend`: they end on the limits given on the command line, and
/// an output file appears whole or not at all, even after SIGKILL.
@Suite("Command line: limits inside the C library, and killed runs")
struct LibraryLoopTests {
    typealias CLI = CommandLineTests

    static func award(check body: String) -> String {
        """
        award "a" { subject = "member",
          criteria = { { id = "c", check = function(m)
            \(body)
          end } } }
        """
    }

    @Test func evaluateEndsALibraryLoopOnTheTimeout() throws {
        let rules = try CLI.folder(["plan.lua": CLI.plan, "a.lua": Self.award(check: "table.move({}, 1, 1 << 40, 2) return true")])
        let data = try CLI.folder(CLI.data)
        let run = try CLI.commend(["evaluate", "--rules", rules.path, "--data", data.path, "--phase", "dot1", "--jobs", "1",
                                   "--timeout", "1", "--max-instructions", "1000000000000000",
                                   "--max-call-instructions", "1000000000000000"])
        #expect(run.status == 1)
        #expect(run.err.contains("a.lua:3:"), "\(run.err)")
        #expect(run.err.contains("time limit exceeded"), "\(run.err)")
    }

    @Test func evaluateEndsAnInsertUnderAHugeLengthOnTheInstructionLimit() throws {
        let rules = try CLI.folder(["plan.lua": CLI.plan, "a.lua": Self.award(check: """
            table.insert(setmetatable({}, {__len = function() return 1 << 50 end}), 1, m.id) return true
            """)])
        let data = try CLI.folder(CLI.data)
        let run = try CLI.commend(["evaluate", "--rules", rules.path, "--data", data.path, "--phase", "dot1",
                                   "--max-call-instructions", "1000000"])
        #expect(run.status == 1)
        #expect(run.err.contains("a.lua:3:"), "\(run.err)")
        #expect(run.err.contains("instruction limit exceeded"), "\(run.err)")
    }

    /// At a file's top level, as `check` loads it.
    @Test func checkEndsALibraryLoopAtTopLevel() throws {
        let rules = try CLI.folder(["plan.lua": CLI.plan, "z.lua": "local t = {}\ntable.move(t, 1, 1 << 40, 2)\n"])
        let run = try CLI.commend(["check", "--rules", rules.path])
        #expect(run.status == 1)
        #expect(run.out.contains("z.lua:2:"), "\(run.out)")
        #expect(run.out.contains("instruction limit exceeded"), "\(run.out)")
    }

    /// The run is killed while its output file is open (after the first
    /// progress line, with a criterion that never ends): the output folder
    /// must hold nothing, not even a temporary file.
    @Test func aRunKilledWhileWritingLeavesNothing() throws {
        let rules = try CLI.folder(["plan.lua": CLI.plan, "a.lua": Self.award(check: "while true do end")])
        let data = try CLI.folder(CLI.data)
        let outFolder = try CLI.folder([:])
        try FileManager.default.createDirectory(at: outFolder, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["evaluate", "--rules", rules.path, "--data", data.path, "--phase", "dot1", "--jobs", "1",
                             "--timings", "--format", "json", "--out", outFolder.appendingPathComponent("result.json").path,
                             "--max-call-instructions", "1000000000000000", "--max-instructions", "1000000000000000"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The output is opened before evaluation starts; "indexed the data"
        // is the first progress line of the evaluation.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("indexed the data") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        let text = String(decoding: seen, as: UTF8.self)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(text.contains("indexed the data"), "\(text)")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outFolder.path) == [])
    }

    /// A failed run leaves nothing either, and a finished one replaces the
    /// file that was there.
    @Test func aFailedRunLeavesTheOldFileAndAGoodOneReplacesIt() throws {
        let rules = try CLI.folder(["plan.lua": CLI.plan, "a.lua": Self.award(check: "return m.initiatives > 0")])
        let bad = try CLI.folder(["plan.lua": CLI.plan, "a.lua": Self.award(check: "table.move({}, 1, 1 << 40, 2)")])
        let data = try CLI.folder(CLI.data)
        let outFolder = try CLI.folder(["result.json": "old"])
        let out = outFolder.appendingPathComponent("result.json")
        let failed = try CLI.commend(["evaluate", "--rules", bad.path, "--data", data.path, "--phase", "dot1",
                                      "--format", "json", "--out", out.path, "--max-call-instructions", "1000000"])
        #expect(failed.status == 1)
        #expect(try String(contentsOf: out, encoding: .utf8) == "old")
        let good = try CLI.commend(["evaluate", "--rules", rules.path, "--data", data.path, "--phase", "dot1",
                                    "--format", "json", "--out", out.path])
        #expect(good.status == 0, "\(good.err)")
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("{"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outFolder.path) == ["result.json"])
    }
}
