/// What a rule change does to one scoring: the subjects whose rank or grade
/// moved, or the whole scoring added or removed.
public struct ScoringImpact: Sendable, Hashable {
    /// Whether the scoring was added, removed or changed.
    public typealias Status = AwardImpact.Status

    /// The scoring's id.
    public var id: String
    /// The name in the new rules (the old one for a removed scoring).
    public var name: String
    /// Members or units.
    public var subjectKind: SubjectKind
    /// Added, removed or changed.
    public var status: Status
    /// How many subjects are scored; nil on the side without the scoring.
    public var scored: Transition<Int?>
    /// For a changed scoring: every subject whose group, rank or grade differs,
    /// in the order of the new results (group, rank, subject id), then subjects
    /// only the old results have, in their order.
    public var changes: [ScoreChange]

    /// An impact; see the properties.
    public init(id: String, name: String, subjectKind: SubjectKind, status: Status, scored: Transition<Int?>,
                changes: [ScoreChange]) {
        self.id = id
        self.name = name
        self.subjectKind = subjectKind
        self.status = status
        self.scored = scored
        self.changes = changes
    }

    /// The impact on one scoring, or nil when no subject's group, rank or grade differs.
    static func between(_ old: ScoringResult?, _ new: ScoringResult?) -> ScoringImpact? {
        guard let any = new ?? old else { return nil }
        let status: Status = old == nil ? .added : new == nil ? .removed : .changed
        var changes: [ScoreChange] = []
        if let old, let new {
            var before: [String: ScoreOutcome] = [:]
            for outcome in old.results { before[outcome.subject] = outcome }
            var seen = Set<String>()
            for outcome in new.results {
                seen.insert(outcome.subject)
                if let change = ScoreChange.between(before[outcome.subject], outcome) { changes.append(change) }
            }
            for outcome in old.results where !seen.contains(outcome.subject) {
                if let change = ScoreChange.between(outcome, nil) { changes.append(change) }
            }
            if changes.isEmpty { return nil }
        }
        return ScoringImpact(id: any.id, name: any.scoring.name, subjectKind: any.scoring.subject, status: status,
                             scored: Transition(old: old?.results.count, new: new?.results.count), changes: changes)
    }
}
