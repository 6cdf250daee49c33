import Commend
import Foundation

/// Collects what `RunStore.record` stores of an evaluation while it runs:
/// the JSON result exactly as `JSONStream` writes it (compressed in parts as
/// it comes) and one row per subject for history queries. Pass it to
/// `Evaluator.evaluate(..., into:)`, with the sink that writes the user's
/// output as `forward`, then hand it to `RunStore.record`.
///
/// ```swift
/// let recorder = try RunRecorder(dataDigest: try DataDigest.of(dataURL))
/// try Evaluator.evaluate(rules: rules, data: data, phase: "dot2", into: recorder)
/// let id = try store.record(recorder)
/// ```
///
/// When the user's output is the JSON result itself, pass its sink as
/// `json` (and the `JSONStream` writing into it as `forward`): the recorder
/// then keeps the bytes written there instead of writing the JSON twice.
/// Record only after that sink is committed.
public final class RunRecorder: EvaluationSink {
    /// One subject's outcome of an award it was eligible for, or of a scoring.
    struct Row {
        var subject: String
        var kind: SubjectRecord.Kind
        var decision: Int32
        var awarded: Bool?
        var rank: Int?
        var grade: String?
        var total: Double?
    }

    let dataDigest: String
    let options: String
    private let forward: EvaluationSink?
    /// The JSON writer of the recorder's own copy (nil when it taps the user's output).
    private let json: JSONStream?
    private let output: OutputSink?
    let parts = JSONParts()
    private(set) var plan: Plan?
    private(set) var phase: Phase?
    private(set) var rulesDigest = ""
    private(set) var decisions: [String] = []
    private(set) var rows: [Row] = []
    private(set) var finished = false

    /// - Parameters:
    ///   - dataDigest: `DataDigest.of(dataDirectory)`, or another digest of
    ///     the data an embedder built in code.
    ///   - options: the options that affect results, recorded as a JSON object.
    ///   - forward: a sink that receives every call too (the output the user asked for).
    ///   - json: the sink into which `forward` writes the JSON result, if it does.
    public init(dataDigest: String, options: [String: String] = [:], forward: EvaluationSink? = nil,
                json tapped: OutputSink? = nil) throws {
        self.dataDigest = dataDigest
        self.options = Self.jsonObject(options)
        self.forward = forward
        let parts = self.parts
        if let tapped {
            tapped.tap { parts.append($0) }
            output = nil
            json = nil
        } else {
            let own = OutputSink { parts.append($0) }
            output = own
            json = JSONStream(own)
        }
    }

    public func begin(plan: Plan, phase: Phase, rulesDigest: String) throws {
        self.plan = plan
        self.phase = phase
        self.rulesDigest = rulesDigest
        json?.begin(plan: plan, phase: phase, rulesDigest: rulesDigest)
        try forward?.begin(plan: plan, phase: phase, rulesDigest: rulesDigest)
    }

    public func award(_ result: AwardResult) throws {
        json?.award(result)
        let code = decision(result.id)
        for outcome in result.results where outcome.eligible {
            rows.append(Row(subject: outcome.subject, kind: .award, decision: code, awarded: outcome.awarded))
        }
        try forward?.award(result)
    }

    public func scoring(_ result: ScoringResult) throws {
        json?.scoring(result)
        let code = decision(result.id)
        rows.reserveCapacity(rows.count + result.results.count)
        for outcome in result.results {
            rows.append(Row(subject: outcome.subject, kind: .scoring, decision: code, rank: outcome.rank,
                            grade: outcome.grade, total: outcome.total))
        }
        try forward?.scoring(result)
    }

    public func end(diagnostics: [Diagnostic]) throws {
        json?.end(diagnostics: diagnostics)
        try output?.commit()
        finished = true
        try forward?.end(diagnostics: diagnostics)
    }

    private func decision(_ id: String) -> Int32 {
        decisions.append(id)
        return Int32(decisions.count - 1)
    }

    /// A flat JSON object of strings, keys sorted.
    static func jsonObject(_ options: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(options)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
