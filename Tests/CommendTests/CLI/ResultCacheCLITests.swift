import CommendTestSupport
import Foundation
import Testing

/// `commend evaluate` with the result cache: the same bytes as without it,
/// and only what an edit changed evaluated again (what `--timings` reports).
@Suite("Command line: the result cache")
struct ResultCacheCLITests {
    static let plan = """
        plan { id = "p", name = "P", year = 2021,
          phases = { { id = "dot1", name = "Đợt 1", from = "2021-01-01", to = "2021-06-30" } },
          fields = { members = { initiatives = "int", rating = "string" }, units = { score = "number" } } }
        """
    /// a1 uses lib/diem.lua (captured at the top of the file); a2 is plain;
    /// a3 reads a2 through ctx and prints; a4 requires lib/lazy.lua while
    /// evaluating; a5 calls a global function of its file; q has a quota
    /// counted on a2; s scores units.
    static let awards = """
        local diem = require "lib.diem"
        function la_tot(m) return m.rating == "tot" end
        award "a1" { name = "A1", subject = "member",
          criteria = { { id = "sk", text = "Sáng kiến", check = function(m) return diem.du(m.initiatives) end } } }
        award "a2" { name = "A2", subject = "member",
          criteria = { { id = "xl", text = "Xếp loại", check = function(m) return m.rating == "tot", m.rating end } } }
        award "a3" { name = "A3", subject = "member",
          criteria = { { id = "a2", text = "Đạt A2", check = function(m, ctx)
            print("a3 " .. m.id)
            return ctx.awarded("a2", m.id) end } } }
        award "a4" { name = "A4", subject = "member",
          criteria = { { id = "lazy", text = "Lazy", check = function(m) return require("lib.lazy").ok(m.initiatives) end } } }
        award "a5" { name = "A5", subject = "member",
          criteria = { { id = "g", text = "Global", check = function(m) return la_tot(m) end } } }
        award "q" { name = "Q", subject = "member",
          criteria = { { id = "c", text = "C", check = function(m) return true end } },
          quota = { share = 0.5, base = "a2", order = function(m) return m.initiatives end } }
        """
    static let scoring = """
        scoring "s" { name = "S", subject = "unit",
          items = { { id = "d", text = "Điểm", max = 10, points = function(u) return u.score end } } }
        """
    static let rules = [
        "plan.lua": plan, "awards.lua": awards, "scoring.lua": scoring,
        "lib/diem.lua": "local M = {}\nfunction M.du(n) return n >= 2 end\nreturn M\n",
        "lib/lazy.lua": "local M = {}\nfunction M.ok(n) return n >= 1 end\nreturn M\n",
    ]
    static let data = [
        "units.csv": "id,name,kind,parent,cluster,score\nU1,CĐCS A,cdcs,,C1,7\nU2,CĐCS B,cdcs,,C1,9\n",
        "members.csv": "id,name,unit,initiatives,rating\nM1,An,U1,2,tot\nM2,Bình,U1,0,kha\nM3,Chi,U2,1,tot\nM4,Dũng,U2,3,tot\n",
    ]
    static let all = ["award:a1", "award:a2", "award:a3", "award:a4", "award:a5", "award:q", "scoring:s"]

    /// A folder holding `rules/`, `data/` and the cache folder `cache/`.
    struct Setup {
        var root: URL
        var rules: URL { root.appendingPathComponent("rules") }
        var data: URL { root.appendingPathComponent("data") }
        var cache: URL { root.appendingPathComponent("cache") }

        init() throws {
            var files: [String: String] = [:]
            for (path, text) in ResultCacheCLITests.rules { files["rules/" + path] = text }
            for (path, text) in ResultCacheCLITests.data { files["data/" + path] = text }
            root = try TemporaryFolder.make("cache", files)
        }

        func edit(_ path: String, _ old: String, _ new: String) throws {
            let url = root.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(old), "\(path) lacks \(old)")
            try TemporaryFolder.write(text.replacingOccurrences(of: old, with: new), to: url)
        }

        /// Evaluates with the cache (or without); the output and the awards
        /// and scorings evaluated (nil without the cache).
        func evaluate(format: String = "json", cache: Bool = true) throws -> (out: Data, evaluated: [String]?) {
            let run = try CommendProcess.run(["evaluate", "--rules", rules.path, "--data", data.path, "--phase", "dot1",
                                              "--format", format, "--timings", "--jobs", "2"]
                                             + (cache ? ["--cache", self.cache.path] : ["--no-cache"]))
            #expect(run.status == 0, "\(run.err)")
            guard let line = run.err.split(separator: "\n").first(where: { $0.hasPrefix("  cache: ") }) else {
                return (run.out, nil)
            }
            // "  cache: 6 reused, 1 evaluated (award:a2)"
            guard let open = line.firstIndex(of: "(") else { return (run.out, []) }
            let names = line[line.index(after: open)..<line.index(before: line.endIndex)]
            return (run.out, names.components(separatedBy: ", "))
        }

