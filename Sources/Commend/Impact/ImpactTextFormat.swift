/// `commend diff --format table`: the impact of a rule change as text for an
/// administrator, one table per award or scoring that changed, names aligned
/// by display width. Words and numbers follow the language (`Message`).
public enum ImpactTextFormat {
    /// The whole report. With `old`/`new` labels (the rules directories as
    /// the user named them) it starts with a heading naming both sides;
    /// with `runs` (ids of two recorded runs) the heading names the runs.
    public static func text(_ impact: Impact, old: String? = nil, new: String? = nil, runs: (old: Int64, new: Int64)? = nil,
                            language: Language = .vi) -> String {
        let say = Wording(language)
        var out = ""
        if let old, let new {
            let title = runs.map { say(.runsHeading(old: $0.old, new: $0.new, phaseName: impact.phase.name, phaseId: impact.phase.id)) }
                ?? say(.impactHeading(phaseName: impact.phase.name, phaseId: impact.phase.id))
            out += title + "\n" + String(repeating: "═", count: TextTable.width(title)) + "\n"
            if runs == nil {
                out += "  " + say(.oldRules(name: old, digest: impact.rulesDigest.old)) + "\n"
                out += "  " + say(.newRules(name: new, digest: impact.rulesDigest.new)) + "\n\n"
            } else {
                out += "  " + say(.oldRun(label: old, digest: impact.rulesDigest.old)) + "\n"
                out += "  " + say(.newRun(label: new, digest: impact.rulesDigest.new)) + "\n\n"
            }
        }
        if impact.isEmpty { return out + say(.noImpact) + "\n" }
        var sections: [String] = []
        sections += impact.awards.map { award($0, say) }
        sections += impact.scorings.map { scoring($0, say) }
        return out + sections.joined(separator: "\n")
    }

    /// One award: its counts, then each subject that changed and why.
    static func award(_ a: AwardImpact, _ say: Wording) -> String {
        var out = "\(a.name) [\(a.id)]"
        switch a.status {
        case .added:
            return out + ": " + say(.awardAdded(eligible: a.eligible.new ?? 0, kind: a.subjectKind, awarded: a.awarded.new ?? 0)) + "\n"
        case .removed:
            return out + ": " + say(.awardRemoved(eligible: a.eligible.old ?? 0, kind: a.subjectKind, awarded: a.awarded.old ?? 0)) + "\n"
        case .changed:
            break
        }
        let eligible = say.arrow(a.eligible.old.map(say.count), a.eligible.new.map(say.count))
        let awarded = say.arrow(a.awarded.old.map(say.count), a.awarded.new.map(say.count))
        out += "\n  " + say(.awardCountsChange(eligible: eligible, awarded: awarded)) + ": " + summary(a.changes, say) + "\n"
        var table = TextTable([Message.Column.subject, .name, .change, .reason].map { say(.column($0)) })
        var legend: [(String, String)] = []
        for change in a.changes {
            for c in change.criteria where !legend.contains(where: { $0.0 == c.id }) { legend.append((c.id, c.text)) }
            table.add([change.subject, change.name, say(.change(change.kind)), reasons(change, say).joined(separator: "; ")])
        }
        out += table.plain()
        for (id, text) in legend { out += "  " + say(.criterionLegend(id: id, text: text)) + "\n" }
        return out
    }

    /// One scoring: each subject whose rank, grade or group moved.
    static func scoring(_ s: ScoringImpact, _ say: Wording) -> String {
        let out = "\(s.name) [\(s.id)]"
        switch s.status {
        case .added: return out + ": " + say(.scoringAdded(count: s.scored.new ?? 0, kind: s.subjectKind)) + "\n"
        case .removed: return out + ": " + say(.scoringRemoved(count: s.scored.old ?? 0, kind: s.subjectKind)) + "\n"
        case .changed: break
        }
        let text = out + "\n  " + say(.movedInRank(count: s.changes.count, kind: s.subjectKind)) + "\n"
        var table = TextTable([Message.Column.group, .subject, .name, .rank, .total, .grade].map { say(.column($0)) },
                              numeric: [3, 4])
        for c in s.changes {
            table.add([say.arrow(c.group.old, c.group.new), c.subject, c.name,
                       say.arrow(c.rank.old.map(say.count), c.rank.new.map(say.count)),
                       say.arrow(c.total.old.map(say.number), c.total.new.map(say.number)),
                       say.arrow(c.grade.old, c.grade.new)])
        }
        return text + table.plain()
    }

    /// `1 được khen thưởng thêm, 1 mất khen thưởng` / `1 gains the award, 1 loses it`.
    static func summary(_ changes: [AwardChange], _ say: Wording) -> String {
        func number(_ kind: AwardChange.Kind) -> Int { changes.count { $0.kind == kind } }
        return say(.changeSummary(gains: number(.gainsAward), losses: number(.losesAward),
                                  becomeEligible: number(.becomesEligible), loseEligibility: number(.losesEligibility)))
    }

    /// Why a subject's outcome changed: the award's scope, the criteria, the quota.
    static func reasons(_ c: AwardChange, _ say: Wording = Wording()) -> [String] {
        var parts: [String] = []
        if c.eligible.old == nil { parts.append(say(.nowApplies)) }
        if c.eligible.new == nil { parts.append(say(.noLongerApplies)) }
        for criterion in c.criteria {
            var part = "\(criterion.id): \(mark(criterion.passed.old)) → \(mark(criterion.passed.new))"
            if let detail = criterion.detail.new ?? criterion.detail.old { part += " (\(detail))" }
            parts.append(part)
        }
        if c.eligible.old == true, c.eligible.new == true {
            parts.append(say(.quotaPlaceChange(old: place(c.quota.old, say), new: place(c.quota.new, say))))
        } else if c.eligible.new == true, c.awarded.new == false {
            parts.append(say(.beyondQuota(place: place(c.quota.new, say))))
        }
        return parts
    }

    /// `17/15`: place against the limit (`–` without a limit or a place).
    static func place(_ q: QuotaPlace?, _ say: Wording) -> String {
        guard let q else { return "–" }
        return "\(say.count(q.place))/\(q.limit.map(say.count) ?? "–")"
    }

    static func mark(_ passed: Bool?) -> String {
        switch passed {
        case true?: "✔"
        case false?: "✘"
        case nil: "–"
        }
    }
}
