/// `commend diff --format table`: the impact of a rule change as text for an
/// administrator, one table per award or scoring that changed, names aligned
/// by display width.
public enum ImpactTextFormat {
    /// The whole report. With `old`/`new` labels (the rules directories as
    /// the user named them) it starts with a heading naming both sides;
    /// `title` and `sides` name what is compared (two recorded runs: "old run", "new run").
    public static func text(_ impact: Impact, old: String? = nil, new: String? = nil,
                            title: String = "Impact of the rule change",
                            sides: (old: String, new: String) = ("old rules", "new rules")) -> String {
        var out = ""
        if let old, let new {
            let title = "\(title) on \(impact.phase.name) [\(impact.phase.id)]"
            out += title + "\n" + String(repeating: "═", count: TextTable.width(title)) + "\n"
            out += "  \(sides.old): \(old) (\(impact.rulesDigest.old))\n"
            out += "  \(sides.new): \(new) (\(impact.rulesDigest.new))\n\n"
        }
        if impact.isEmpty { return out + "No subject gains or loses an award, rank or grade.\n" }
        var sections: [String] = []
        sections += impact.awards.map(award)
        sections += impact.scorings.map(scoring)
        return out + sections.joined(separator: "\n")
    }

    /// One award: its counts, then each subject that changed and why.
    static func award(_ a: AwardImpact) -> String {
        var out = "\(a.name) [\(a.id)]"
        switch a.status {
        case .added:
            return out + ": added\n  \(count(a.eligible.new ?? 0, a.subjectKind)) eligible, \(a.awarded.new ?? 0) awarded\n"
        case .removed:
            return out + ": removed\n  was \(count(a.eligible.old ?? 0, a.subjectKind)) eligible, \(a.awarded.old ?? 0) awarded\n"
        case .changed:
            break
        }
        out += "\n  eligible \(arrow(a.eligible.old, a.eligible.new)), awarded \(arrow(a.awarded.old, a.awarded.new))"
        out += ": " + summary(a.changes) + "\n"
        var table = TextTable(["subject", "name", "change", "because"])
        var legend: [(String, String)] = []
        for change in a.changes {
            for c in change.criteria where !legend.contains(where: { $0.0 == c.id }) { legend.append((c.id, c.text)) }
            table.add([change.subject, change.name, label(change.kind), reasons(change).joined(separator: "; ")])
        }
        out += table.plain()
        for (id, text) in legend { out += "  criterion \(id): \(text)\n" }
        return out
    }

    /// One scoring: each subject whose rank, grade or group moved.
    static func scoring(_ s: ScoringImpact) -> String {
        let out = "\(s.name) [\(s.id)]"
        switch s.status {
        case .added: return out + ": added\n  \(count(s.scored.new ?? 0, s.subjectKind)) scored\n"
        case .removed: return out + ": removed\n  was \(count(s.scored.old ?? 0, s.subjectKind)) scored\n"
        case .changed: break
        }
        let text = out + "\n  \(count(s.changes.count, s.subjectKind)) moved in rank or grade\n"
        var table = TextTable(["group", "subject", "name", "rank", "total", "grade"], numeric: [3, 4])
        for c in s.changes {
            table.add([arrow(c.group.old, c.group.new), c.subject, c.name,
                       arrow(c.rank.old, c.rank.new),
                       arrow(c.total.old.map(ReportFormat.number), c.total.new.map(ReportFormat.number)),
                       arrow(c.grade.old, c.grade.new)])
        }
        return text + table.plain()
    }

    /// `12 gain the award, 1 loses it`.
    static func summary(_ changes: [AwardChange]) -> String {
        func number(_ kind: AwardChange.Kind) -> Int { changes.count { $0.kind == kind } }
        var parts: [String] = []
        let gains = number(.gainsAward), losses = number(.losesAward)
        let eligible = number(.becomesEligible), ineligible = number(.losesEligibility)
        if gains > 0 { parts.append("\(gains) gain\(gains == 1 ? "s" : "") the award") }
        if losses > 0 { parts.append("\(losses) lose\(losses == 1 ? "s" : "") \(gains > 0 ? "it" : "the award")") }
        if eligible > 0 { parts.append("\(eligible) become\(eligible == 1 ? "s" : "") eligible without it") }
        if ineligible > 0 { parts.append("\(ineligible) no longer eligible") }
        return parts.joined(separator: ", ")
    }

    /// `1 member`, `3 units`.
    static func count(_ n: Int, _ kind: SubjectKind) -> String {
        "\(n) \(kind == .member ? "member" : "unit")\(n == 1 ? "" : "s")"
    }

    static func label(_ kind: AwardChange.Kind) -> String {
        switch kind {
        case .gainsAward: "gains award"
        case .losesAward: "loses award"
        case .becomesEligible: "becomes eligible"
        case .losesEligibility: "no longer eligible"
        }
    }

    /// Why a subject's outcome changed: the award's scope, the criteria, the quota.
    static func reasons(_ c: AwardChange) -> [String] {
        var parts: [String] = []
        if c.eligible.old == nil { parts.append("now applies") }
        if c.eligible.new == nil { parts.append("no longer applies") }
        for criterion in c.criteria {
            var part = "\(criterion.id): \(mark(criterion.passed.old)) → \(mark(criterion.passed.new))"
            if let detail = criterion.detail.new ?? criterion.detail.old { part += " (\(detail))" }
            parts.append(part)
        }
        if c.eligible.old == true, c.eligible.new == true {
            parts.append("quota place \(place(c.quota.old)) → \(place(c.quota.new))")
        } else if c.eligible.new == true, c.awarded.new == false {
            parts.append("beyond the quota: place \(place(c.quota.new))")
        }
        return parts
    }

    /// `17/15`: place against the limit (`–` without a limit or a place).
    static func place(_ q: QuotaPlace?) -> String {
        guard let q else { return "–" }
        return "\(q.place)/\(q.limit.map(String.init) ?? "–")"
    }

    static func mark(_ passed: Bool?) -> String {
        switch passed {
        case true?: "✔"
        case false?: "✘"
        case nil: "–"
        }
    }

    /// `a → b`, or `a` alone when equal; `–` for nil.
    static func arrow<T: CustomStringConvertible & Equatable>(_ old: T?, _ new: T?) -> String {
        let before = old.map(\.description) ?? "–", after = new.map(\.description) ?? "–"
        return old == new ? after : "\(before) → \(after)"
    }

}
