import Commend

/// `POST /v1/explain`: why one subject got what it got, as JSON: every
/// award and scoring of the phase that applies to it, each criterion with
/// pass or fail and detail, the quota place, each item's points, raw value
/// and clamping, bonus, penalty, total, rank and grade (`commend explain`
/// as data). Values that do not exist (a detail, a grade) are left out.
struct Explanation: Encodable, Sendable {
    struct PlanRef: Encodable, Sendable { var id: String; var name: String; var year: Int }
    struct PhaseRef: Encodable, Sendable { var id: String; var name: String; var from: String; var to: String }

    struct Criterion: Encodable, Sendable {
        var id: String
        var text: String
        var passed: Bool
        var detail: String?
    }

    struct Quota: Encodable, Sendable {
        var group: String?
        var place: Int
        var eligible: Int
        var limit: Int?
        var base: Int
        var order: Double?
        /// Whether the place is within the limit.
        var within: Bool
    }

    struct AwardPart: Encodable, Sendable {
        var id: String
        var name: String
        var eligible: Bool
        var awarded: Bool
        var criteria: [Criterion]
        var quota: Quota?
    }

    struct Item: Encodable, Sendable {
        var id: String
        var text: String
        var max: Double
        var points: Double
        var raw: Double
        var clamped: Bool
        var detail: String?
    }

    struct Adjustment: Encodable, Sendable {
        var points: Double
        var raw: Double
        var clamped: Bool
        var detail: String?
    }

    struct ScoringPart: Encodable, Sendable {
        var id: String
        var name: String
        var group: String?
        var total: Double
        var rank: Int
        var groupSize: Int
        var grade: String?
        var items: [Item]
        var bonus: Adjustment?
        var penalty: Adjustment?
    }

    var schema = "commend.explanation/1"
    var plan: PlanRef
    var phase: PhaseRef
    var rulesDigest: String
    var subject: String
    var kind: String
    var name: String?
    var awards: [AwardPart]
    var scorings: [ScoringPart]

    init(_ result: EvaluationResult, subject: String, kind: String, only: String?) {
        plan = PlanRef(id: result.plan.id, name: result.plan.name, year: result.plan.year)
        phase = PhaseRef(id: result.phase.id, name: result.phase.name, from: result.phase.from, to: result.phase.to)
        rulesDigest = result.rulesDigest
        self.subject = subject
        self.kind = kind
        var name: String?
        awards = result.awards.filter { only == nil || $0.id == only }.compactMap { award in
            guard let r = award.outcome(subject) else { return nil }
            name = r.name
            return AwardPart(
                id: award.id, name: award.award.name, eligible: r.eligible, awarded: r.awarded,
                criteria: r.criteria.map { Criterion(id: $0.id, text: $0.text, passed: $0.passed, detail: $0.detail) },
                quota: r.quota.map { q in
                    Quota(group: q.group, place: q.place, eligible: q.eligible, limit: q.limit, base: q.base,
                          order: q.order, within: q.limit.map { q.place <= $0 } ?? true)
                })
        }
        scorings = result.scorings.filter { only == nil || $0.id == only }.compactMap { scoring in
            guard let r = scoring.outcome(subject) else { return nil }
            name = r.name
            func adjustment(_ points: Double, _ raw: Double?, _ detail: String?) -> Adjustment? {
                raw.map { Adjustment(points: points, raw: $0, clamped: $0 != points, detail: detail) }
            }
            return ScoringPart(
                id: scoring.id, name: scoring.scoring.name, group: r.group, total: r.total, rank: r.rank,
                groupSize: r.groupSize, grade: r.grade,
                items: r.items.map { Item(id: $0.id, text: $0.text, max: $0.max, points: $0.points, raw: $0.raw,
                                          clamped: $0.clamped, detail: $0.detail) },
                bonus: adjustment(r.bonus, r.bonusRaw, r.bonusDetail),
                penalty: adjustment(r.penalty, r.penaltyRaw, r.penaltyDetail))
        }
        self.name = name
    }
}

/// `POST /v1/check`: the problems of the served rules directory.
struct CheckReport: Encodable, Sendable {
    struct Problem: Encodable, Sendable {
        var severity: String
        var file: String?
        var line: Int?
        var message: String
        /// As `commend check` prints it: `file:line: message`.
        var text: String
    }

    var rules: String
    var errors: Int
    var warnings: Int
    var problems: [Problem]

    init(rules: String, problems: [RuleProblem]) {
        self.rules = rules
        self.problems = problems.map {
            Problem(severity: $0.severity.rawValue, file: $0.location?.file, line: $0.location?.line,
                    message: $0.message, text: $0.description)
        }
        errors = problems.filter { $0.severity == .error }.count
        warnings = problems.count - errors
    }
}
