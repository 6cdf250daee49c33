/// Criterion coverage of the rule tests: which criteria were seen both
/// passing and failing, which items both clamped and unclamped.
public struct Coverage: Sendable {
    struct Seen { var yes = false, no = false }
    private var criteria: [String: Seen] = [:]
    private var items: [String: Seen] = [:]
    private let rules: RuleSet
    /// Only the awards and scorings that the tests run evaluated on some
    /// subject count (`commend test --filter`): the others were not meant
    /// to be exercised.
    private let onlyExercised: Bool
    private var exercised: Set<DeclarationID> = []

    init(rules: RuleSet, onlyExercised: Bool = false) {
        self.rules = rules
        self.onlyExercised = onlyExercised
    }

    private var awards: [Award] { rules.awards.indices.filter { !onlyExercised || exercised.contains(.award($0)) }.map { rules.awards[$0] } }
    private var scorings: [Scoring] { rules.scorings.indices.filter { !onlyExercised || exercised.contains(.scoring($0)) }.map { rules.scorings[$0] } }

    mutating func record(_ result: EvaluationResult) {
        for award in result.awards {
            if !award.results.isEmpty, let i = rules.awards.firstIndex(where: { $0.id == award.id }) { exercised.insert(.award(i)) }
            for outcome in award.results {
                for c in outcome.criteria {
                    let key = award.id + "\u{0}" + c.id
                    if c.passed { criteria[key, default: Seen()].yes = true } else { criteria[key, default: Seen()].no = true }
                }
            }
        }
        for scoring in result.scorings {
            if !scoring.results.isEmpty, let i = rules.scorings.firstIndex(where: { $0.id == scoring.id }) { exercised.insert(.scoring(i)) }
            for outcome in scoring.results {
                for item in outcome.items {
                    let key = scoring.id + "\u{0}" + item.id
                    if item.clamped { items[key, default: Seen()].yes = true } else { items[key, default: Seen()].no = true }
                }
            }
        }
    }

    /// Lines naming what was not exercised both ways.
    public var gaps: [String] {
        var out: [String] = []
        for award in awards {
            for c in award.criteria {
                let seen = criteria[award.id + "\u{0}" + c.id] ?? Seen()
                if !(seen.yes && seen.no) {
                    let missing = !seen.yes && !seen.no ? "never evaluated" : (seen.yes ? "never seen failing" : "never seen passing")
                    out.append("\(c.location): award \"\(award.id)\", criterion \"\(c.id)\": \(missing)")
                }
            }
        }
        for scoring in scorings {
            for item in scoring.items {
                let seen = items[scoring.id + "\u{0}" + item.id] ?? Seen()
                if !(seen.yes && seen.no) {
                    let missing = !seen.yes && !seen.no ? "never evaluated" : (seen.yes ? "never seen unclamped" : "never seen clamped")
                    out.append("\(item.location): scoring \"\(scoring.id)\", item \"\(item.id)\": \(missing)")
                }
            }
        }
        return out
    }

    /// Criteria and items of the rules.
    public var total: Int { awards.reduce(0) { $0 + $1.criteria.count } + scorings.reduce(0) { $0 + $1.items.count } }
    /// Criteria and items exercised both ways.
    public var covered: Int { total - gaps.count }
    /// `covered` in percent of `total` (100 with nothing to cover).
    public var percent: Double { total == 0 ? 100 : Double(covered) * 100 / Double(total) }

    /// The coverage line and one line per gap, as `commend test --coverage` prints them.
    public var summary: String {
        var lines = ["criterion coverage: \(covered)/\(total) (\(ReportFormat.number(percent))%) exercised both ways"]
        lines += gaps.map { "  " + $0 }
        return lines.joined(separator: "\n")
    }
}
