/// The impact of a rule change on one phase: two evaluations of the same data
/// (old rules, new rules) compared award by award and scoring by scoring,
/// matched by id.
///
/// Only what differs is kept: awards in which some subject gains or loses
/// eligibility or the award, scorings in which some subject's rank, grade or
/// group moved, and awards or scorings that only one side decides (added or
/// removed). Both `commend diff` and `commend evaluate --watch` use it.
///
/// ```swift
/// let impact = Impact(old: try Evaluator.evaluate(rules: old, data: data, phase: "dot2"),
///                     new: try Evaluator.evaluate(rules: new, data: data, phase: "dot2"))
/// for award in impact.awards { for change in award.changes { print(award.id, change.subject, change.kind) } }
/// ```
public struct Impact: Sendable, Hashable {
    /// The phase of the new evaluation.
    public var phase: Phase
    /// The digests of the old and the new rules.
    public var rulesDigest: Transition<String>
    /// In the new rules' declaration order, then awards only the old rules have.
    public var awards: [AwardImpact]
    /// In the new rules' declaration order, then scorings only the old rules have.
    public var scorings: [ScoringImpact]

    /// An impact; see the properties (`init(old:new:)` computes one).
    public init(phase: Phase, rulesDigest: Transition<String>, awards: [AwardImpact], scorings: [ScoringImpact]) {
        self.phase = phase
        self.rulesDigest = rulesDigest
        self.awards = awards
        self.scorings = scorings
    }

    /// Compares two evaluations of the same phase and data.
    public init(old: EvaluationResult, new: EvaluationResult) {
        var awards: [AwardImpact] = []
        for award in new.awards {
            if let impact = AwardImpact.between(old.award(award.id), award) { awards.append(impact) }
        }
        for award in old.awards where new.award(award.id) == nil {
            if let impact = AwardImpact.between(award, nil) { awards.append(impact) }
        }
        var scorings: [ScoringImpact] = []
        for scoring in new.scorings {
            if let impact = ScoringImpact.between(old.scoring(scoring.id), scoring) { scorings.append(impact) }
        }
        for scoring in old.scorings where new.scoring(scoring.id) == nil {
            if let impact = ScoringImpact.between(scoring, nil) { scorings.append(impact) }
        }
        self.init(phase: new.phase, rulesDigest: Transition(old: old.rulesDigest, new: new.rulesDigest),
                  awards: awards, scorings: scorings)
    }

    /// Whether nothing differs.
    public var isEmpty: Bool { awards.isEmpty && scorings.isEmpty }
}
