/// `commend explain`: why one subject got what it got.
public enum ExplainFormat {
    /// The explanation of `subject`, limited to one award or scoring when `only` is given,
    /// in `language`. Returns nil when nothing in the result concerns the subject.
    public static func text(_ result: EvaluationResult, subject: String, only: String? = nil,
                            language: Language = .vi) -> String? {
        let say = Wording(language)
        var out = ""
        var found = false
        // Names, texts and details come from rules and data: control characters are made visible.
        let t = Terminal.line
        for award in result.awards where only == nil || only == award.id {
            guard let r = award.outcome(subject) else { continue }
            found = true
            out += "\(t(award.award.name)) [\(t(award.id))]: \(say(r.awarded ? .awarded : r.eligible ? .eligibleNotAwarded : .notEligible))\n"
            for c in r.criteria {
                out += "  \(c.passed ? "✔" : "✘") \(t(c.id)): \(t(c.text))" + (c.detail.map { " — \(t($0))" } ?? "") + "\n"
            }
            if let q = r.quota {
                out += "  " + say(.quotaPlace(place: q.place, eligible: q.eligible, group: q.group.map(t), limit: q.limit,
                                              base: q.base, order: q.order)) + "\n"
                for tie in award.cutoffTies where tie.group == q.group
                    && (tie.awarded + tie.leftOut).contains(where: { $0.id == subject }) {
                    out += "  " + say(tie.message(t)) + "\n"
                }
            } else if r.eligible, award.award.quota != nil {
                out += "  " + say(.quotaNotPlaced) + "\n"
            }
            out += "\n"
        }
        for scoring in result.scorings where only == nil || only == scoring.id {
            guard let r = scoring.outcome(subject) else { continue }
            found = true
            out += "\(t(scoring.scoring.name)) [\(t(scoring.id))]: "
                + say(.scoreLine(total: r.total, rank: r.rank, of: r.groupSize, group: r.group.map(t), grade: r.grade.map(t))) + "\n"
            for item in r.items {
                out += "  \(t(item.id)): " + say(.itemPoints(points: item.points, max: item.max, raw: item.clamped ? item.raw : nil))
                    + " \(t(item.text))" + (item.detail.map { " — \(t($0))" } ?? "") + "\n"
            }
            if let raw = r.bonusRaw {
                out += "  " + say(.bonus(points: r.bonus, raw: raw != r.bonus ? raw : nil)) + (r.bonusDetail.map { " — \(t($0))" } ?? "") + "\n"
            }
            if let raw = r.penaltyRaw {
                out += "  " + say(.penalty(points: r.penalty, raw: raw != r.penalty ? raw : nil)) + (r.penaltyDetail.map { " — \(t($0))" } ?? "") + "\n"
            }
            out += "\n"
        }
        return found ? out : nil
    }
}
