/// The English table of `Message` (`--lang en`).
extension Message {
    func english(_ w: Wording) -> String {
        let n = w.number, c = w.count
        switch self {
        case .planHeading(let name, let id, let year): return "\(name) (\(id), \(year))"
        case .phaseLine(let name, let id, let from, let to): return "\(name) [\(id)]: \(w.date(from)) – \(w.date(to))"
        case .rulesDigest(let digest): return "rules \(digest)"
        case .awardCounts(let considered, let kind, let eligible, let awarded):
            return "\(Self.en(considered, kind, w)) considered, \(c(eligible)) eligible, \(c(awarded)) awarded"
        case .quota(let share, let base, let max, let within):
            var parts: [String] = []
            if let share { parts.append("\(n(share * 100))% of \(base ?? "eligible")") }
            if let max { parts.append("at most \(c(max))") }
            return "quota " + parts.joined(separator: ", ") + (within.map { " per \($0)" } ?? "")
        case .scored(let count, let kind, let grades):
            return "\(Self.en(count, kind, w)) scored" + grades.map { "; \($0.label): \(c($0.count))" }.joined()
        case .diagnostics: return "Diagnostics"
        case .column(let column):
            switch column {
            case .subject: return "subject"
            case .name: return "name"
            case .group: return "group"
            case .place: return "place"
            case .rank: return "rank"
            case .total: return "total"
            case .grade: return "grade"
            case .change: return "change"
            case .reason: return "because"
            }
        case .storeColumn(let column):
            switch column {
            case .run: return "run"
            case .plan: return "plan"
            case .year: return "year"
            case .phase: return "phase"
            case .recorded: return "recorded (UTC)"
            case .status: return "final"
            case .rules: return "rules"
            case .data: return "data"
            case .decision: return "award or scoring"
            case .outcome: return "outcome"
            }
        case .runFinal: return "final"
        case .runReplaced(let by): return "replaced by \(by)"
        case .noRuns: return "No recorded runs."
        case .finalized(let run, let plan, let year, let phase, let replaced, let already):
            let what = "plan \(plan) (\(year)), phase \(phase)"
            if already { return "run \(run) is already the final decision of \(what)" }
            return "run \(run) is now the final decision of \(what)" + (replaced.map { "; run \($0) is marked as replaced" } ?? "")
        case .historyAwarded: return "awarded"
        case .historyScore(let rank, let grade, let total):
            return "rank \(rank.map(c) ?? "–")" + (grade.map { ", \($0)" } ?? "") + (total.map { ", \(n($0)) points" } ?? "")
        case .historyImported: return "imported"
        case .runNotFinal(let run): return "\(run) (not final)"
        case .noHistory: return "No history for this subject."
        case .awarded: return "AWARDED"
        case .eligibleNotAwarded: return "eligible, not awarded"
        case .notEligible: return "not eligible"
        case .quotaPlace(let place, let eligible, let group, let limit, let base, let order):
            let scope = group.map { "group \($0)" } ?? "the one group"
            let cap = limit.map { "limit \(c($0))" } ?? "no limit"
            return "quota: place \(c(place)) of \(c(eligible)) eligible in \(scope), \(cap) (base \(c(base)))"
                + (order.map { ", order value \(n($0))" } ?? "")
        case .quotaNotPlaced: return "quota: not placed"
        case .quotaTie(let group, let tied, let order, let limit, let awarded, let leftOut):
            let value = order.map { "share order value \(n($0))" } ?? "tie (the award has no order)"
            return "tie at the quota cut-off" + (group.map { " in group \($0)" } ?? "")
                + ": \(c(tied)) eligible \(value) for the last of \(c(limit)) places; "
                + "broken by subject id (ascending): awarded \(awarded.joined(separator: ", ")); "
                + "left out \(leftOut.joined(separator: ", "))"
        case .scoreLine(let total, let rank, let of, let group, let grade):
            return "total \(n(total)), rank \(c(rank)) of \(c(of))" + (group.map { " in group \($0)" } ?? "")
                + (grade.map { ", grade \($0)" } ?? ", no grade")
        case .itemPoints(let points, let max, let raw):
            return "\(n(points)) / \(n(max))" + (raw.map { " (raw \(n($0)), clamped to [0, \(n(max))])" } ?? "")
        case .bonus(let points, let raw):
            return "bonus: +\(n(points))" + (raw.map { " (raw \(n($0)), clamped)" } ?? "")
        case .penalty(let points, let raw):
            return "penalty: −\(n(points))" + (raw.map { " (raw \(n($0)), clamped)" } ?? "")
        case .nothingApplies(let phase, let subject): return "No award or scoring of phase \(phase) applies to \(subject)."
        case .impactHeading(let name, let id): return "Impact of the rule change on \(name) [\(id)]"
        case .oldRules(let name, let digest): return "old rules: \(name) (\(digest))"
        case .newRules(let name, let digest): return "new rules: \(name) (\(digest))"
        case .runsHeading(let old, let new, let name, let id): return "Changes from run \(old) to run \(new) on \(name) [\(id)]"
        case .oldRun(let label, let digest): return "old run: \(label) (rules \(digest))"
        case .newRun(let label, let digest): return "new run: \(label) (rules \(digest))"
        case .noImpact: return "No subject gains or loses an award, rank or grade."
        case .awardAdded(let eligible, let kind, let awarded):
            return "added\n  \(Self.en(eligible, kind, w)) eligible, \(c(awarded)) awarded"
        case .awardRemoved(let eligible, let kind, let awarded):
            return "removed\n  was \(Self.en(eligible, kind, w)) eligible, \(c(awarded)) awarded"
        case .awardCountsChange(let eligible, let awarded): return "eligible \(eligible), awarded \(awarded)"
        case .changeSummary(let gains, let losses, let becomeEligible, let loseEligibility):
            var parts: [String] = []
            if gains > 0 { parts.append("\(c(gains)) gain\(gains == 1 ? "s" : "") the award") }
            if losses > 0 { parts.append("\(c(losses)) lose\(losses == 1 ? "s" : "") \(gains > 0 ? "it" : "the award")") }
            if becomeEligible > 0 { parts.append("\(c(becomeEligible)) become\(becomeEligible == 1 ? "s" : "") eligible without it") }
            if loseEligibility > 0 { parts.append("\(c(loseEligibility)) no longer eligible") }
            return parts.joined(separator: ", ")
        case .change(let kind):
            switch kind {
            case .gainsAward: return "gains award"
            case .losesAward: return "loses award"
            case .becomesEligible: return "becomes eligible"
            case .losesEligibility: return "no longer eligible"
            }
        case .criterionLegend(let id, let text): return "criterion \(id): \(text)"
        case .scoringAdded(let count, let kind): return "added\n  \(Self.en(count, kind, w)) scored"
        case .scoringRemoved(let count, let kind): return "removed\n  was \(Self.en(count, kind, w)) scored"
        case .movedInRank(let count, let kind): return "\(Self.en(count, kind, w)) moved in rank or grade"
        case .nowApplies: return "now applies"
        case .noLongerApplies: return "no longer applies"
        case .quotaPlaceChange(let old, let new): return "quota place \(old) → \(new)"
        case .beyondQuota(let place): return "beyond the quota: place \(place)"
        case .watchEvaluated: return "evaluated"
        case .watchReloadFailed: return "reload failed"
        case .watchAfterChange(let files): return " after a change of " + files.joined(separator: ", ")
        case .watching(let rules, let data, let seconds):
            return "watching \(rules)/**/*.lua and \(data)/ (polled every \(n(seconds)) s); Ctrl-C to stop"
        case .wrote(let path): return "wrote \(path)"
        case .changesSinceLastGood: return "Changes since the last good evaluation:"
        case .noGoodResultYet: return "no good result yet"
        case .resultAboveIsLastGood: return "the result above is the last good one"
        case .rulesNeedFix: return "the rules need a fix:"
        case .dataNeedsFix: return "the data need a fix:"
        case .stoppedWatching: return "stopped watching"
        }
    }

    /// `1 member`, `3 units`.
    static func en(_ count: Int, _ kind: SubjectKind, _ w: Wording) -> String {
        "\(w.count(count)) \(kind == .member ? "member" : "unit")\(count == 1 ? "" : "s")"
    }
}
