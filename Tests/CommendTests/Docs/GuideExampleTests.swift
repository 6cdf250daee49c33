@testable import Commend
import Foundation
import Testing

/// Runs every example of `docs/rules-guide.md` so that the guide cannot rot.
///
/// The info string of a fenced block says what it is (the guide explains the
/// convention at its start and in its English summary):
/// - `lua example=NAME [uses=A,B] [expect=errors] [warns=bonus-scale]`: a rules file of example NAME;
///   `lua example=plan` is every example's `plan.lua`;
/// - `lua test=NAME`: rule tests of example NAME;
/// - `lua excerpt=rules/FILE.lua`: lines quoted from the sample plan;
/// - `csv file=DIR/FILE.csv [bom]`: a data file;
/// - `sh [run=NAME] [exit=N] [planned=CMD|--flag]`: command lines; `run` ones
///   are executed with the built `commend` and compared with `text output=NAME`.
/// A plain fence (no language) is an illustration (a directory tree) and is
/// not run; any other block without one of these marks is an error.
@Suite("Docs: docs/rules-guide.md examples")
struct GuideExampleTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let guideURL = root.appendingPathComponent("docs/rules-guide.md")
    static let binary = root.appendingPathComponent(".build/debug/commend")

    static let guide: [FencedBlock] = (try? FencedBlock.parse(String(contentsOf: guideURL, encoding: .utf8))) ?? []

    static var exampleNames: [String] {
        var seen: [String] = []
        for b in guide where b.language == "lua" {
            if let name = b.attributes["example"], name != "plan", !seen.contains(name) { seen.append(name) }
        }
        return seen
    }

    static var workingExamples: [String] {
        exampleNames.filter { name in !guide.contains { $0.attributes["example"] == name && $0.attributes["expect"] == "errors" } }
    }

    static var brokenExamples: [String] {
        exampleNames.filter { !workingExamples.contains($0) }
    }

    static var runNames: [String] { guide.compactMap { $0.language == "sh" ? $0.attributes["run"] : nil } }

    // MARK: the guide's shape

    @Test func guideIsReadAndEveryBlockIsMarked() throws {
        let text = try String(contentsOf: Self.guideURL, encoding: .utf8)
        let blocks = try FencedBlock.parse(text)
        #expect(blocks.count == Self.guide.count)
        #expect(blocks.count > 20, "found only \(blocks.count) blocks in \(Self.guideURL.path)")
        let allowed: [String: Set<String>] = [
            "lua": ["example", "uses", "expect", "warns", "test", "excerpt"],
            "csv": ["file", "bom"],
            "sh": ["run", "exit", "planned"],
            "text": ["output"],
            "": [],
        ]
        for b in blocks {
            guard let keys = allowed[b.language] else {
                Issue.record("line \(b.line): unknown block language \"\(b.language)\""); continue
            }
            let unknown = Set(b.attributes.keys).subtracting(keys)
            #expect(unknown.isEmpty, "line \(b.line): unknown marks \(unknown.sorted())")
            switch b.language {
            case "lua":
                let kinds = ["example", "test", "excerpt"].filter { b.attributes[$0] != nil }
                #expect(kinds.count == 1, "line \(b.line): a lua block needs exactly one of example=, test=, excerpt=")
            case "csv": #expect(b.attributes["file"] != nil, "line \(b.line): a csv block needs file=")
            case "text": #expect(b.attributes["output"] != nil, "line \(b.line): a text block needs output=")
            default: break
            }
        }
        // One plan, and the examples the guide's chapters build on.
        #expect(blocks.filter { $0.attributes["example"] == "plan" }.count == 1)
        // The recipes (add an award, change an item's points), the cheat-sheet and the Lua primer too.
        for name in ["danh-hieu-dau-tien", "chi-tieu", "bang-diem", "tham-chieu", "lich-su", "vi-du-loi",
                     "doi-lam-tron", "them-danh-hieu", "doi-diem", "mau", "so-tay-lua"] {
            #expect(Self.exampleNames.contains(name), "example \(name) is missing")
        }
        // Every test belongs to an example; every working example has tests; uses name examples.
        for b in blocks {
            if let name = b.attributes["test"] { #expect(Self.workingExamples.contains(name), "line \(b.line): test of unknown example \(name)") }
            for used in b.uses { #expect(Self.exampleNames.contains(used), "line \(b.line): uses unknown example \(used)") }
        }
        for name in Self.workingExamples {
            #expect(blocks.contains { $0.attributes["test"] == name }, "example \(name) has no test block")
        }
        // The officer's working order is shown by runs of check, test, evaluate, explain and diff.
        for run in ["check-mau", "test-mau", "xet-mau", "xet-mau-en", "explain-dv01", "diff-lam-tron"] {
            #expect(Self.runNames.contains(run), "run \(run) is missing")
        }
        // Every run has exactly one expected output and every output a run.
        let outputs = blocks.compactMap { $0.attributes["output"] }
        #expect(Set(outputs) == Set(Self.runNames) && outputs.count == Self.runNames.count,
                "runs \(Self.runNames) vs outputs \(outputs)")
    }

    // MARK: rules examples, through the library

    @Test(arguments: workingExamples)
    func exampleLoadsAndItsTestsPass(name: String) throws {
        let dir = try Workspace.make(Self.guide)
        defer { dir.remove() }
        let rules = try RuleSet.load(directory: dir.url.appendingPathComponent(name), displayName: name)
        // `warns=bonus-scale` marks an example (or one it uses) that shows on
        // purpose the warning of a bonus past the grades' scale.
        let uses = Self.guide.first { $0.attributes["example"] == name }?.attributes["uses"]?
            .split(separator: ",").map(String.init) ?? []
        let warns = Self.guide.contains { ([name] + uses).contains($0.attributes["example"] ?? "") && $0.attributes["warns"] == "bonus-scale" }
        let unexpected = rules.warnings.filter { !(warns && $0.message.contains("with the bonus a total can reach")) }
        #expect(unexpected.isEmpty, "\(rules.warnings)")
        var lines: [String] = []
        let report = try RuleTestRunner(rules: rules).run(filter: nil) { lines.append($0) }
        let declared = Self.guide.filter { $0.attributes["test"] == name }
            .map { $0.body.components(separatedBy: "\n").filter { $0.hasPrefix("test(") }.count }
            .reduce(0, +)
        #expect(declared > 0)
        #expect(report.failed == 0, "\(lines.joined(separator: "\n"))")
        #expect(report.passed == declared, "\(lines.joined(separator: "\n"))")
    }

    @Test(arguments: brokenExamples)
    func brokenExampleIsRejected(name: String) throws {
        let dir = try Workspace.make(Self.guide)
        defer { dir.remove() }
        let url = dir.url.appendingPathComponent(name)
        let problems = RuleSet.check(directory: url, displayName: name)
        #expect(problems.contains { $0.severity == .error })
        #expect(throws: RuleLoadError.self) { try RuleSet.load(directory: url, displayName: name) }
    }

    @Test func excerptsAreQuotedFromTheSamplePlan() throws {
        let excerpts = Self.guide.filter { $0.attributes["excerpt"] != nil }
        #expect(excerpts.count >= 2)
        for b in excerpts {
            let path = b.attributes["excerpt"]!
            let file = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
            let wanted = b.body.components(separatedBy: "\n")
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && $0.trimmingCharacters(in: .whitespaces) != "..." }
            let missing = OutputMatch.firstMissing(wanted, in: file.components(separatedBy: "\n"), exact: true)
            #expect(missing == nil, "line \(b.line): \(path) lacks (in this order) \"\(missing ?? "")\"")
        }
    }

    // MARK: command lines

    @Test func commandLinesUseKnownCommandsAndOptions() throws {
        let cli = try CommandLineHelp.read(binary: Self.binary)
        #expect(cli.commands.keys.contains("check") && cli.commands.keys.contains("explain"))
        var checked = 0
        for b in Self.guide where b.language == "sh" {
            for line in b.commandLines {
                checked += 1
                for problem in cli.problems(line, planned: b.attributes["planned"]) {
                    Issue.record("docs/rules-guide.md:\(b.line): \(problem): \(line)")
                }
            }
        }
        #expect(checked >= 15, "only \(checked) command lines found")
        // The README's command lines too.
        let readme = try FencedBlock.parse(String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8))
        for b in readme {
            for line in b.commandLines {
                for problem in cli.problems(line, planned: nil) { Issue.record("README.md:\(b.line): \(problem): \(line)") }
            }
        }
    }

    @Test func optionCheckerRejectsWhatDoesNotExist() throws {
        let cli = try CommandLineHelp.read(binary: Self.binary)
        #expect(cli.problems("commend check --rules rules", planned: nil).isEmpty)
        #expect(!cli.problems("commend check --no-such-option x", planned: nil).isEmpty)
        #expect(!cli.problems("commend frobnicate --rules rules", planned: nil).isEmpty)
        #expect(!cli.problems("commend evaluate --phase dot2 --watch-not", planned: "--watch").isEmpty)
        #expect(!OutputMatch.linesInOrder(["b", "a"], in: "a\nb\n"))
        #expect(OutputMatch.linesInOrder(["a", "b"], in: "a\nx\nb\n"))
    }

    @Test(arguments: runNames)
    func shellExampleRunsAsShown(name: String) throws {
        let block = try #require(Self.guide.first { $0.attributes["run"] == name })
        let expected = try #require(Self.guide.first { $0.attributes["output"] == name })
        let lines = block.commandLines
        try #require(lines.count == 1, "run=\(name) must hold exactly one commend line")
        let dir = try Workspace.make(Self.guide)
        defer { dir.remove() }
        let words = try #require(CommandLineHelp.split(lines[0]))
        let (status, output) = try CommandLineHelp.run(Self.binary, Array(words.dropFirst()), in: dir.url)
        #expect(status == Int32(block.attributes["exit"] ?? "0"), "exit status of \(lines[0]); output:\n\(output)")
        let wanted = expected.body.components(separatedBy: "\n").filter { !$0.isEmpty }
        #expect(!wanted.isEmpty)
        let missing = OutputMatch.firstMissing(wanted, in: output.components(separatedBy: "\n"), exact: true)
        #expect(missing == nil, "\(lines[0]): output lacks (in this order) \"\(missing ?? "")\"; got:\n\(output)")
    }
}

