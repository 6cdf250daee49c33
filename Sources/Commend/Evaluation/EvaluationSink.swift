/// Receives the results of an evaluation in the contract's order (RULES.md
/// §5: awards, then scorings, each in declaration order) as soon as each is
/// final, so that a writer can stream them and memory holds only what is
/// not written yet.
public protocol EvaluationSink: AnyObject {
    func begin(plan: Plan, phase: Phase, rulesDigest: String) throws
    func award(_ result: AwardResult) throws
    func scoring(_ result: ScoringResult) throws
    func end(diagnostics: [Diagnostic]) throws
}

extension EvaluationResult {
    /// Hands this result to `sink` as an evaluation would.
    public func replay(into sink: EvaluationSink) throws {
        try sink.begin(plan: plan, phase: phase, rulesDigest: rulesDigest)
        for award in awards { try sink.award(award) }
        for scoring in scorings { try sink.scoring(scoring) }
        try sink.end(diagnostics: diagnostics)
    }
}

/// Collects a whole `EvaluationResult`.
final class ResultCollector: EvaluationSink {
    private var plan: Plan?
    private var phase: Phase?
    private var digest = ""
    private var awards: [AwardResult] = []
    private var scorings: [ScoringResult] = []
    private(set) var result: EvaluationResult?

    func begin(plan: Plan, phase: Phase, rulesDigest: String) {
        self.plan = plan
        self.phase = phase
        digest = rulesDigest
    }
    func award(_ result: AwardResult) { awards.append(result) }
    func scoring(_ result: ScoringResult) { scorings.append(result) }
    func end(diagnostics: [Diagnostic]) {
        result = EvaluationResult(plan: plan!, phase: phase!, rulesDigest: digest, awards: awards,
                                  scorings: scorings, diagnostics: diagnostics)
    }
}
