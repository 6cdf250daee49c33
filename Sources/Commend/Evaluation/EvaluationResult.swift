/// The outcome of evaluating one phase (RULES.md §5). Every collection is in
/// the contract's order, so two evaluations of the same rules and data are equal.
public struct EvaluationResult: Sendable, Equatable {
    public var plan: Plan
    public var phase: Phase
    public var rulesDigest: String
    public var awards: [AwardResult]
    public var scorings: [ScoringResult]
    public var diagnostics: [Diagnostic]

    public func award(_ id: String) -> AwardResult? { awards.first { $0.id == id } }
    public func scoring(_ id: String) -> ScoringResult? { scorings.first { $0.id == id } }
}

public struct AwardResult: Sendable, Equatable {
    public var award: Award
    /// One per subject to which the award applies, by subject id.
    public var results: [AwardOutcome]
    public var id: String { award.id }

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

public struct AwardOutcome: Sendable, Hashable {
    public var subject: String
    public var name: String
    public var eligible: Bool
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

    public static func == (a: AwardOutcome, b: AwardOutcome) -> Bool {
        a.subject == b.subject && a.name == b.name && a.eligible == b.eligible && a.awarded == b.awarded
            && a.quota == b.quota && a.definitions == b.definitions
            && a.definitions.indices.allSatisfy { a.passed($0) == b.passed($0) && a.detail($0) == b.detail($0) }
    }

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

public struct CriterionOutcome: Sendable, Hashable {
    public var id: String
    public var text: String
    public var passed: Bool
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

public struct ScoringResult: Sendable, Equatable {
    public var scoring: Scoring
    /// By group, then rank, then subject id.
    public var results: [ScoreOutcome]
    public var id: String { scoring.id }

    public func outcome(_ subject: String) -> ScoreOutcome? { results.first { $0.subject == subject } }
}

public struct ScoreOutcome: Sendable, Hashable {
    public var subject: String
    public var name: String
    public var group: String?
    public var total: Double
    public var rank: Int
    /// How many subjects share the group.
    public var groupSize: Int
    public var grade: String?
    public var items: [ItemOutcome]
    public var bonus: Double
    public var bonusRaw: Double?
    public var bonusDetail: String?
    public var penalty: Double
    public var penaltyRaw: Double?
    public var penaltyDetail: String?
}

public struct ItemOutcome: Sendable, Hashable {
    public var id: String
    public var text: String
    public var points: Double
    public var raw: Double
    public var max: Double
    public var detail: String?
    public var clamped: Bool { points != raw }
}