// MARK: - support

/// A fenced block of a Markdown file: language, `key=value` marks (a bare
/// word is a mark with an empty value), body, and the line of its fence.
struct FencedBlock {
    var language: String
    var attributes: [String: String]
    var body: String
    var line: Int

    var uses: [String] { (attributes["uses"] ?? "").split(separator: ",").map(String.init) }

    /// The `commend ...` lines of the block, comments after ` #` removed.
    var commandLines: [String] {
        body.components(separatedBy: "\n").compactMap { raw in
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("$ ") { line.removeFirst(2) }
            guard line.hasPrefix("commend ") || line == "commend" else { return nil }
            if let hash = line.range(of: " #") { line = String(line[..<hash.lowerBound]) }
            return line.trimmingCharacters(in: .whitespaces)
        }
    }

    struct Unclosed: Error, CustomStringConvertible { var line: Int; var description: String { "unclosed fence at line \(line)" } }

    /// Fences are lines starting with three backticks and no other backtick
    /// (CommonMark: a backtick fence's info string holds no backtick).
    static func parse(_ text: String) throws -> [FencedBlock] {
        var blocks: [FencedBlock] = []
        var open: (info: String, line: Int, body: [String])?
        for (i, line) in text.components(separatedBy: "\n").enumerated() {
            let isFence = line.hasPrefix("```") && !line.dropFirst(3).contains("`")
            if var current = open {
                if line.trimmingCharacters(in: .whitespaces) == "```" {
                    let words = current.info.split(separator: " ").map(String.init)
                    var attributes: [String: String] = [:]
                    for word in words.dropFirst() {
                        let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                        attributes[parts[0]] = parts.count > 1 ? parts[1] : ""
                    }
                    blocks.append(FencedBlock(language: words.first ?? "", attributes: attributes,
                                              body: current.body.joined(separator: "\n") + "\n", line: current.line))
                    open = nil
                } else {
                    current.body.append(line)
                    open = current
                }
            } else if isFence {
                open = (String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), i + 1, [])
            }
        }
        if let open { throw Unclosed(line: open.line) }
        return blocks
    }
}