        var entries: [URL] {
            let walker = FileManager.default.enumerator(at: cache, includingPropertiesForKeys: nil)
            return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "entry" }
        }
    }

    @Test func aSecondRunReusesEveryResultAndWritesTheSameBytes() throws {
        let setup = try Setup()
        let cold = try setup.evaluate()
        #expect(cold.evaluated == Self.all)
        let warm = try setup.evaluate()
        #expect(warm.evaluated == [])
        #expect(warm.out == cold.out)
        #expect(try setup.evaluate(cache: false).out == cold.out)
        // The printed lines of a3 (one per member) are part of the reused result.
        let json = try #require(try JSONSerialization.jsonObject(with: warm.out) as? [String: Any])
        let printed = (json["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        #expect(printed == ["a3 M1", "a3 M2", "a3 M3", "a3 M4"])
        for format in ["table", "csv"] {
            let first = try setup.evaluate(format: format)
            #expect(first.evaluated == [])
            #expect(first.out == (try setup.evaluate(format: format, cache: false)).out)
        }
        #expect(setup.entries.count == Self.all.count)
    }

    @Test func changingOneCriterionEvaluatesThatAwardAndWhatReadsIt() throws {
        let setup = try Setup()
        _ = try setup.evaluate()
        try setup.edit("rules/awards.lua", #"return m.rating == "tot", m.rating"#, #"return m.rating ~= "kha", m.rating"#)
        let changed = try setup.evaluate()
        // a3 reads a2 through ctx.awarded; q's quota counts a2's holders.
        #expect(changed.evaluated == ["award:a2", "award:a3", "award:q"])
        #expect(changed.out == (try setup.evaluate(cache: false)).out)
    }

    @Test func aReaderIsEvaluatedAgainWhenWhatItReadChangedThoughItsCodeDidNot() throws {
        let setup = try Setup()
        _ = try setup.evaluate()
        // a2 now also passes M2 (rating "kha"): a3, whose code is the same, must say so.
        try setup.edit("rules/awards.lua", #"return m.rating == "tot", m.rating"#, #"return m.rating ~= nil, m.rating"#)
        let changed = try setup.evaluate()
        #expect(changed.evaluated?.contains("award:a3") == true)
        let json = try #require(try JSONSerialization.jsonObject(with: changed.out) as? [String: Any])
        let awards = try #require(json["awards"] as? [[String: Any]])
        let a3 = try #require(awards.first { $0["id"] as? String == "a3" }?["results"] as? [[String: Any]])
        #expect(a3.map { $0["awarded"] as? Bool } == [true, true, true, true])
    }

    @Test func changingALibModuleEvaluatesTheDeclarationsThatUseIt() throws {
        let setup = try Setup()
        _ = try setup.evaluate()
        try setup.edit("rules/lib/diem.lua", "n >= 2", "n >= 1")
        let captured = try setup.evaluate()
        #expect(captured.evaluated == ["award:a1"])
        #expect(captured.out == (try setup.evaluate(cache: false)).out)
        // Required while evaluating, not captured: recorded as a read.
        try setup.edit("rules/lib/lazy.lua", "n >= 1", "n >= 3")
        let lazy = try setup.evaluate()
        #expect(lazy.evaluated == ["award:a4"])
        #expect(lazy.out == (try setup.evaluate(cache: false)).out)
    }

    @Test func changingAGlobalFunctionOfTheFileEvaluatesItsCallers() throws {
        let setup = try Setup()
        _ = try setup.evaluate()
        // la_tot is a global of awards.lua: a5 reaches it through _ENV.
        try setup.edit("rules/awards.lua", #"function la_tot(m) return m.rating == "tot" end"#,
                       #"function la_tot(m) return m.rating == "kha" end"#)
        let changed = try setup.evaluate()
        #expect(changed.evaluated?.contains("award:a5") == true)
        #expect(changed.evaluated?.contains("award:a2") == false)
        #expect(changed.out == (try setup.evaluate(cache: false)).out)
    }

    @Test func changingOneDataFileEvaluatesEverything() throws {
        let setup = try Setup()
        _ = try setup.evaluate()
        try setup.edit("data/units.csv", "U1,CĐCS A,cdcs,,C1,7", "U1,CĐCS A,cdcs,,C1,8")
        let changed = try setup.evaluate()
        #expect(changed.evaluated == Self.all)
        #expect(changed.out == (try setup.evaluate(cache: false)).out)
    }

    @Test func aCorruptEntryIsEvaluatedAnew() throws {
        let setup = try Setup()
        let cold = try setup.evaluate()
        let entries = setup.entries
        #expect(entries.count == Self.all.count)
        // One entry cut short, one with a byte changed in the middle, the rest emptied.
        for (i, entry) in entries.enumerated() {
            var bytes = [UInt8](try Data(contentsOf: entry))
            switch i {
            case 0: bytes.removeLast(5)
            case 1: bytes[bytes.count / 2] ^= 0x5a
            default: bytes = []
            }
            try Data(bytes).write(to: entry)
        }
        let again = try setup.evaluate()
        #expect(again.evaluated == Self.all)
        #expect(again.out == cold.out)
        #expect(try setup.evaluate().evaluated == [])
    }

    @Test func reusedResultsCountAgainstTheInstructionLimit() throws {
        // Each award spins about 20 000 instructions per member (measured): the
        // three take about 240 000, 205 000 are not enough with or without the cache.
        let spin = "local n = 0 for i = 1, 10000 do n = n + i end return n > 0"
        let setup = try Setup()
        let awards = ["a", "b", "c"].map {
            "award \"\($0)\" { name = \"\($0)\", subject = \"member\", criteria = { { id = \"x\", text = \"X\", check = function(m) \(spin) end } } }\n"
        }
        try TemporaryFolder.write(awards.joined(), to: setup.rules.appendingPathComponent("awards.lua"))
        try FileManager.default.removeItem(at: setup.rules.appendingPathComponent("scoring.lua"))
        func run(_ options: [String]) throws -> CommendProcess.Outcome {
            try CommendProcess.run(["evaluate", "--rules", setup.rules.path, "--data", setup.data.path, "--phase", "dot1",
                                    "--jobs", "1"] + options)
        }
        let kept = try run(["--cache", setup.cache.path])
        #expect(kept.status == 0, "\(kept.err)")
        #expect(setup.entries.count == 3)
        let plain = try run(["--no-cache", "--max-instructions", "205000"])
        #expect(plain.status == 1)
        #expect(plain.err.contains("instruction limit exceeded"), "\(plain.err)")
        // "a" and "b" are reused and charged what they took: "c" runs out.
        try setup.edit("rules/awards.lua", "award \"c\" { name = \"c\"", "award \"c\" { name = \"C\"")
        let cached = try run(["--cache", setup.cache.path, "--max-instructions", "205000", "--timings"])
        #expect(cached.status == 1)
        #expect(cached.err.contains("award \"c\", criterion \"x\""), "\(cached.err)")
        #expect(cached.err.contains("instruction limit exceeded"), "\(cached.err)")
    }

    @Test func aSmallerCallBudgetOrMemoryCapIsNotMetWithAReusedResult() throws {
        // Kept under the default limits, the spinning award must still stop
        // a run held to a per-call budget it exceeds (nothing is reused).
        let spin = "local n = 0 for i = 1, 10000 do n = n + i end return n > 0"
        let setup = try Setup()
        try TemporaryFolder.write("award \"a\" { name = \"a\", subject = \"member\", criteria = { { id = \"x\", text = \"X\", check = function(m) \(spin) end } } }\n",
                                  to: setup.rules.appendingPathComponent("awards.lua"))
        try FileManager.default.removeItem(at: setup.rules.appendingPathComponent("scoring.lua"))
        func run(_ options: [String]) throws -> CommendProcess.Outcome {
            try CommendProcess.run(["evaluate", "--rules", setup.rules.path, "--data", setup.data.path, "--phase", "dot1",
                                    "--cache", setup.cache.path] + options)
        }
        #expect(try run([]).status == 0)
        let held = try run(["--max-call-instructions", "5000"])
        #expect(held.status == 1)
        #expect(held.err.contains("award \"a\", criterion \"x\""), "\(held.err)")
        #expect(try run([]).status == 0)
    }

    @Test func noCacheNeitherReadsNorWrites() throws {
        let setup = try Setup()
        let run = try setup.evaluate(cache: false)
        #expect(run.evaluated == nil)
        #expect(!FileManager.default.fileExists(atPath: setup.cache.path))
    }
}
