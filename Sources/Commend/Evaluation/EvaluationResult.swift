/// The outcome of evaluating one phase (RULES.md §5). Every collection is in
/// the contract's order, so two evaluations of the same rules and data are equal.
public struct EvaluationResult: Sendable, Equatable {
    /// The plan of the rules.
    public var plan: Plan
    /// The phase evaluated.
    public var phase: Phase
    /// `sha256:<hex>` of the rule files (`RuleSet.digest`).
    public var rulesDigest: String
    /// One per award that applies in the phase, in declaration order.
    public var awards: [AwardResult]
    /// One per scoring that applies in the phase, in declaration order.
    public var scorings: [ScoringResult]
    /// What the rules printed while loading and evaluating (at most `Diagnostic.cap`).
    public var diagnostics: [Diagnostic]

    /// The result of the award `id`, or nil when it does not apply in the phase.
    public func award(_ id: String) -> AwardResult? { awards.first { $0.id == id } }
    /// The result of the scoring `id`, or nil when it does not apply in the phase.
    public func scoring(_ id: String) -> ScoringResult? { scorings.first { $0.id == id } }
}

/// The outcomes of one award: one per subject to which it applies.
public struct AwardResult: Sendable, Equatable {
    /// The award's declaration.
    public var award: Award
    /// One per subject to which the award applies, by subject id.
    public var results: [AwardOutcome]
    /// The award's id.
    public var id: String { award.id }

    /// The outcome of the subject with id `subject`, or nil when the award does not apply to it.
    public func outcome(_ subject: String) -> AwardOutcome? {
        // Results are sorted by subject id.
        var low = 0, high = results.count
        while low < high {
            let mid = (low + high) / 2
            if results[mid].subject < subject { low = mid + 1 } else { high = mid }
        }
        return low < results.count && results[low].subject == subject ? results[low] : nil
    }
}

/// One subject's outcome for one award: eligibility, decision, criteria.
public struct AwardOutcome: Sendable, Hashable {
    /// The subject's id.
    public var subject: String
    /// The subject's name (empty when the data gives none).
    public var name: String
    /// Whether every criterion passed.
    public var eligible: Bool
    /// Whether the subject is eligible and within the quota, if any.
    public var awarded: Bool
    /// For an award with a quota and an eligible subject: its place against the limit.
    public var quota: QuotaPlace?
    /// The award's criteria (one array shared by every outcome of the award),
    /// and per criterion whether it passed and its detail, kept at `index`
    /// of a block shared with the subjects evaluated with it: compact,
    /// because a national run keeps millions of outcomes until they are
    /// written.
    let definitions: [Criterion]
    private let block: CriterionResults
    private let index: Int32

    init(subject: String, name: String, eligible: Bool, awarded: Bool, definitions: [Criterion],
         block: CriterionResults, index: Int32, quota: QuotaPlace?) {
        self.subject = subject
        self.name = name
        self.eligible = eligible
        self.awarded = awarded
        self.definitions = definitions
        self.block = block
        self.index = index
        self.quota = quota
    }

    /// Whether criterion `c` (in declaration order) passed, and its detail.
    func passed(_ c: Int) -> Bool { block.passed(index, c) }
    func detail(_ c: Int) -> String? { block.detail(index, c) }

    /// Every criterion with pass or fail and its detail, in declaration order.
    public var criteria: [CriterionOutcome] {
        definitions.indices.map { c in
            CriterionOutcome(id: definitions[c].id, text: definitions[c].text, passed: passed(c), detail: detail(c))
        }
    }

    /// Ids of the criteria that failed.
    public var failed: [String] { definitions.indices.filter { !passed($0) }.map { definitions[$0].id } }

    /// Equal subject, decision, quota place, and criteria with their pass and detail.
    public static func == (a: AwardOutcome, b: AwardOutcome) -> Bool {
        a.subject == b.subject && a.name == b.name && a.eligible == b.eligible && a.awarded == b.awarded
            && a.quota == b.quota && a.definitions == b.definitions
            && a.definitions.indices.allSatisfy { a.passed($0) == b.passed($0) && a.detail($0) == b.detail($0) }
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(subject)
        hasher.combine(name)
        hasher.combine(eligible)
        hasher.combine(awarded)
        hasher.combine(quota)
        hasher.combine(definitions)
        for c in definitions.indices {
            hasher.combine(passed(c))
            hasher.combine(detail(c))
        }
    }
}

/// One criterion of one subject: passed or not, and the detail its check gave.
public struct CriterionOutcome: Sendable, Hashable {
    /// The criterion's id.
    public var id: String
    /// The criterion's text, as the rules give it.
    public var text: String
    /// Whether the check returned a truthy first value.
    public var passed: Bool
    /// The check's second return value, if any.
    public var detail: String?
}

/// Where an eligible subject stands in its quota group.
public struct QuotaPlace: Sendable, Hashable {
    /// The value of `within` (nil: the one group).
    public var group: String?
    /// 1-based place in the group's order.
    public var place: Int
    /// Eligible subjects in the group.
    public var eligible: Int
    /// The base count the share applies to.
    public var base: Int
    /// The limit of the group (nil: none).
    public var limit: Int?
    /// The value returned by `order`, if any.
    public var order: Double?
}

/// The outcomes of one scoring: one per subject to which it applies.
public struct ScoringResult: Sendable, Equatable {
    /// The scoring's declaration.
    public var scoring: Scoring
    /// By group, then rank, then subject id.
    public var results: [ScoreOutcome]
    /// The scoring's id.
    public var id: String { scoring.id }

    /// The outcome of the subject with id `subject`, or nil when the scoring does not apply to it.
    public func outcome(_ subject: String) -> ScoreOutcome? { results.first { $0.subject == subject } }
}

/// One subject's points, rank and grade in one scoring.
public struct ScoreOutcome: Sendable, Hashable {
    /// The subject's id.
    public var subject: String
    /// The subject's name (empty when the data gives none).
    public var name: String
    /// The value of the scoring's `group` field for the subject (nil: no group).
    public var group: String?
    /// Items plus bonus minus penalty, after clamping.
    public var total: Double
    /// 1-based rank in the group; equal subjects share a rank (1, 2, 2, 4).
    public var rank: Int
    /// How many subjects share the group.
    public var groupSize: Int
    /// The label of the first grade whose `min` the total reaches (nil: none).
    public var grade: String?
    /// The points of each item, in declaration order.
    public var items: [ItemOutcome]
    /// The bonus, clamped to `[0, bonus.max]` (0 without a bonus).
    public var bonus: Double
    /// The bonus as returned, before clamping (nil without a bonus).
    public var bonusRaw: Double?
    /// The bonus function's detail, if any.
    public var bonusDetail: String?
    /// The penalty, clamped to `[0, ∞)` and subtracted (0 without a penalty).
    public var penalty: Double
    /// The penalty as returned, before clamping (nil without a penalty).
    public var penaltyRaw: Double?
    /// The penalty function's detail, if any.
    public var penaltyDetail: String?
}

/// The points of one scoring item for one subject.
public struct ItemOutcome: Sendable, Hashable {
    /// The item's id.
    public var id: String
    /// The item's text.
    public var text: String
    /// The points counted: `raw` clamped to `[0, max]`.
    public var points: Double
    /// The points as the item's function returned them.
    public var raw: Double
    /// The item's maximum.
    public var max: Double
    /// The item function's detail, if any.
    public var detail: String?
    /// Whether clamping changed the points.
    public var clamped: Bool { points != raw }
}