/// A temporary folder laid out as the guide's `sh run=` blocks expect:
/// `rules` (the sample plan), one rules folder per example, the data files.
struct Workspace {
    let url: URL

    static func make(_ blocks: [FencedBlock]) throws -> Workspace {
        let fm = FileManager.default
        let url = fm.temporaryDirectory.appendingPathComponent("commend-guide-\(UUID().uuidString)")
        try fm.createDirectory(at: url, withIntermediateDirectories: true)
        try fm.createSymbolicLink(at: url.appendingPathComponent("rules"),
                                  withDestinationURL: GuideExampleTests.root.appendingPathComponent("rules"))
        func write(_ text: String, _ path: String, bom: Bool = false) throws {
            let file = url.appendingPathComponent(path)
            try fm.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try ((bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)).write(to: file)
        }
        let plan = blocks.first { $0.attributes["example"] == "plan" }?.body ?? ""
        var files: [String: [String]] = [:], uses: [String: [String]] = [:], tests: [String: [String]] = [:]
        for b in blocks where b.language == "lua" {
            if let name = b.attributes["example"], name != "plan" {
                files[name, default: []].append(b.body)
                uses[name, default: []] += b.uses
            }
            if let name = b.attributes["test"] { tests[name, default: []].append(b.body) }
        }
        for (name, _) in files {
            try write(plan, "\(name)/plan.lua")
            for source in [name] + (uses[name] ?? []) {
                for (i, body) in (files[source] ?? []).enumerated() {
                    try write(body, "\(name)/\(source)\(i == 0 ? "" : "-\(i + 1)").lua")
                }
            }
            if let list = tests[name] { try write(list.joined(separator: "\n"), "\(name)/tests/\(name)_test.lua") }
        }
        for b in blocks where b.language == "csv" {
            if let path = b.attributes["file"] { try write(b.body, path, bom: b.attributes["bom"] != nil) }
        }
        return Workspace(url: url)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

enum OutputMatch {
    /// The first of `wanted` not found in `lines` after the previous match
    /// (exact line, or, when `exact` is false, contained in a line); nil if all are.
    static func firstMissing(_ wanted: [String], in lines: [String], exact: Bool) -> String? {
        var index = lines.startIndex
        for w in wanted {
            let target = w.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            guard let hit = lines[index...].firstIndex(where: {
                let line = $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
                return exact ? line == target : line.contains(target)
            }) else { return w }
            index = lines.index(after: hit)
        }
        return nil
    }

    static func linesInOrder(_ wanted: [String], in text: String) -> Bool {
        firstMissing(wanted, in: text.components(separatedBy: "\n"), exact: true) == nil
    }
}

/// The commands and options of the built `commend`, read from its help.
struct CommandLineHelp {
    var commands: [String: Set<String>]

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static func read(binary: URL) throws -> CommandLineHelp {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw Missing(description: "\(binary.path) is missing: build it first (swift build --product commend; make test does)")
        }
        let (_, top) = try run(binary, ["--help"], in: GuideExampleTests.root)
        guard let section = top.range(of: "SUBCOMMANDS:") else { throw Missing(description: "no SUBCOMMANDS in commend --help:\n\(top)") }
        var commands: [String: Set<String>] = [:]
        for line in top[section.upperBound...].components(separatedBy: "\n") {
            let words = line.split(separator: " ")
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let first = words.first,
                  first.allSatisfy({ $0.isLowercase || $0 == "-" }) else { continue }
            let name = String(first)
            let (_, help) = try run(binary, [name, "--help"], in: GuideExampleTests.root)
            let options = help.matches(of: /--[a-z][a-z0-9-]*/).map { String($0.output) }
            commands[name] = Set(options)
        }
        return CommandLineHelp(commands: commands)
    }

    /// What is wrong with `line` (`commend SUB --opt ...`). `planned` names a
    /// command (`diff`) or an option (`--watch`) still being built: it may be
    /// missing, but once it exists it is checked like any other.
    func problems(_ line: String, planned: String?) -> [String] {
        guard let words = Self.split(line), words.first == "commend" else { return ["cannot read the line"] }
        guard words.count > 1, !words[1].hasPrefix("-") else { return [] }
        guard let options = commands[words[1]] else {
            return planned == words[1] ? [] : ["unknown command \"\(words[1])\""]
        }
        return words.dropFirst(2).filter { $0.hasPrefix("--") }.compactMap { word in
            let option = String(word.split(separator: "=", maxSplits: 1)[0])
            if options.contains(option) || option == planned { return nil }
            return "\"commend \(words[1])\" has no option \(option)"
        }
    }

    /// Words of a command line, with "double quoted" words; nil if unbalanced.
    static func split(_ line: String) -> [String]? {
        var words: [String] = [], current = "", quoted = false, started = false
        for c in line {
            if c == "\"" { quoted.toggle(); started = true }
            else if c == " " && !quoted { if started { words.append(current) }; current = ""; started = false }
            else { current.append(c); started = true }
        }
        if quoted { return nil }
        if started { words.append(current) }
        return words
    }

    static func run(_ binary: URL, _ arguments: [String], in directory: URL) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
