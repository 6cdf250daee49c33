/// `commend explain`: why one subject got what it got.
public enum ExplainFormat {
    /// The explanation of `subject`, limited to one award or scoring when `only` is given.
    /// Returns nil when nothing in the result concerns the subject.
    public static func text(_ result: EvaluationResult, subject: String, only: String? = nil) -> String? {
        var out = ""
        var found = false
        let n = ReportFormat.number
        for award in result.awards where only == nil || only == award.id {
            guard let r = award.outcome(subject) else { continue }
            found = true
            out += "\(award.award.name) [\(award.id)]: \(r.awarded ? "AWARDED" : r.eligible ? "eligible, not awarded" : "not eligible")\n"
            for c in r.criteria {
                out += "  \(c.passed ? "✔" : "✘") \(c.id): \(c.text)" + (c.detail.map { " — \($0)" } ?? "") + "\n"
            }
            if let q = r.quota {
                let limit = q.limit.map { "limit \($0)" } ?? "no limit"
                let group = q.group.map { "group \($0)" } ?? "the one group"
                let order = q.order.map { ", order value \(n($0))" } ?? ""
                out += "  quota: place \(q.place) of \(q.eligible) eligible in \(group), \(limit) (base \(q.base))\(order)\n"
                for tie in award.cutoffTies where tie.group == q.group
                    && (tie.awarded + tie.leftOut).contains(where: { $0.id == subject }) {
                    out += "  \(tie.sentence)\n"
                }
            } else if r.eligible, award.award.quota != nil {
                out += "  quota: not placed\n"
            }
            out += "\n"
        }
        for scoring in result.scorings where only == nil || only == scoring.id {
            guard let r = scoring.outcome(subject) else { continue }
            found = true
            out += "\(scoring.scoring.name) [\(scoring.id)]: total \(n(r.total)), rank \(r.rank) of \(r.groupSize)"
            out += (r.group.map { " in group \($0)" } ?? "") + (r.grade.map { ", grade \($0)" } ?? ", no grade") + "\n"
            for item in r.items {
                let clamp = item.clamped ? " (raw \(n(item.raw)), clamped to [0, \(n(item.max))])" : ""
                out += "  \(item.id): \(n(item.points)) / \(n(item.max))\(clamp) \(item.text)" + (item.detail.map { " — \($0)" } ?? "") + "\n"
            }
            if let raw = r.bonusRaw {
                out += "  bonus: +\(n(r.bonus))" + (raw != r.bonus ? " (raw \(n(raw)), clamped)" : "") + (r.bonusDetail.map { " — \($0)" } ?? "") + "\n"
            }
            if let raw = r.penaltyRaw {
                out += "  penalty: −\(n(r.penalty))" + (raw != r.penalty ? " (raw \(n(raw)), clamped)" : "") + (r.penaltyDetail.map { " — \($0)" } ?? "") + "\n"
            }
            out += "\n"
        }
        return found ? out : nil
    }
}
