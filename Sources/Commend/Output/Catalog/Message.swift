/// Every sentence and label of the human-readable output, keyed by case.
/// The Vietnamese table is `Message+Vietnamese.swift`, the English one
/// `Message+English.swift`; `Wording` picks one and formats the numbers
/// and dates the cases carry.
public enum Message: Sendable {
    /// A column of a table.
    public enum Column: Sendable, Hashable, CaseIterable {
        case subject, name, group, place, rank, total, grade, change, reason
    }

    /// A column of the tables of recorded runs (`runs list`, `history subject`).
    public enum StoreColumn: Sendable, Hashable, CaseIterable {
        case run, plan, year, phase, recorded, status, rules, data, decision, outcome
    }

    // evaluate --format table / md / html
    /// The plan's heading: name, id, year.
    case planHeading(name: String, id: String, year: Int)
    /// The phase line: name, id, first and last day (`YYYY-MM-DD`).
    case phaseLine(name: String, id: String, from: String, to: String)
    case rulesDigest(String)
    /// `xét 30.000 đoàn viên, đủ điều kiện 422, khen thưởng 4`.
    case awardCounts(considered: Int, kind: SubjectKind, eligible: Int, awarded: Int)
    /// A quota: share of a base (the base award's name, nil: the eligible), a maximum, a group field.
    case quota(share: Double?, base: String?, max: Int?, within: String?)
    /// `chấm điểm 20 đơn vị`, then each grade's count.
    case scored(count: Int, kind: SubjectKind, grades: [(label: String, count: Int)])
    case diagnostics
    case column(Column)

    // explain
    case awarded
    case eligibleNotAwarded
    case notEligible
    /// Place against a quota: place, eligible in the group, group (nil: one group), limit, base, order value.
    case quotaPlace(place: Int, eligible: Int, group: String?, limit: Int?, base: Int, order: Double?)
    case quotaNotPlaced
    /// A quota's cut-off inside a tie: the group, how many tie, their order
    /// value (nil: no `order`), the limit, and who the subject id put inside
    /// and outside it (names with ids).
    case quotaTie(group: String?, tied: Int, order: Double?, limit: Int, awarded: [String], leftOut: [String])
    /// A scoring's outcome: total, rank, group size, group, grade.
    case scoreLine(total: Double, rank: Int, of: Int, group: String?, grade: String?)
    /// An item's points: points, maximum, raw value when it was clamped.
    case itemPoints(points: Double, max: Double, raw: Double?)
    case bonus(points: Double, raw: Double?)
    case penalty(points: Double, raw: Double?)
    case nothingApplies(phase: String, subject: String)

    // diff
    case impactHeading(phaseName: String, phaseId: String)
    case oldRules(name: String, digest: String)
    case newRules(name: String, digest: String)
    /// `commend runs diff`: two recorded runs compared.
    case runsHeading(old: Int64, new: Int64, phaseName: String, phaseId: String)
    case oldRun(label: String, digest: String)
    case newRun(label: String, digest: String)
    case noImpact
    case awardAdded(eligible: Int, kind: SubjectKind, awarded: Int)
    case awardRemoved(eligible: Int, kind: SubjectKind, awarded: Int)
    /// `đủ điều kiện 2 → 3, khen thưởng 2` (texts already made with `Wording.arrow`).
    case awardCountsChange(eligible: String, awarded: String)
    /// Counts of subjects that gain, lose, become eligible, lose eligibility.
    case changeSummary(gains: Int, losses: Int, becomeEligible: Int, loseEligibility: Int)
    case change(AwardChange.Kind)
    case criterionLegend(id: String, text: String)
    case scoringAdded(count: Int, kind: SubjectKind)
    case scoringRemoved(count: Int, kind: SubjectKind)
    case movedInRank(count: Int, kind: SubjectKind)
    case nowApplies
    case noLongerApplies
    /// Places against the limit, `17/15`, before and after.
    case quotaPlaceChange(old: String, new: String)
    case beyondQuota(place: String)

    // recorded runs: runs list, runs finalize, history subject
    case storeColumn(StoreColumn)
    case runFinal
    case runReplaced(by: Int64)
    case noRuns
    /// A run made the official decision (`already`: it was), and the run it replaced.
    case finalized(run: Int64, plan: String, year: Int, phase: String, replaced: Int64?, already: Bool)
    case historyAwarded
    case historyScore(rank: Int?, grade: String?, total: Double?)
    case historyImported
    case runNotFinal(Int64)
    case noHistory

    // evaluate --watch
    case watchEvaluated
    case watchReloadFailed
    case watchAfterChange(files: [String])
    case watching(rules: String, data: String, seconds: Double)
    case wrote(path: String)
    case changesSinceLastGood
    case noGoodResultYet
    case resultAboveIsLastGood
    case rulesNeedFix
    case dataNeedsFix
    case stoppedWatching
}
