@testable import Commend
import Foundation
import Testing

/// The plan of the engine tests; `members`/`units` add field declarations
/// (each starting with ", ").
func enginePlan(members: String = "", units: String = "") -> String {
    """
    plan { id = "p", name = "P", year = 2021,
      phases = {
        { id = "dot1", name = "Đợt 1", from = "2021-01-01", to = "2021-06-30" },
        { id = "dot2", name = "Đợt 2", from = "2021-07-01", to = "2021-12-31" },
      },
      fields = {
        members = { rating = enum { "xuat_sac", "tot", "hoan_thanh" }, initiatives = "int", disciplined = "bool"\(members) },
        units = { fee_rate = "number"\(units) },
      },
    }

    """
}

/// Writes `files` (relative path → text) into a fresh temporary directory.
func engineRulesDirectory(_ files: [String: String]) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("commend-engine-\(UUID().uuidString)")
    for (path, text) in files {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }
    return url
}

/// Loads `files` as a rules directory shown as `rules/`; `plan.lua` is
/// `enginePlan()` unless `files` gives one (or `plan` is nil).
func engineRules(_ files: [String: String], plan: String? = enginePlan()) throws -> RuleSet {
    var all = files
    if let plan, all["plan.lua"] == nil { all["plan.lua"] = plan }
    let url = try engineRulesDirectory(all)
    defer { try? FileManager.default.removeItem(at: url) }
    return try RuleSet.load(directory: url, displayName: "rules")
}

/// Problems of `RuleSet.check` on `files` (no plan is added).
func engineCheck(_ files: [String: String]) throws -> [RuleProblem] {
    let url = try engineRulesDirectory(files)
    defer { try? FileManager.default.removeItem(at: url) }
    return RuleSet.check(directory: url, displayName: "rules")
}

/// Text cells.
func cells(_ fields: [String: String]) -> [String: DatasetBuilder.Cell] {
    fields.mapValues { .text($0) }
}

/// A dataset for `rules`, built by `body`.
func engineData(_ rules: RuleSet, _ body: (inout DatasetBuilder) -> Void) throws -> Dataset {
    var builder = DatasetBuilder(schema: rules.plan.fields, phases: rules.plan.phases.map(\.id), source: "test")
    body(&builder)
    return try builder.build()
}

func engineEvaluate(_ rules: RuleSet, _ data: Dataset, phase: String = "dot1", jobs: Int = 1) throws -> EvaluationResult {
    try Evaluator.evaluate(rules: rules, data: data, phase: phase, options: EvaluationOptions(jobs: jobs))
}

/// The JSON output of `result`, through a committed file sink.
func engineJSON(_ result: EvaluationResult) throws -> [UInt8] {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("commend-engine-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("result.json")
    let sink = try OutputSink(file: file)
    JSONFormat.write(result, to: sink)
    try sink.commit()
    return Array(try Data(contentsOf: file))
}

/// A small deterministic generator (SplitMix64) for shuffles in property tests.
struct EngineSeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: Int) { state = UInt64(bitPattern: Int64(seed)) &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
