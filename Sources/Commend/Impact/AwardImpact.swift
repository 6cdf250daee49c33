/// What a rule change does to one award: the subjects that gain or lose
/// eligibility or the award, or the whole award added or removed.
public struct AwardImpact: Sendable, Hashable {
    /// Whether the award was added, removed or changed.
    public enum Status: String, Sendable, Hashable {
        /// Only the new rules decide this award in the phase.
        case added
        /// Only the old rules decide this award in the phase.
        case removed
        /// Both decide it, and some subject's eligibility or award differs.
        case changed
    }

    /// The award's id.
    public var id: String
    /// The name in the new rules (the old one for a removed award).
    public var name: String
    /// Members or units.
    public var subjectKind: SubjectKind
    /// Added, removed or changed.
    public var status: Status
    /// How many subjects are eligible; nil on the side without the award.
    public var eligible: Transition<Int?>
    /// How many subjects are awarded; nil on the side without the award.
    public var awarded: Transition<Int?>
    /// For a changed award: every subject whose eligibility or award differs, by subject id.
    public var changes: [AwardChange]

    /// An impact; see the properties.
    public init(id: String, name: String, subjectKind: SubjectKind, status: Status, eligible: Transition<Int?>,
                awarded: Transition<Int?>, changes: [AwardChange]) {
        self.id = id
        self.name = name
        self.subjectKind = subjectKind
        self.status = status
        self.eligible = eligible
        self.awarded = awarded
        self.changes = changes
    }

    /// The impact on one award, or nil when nothing a subject receives differs.
    static func between(_ old: AwardResult?, _ new: AwardResult?) -> AwardImpact? {
        guard let any = new ?? old else { return nil }
        let status: Status = old == nil ? .added : new == nil ? .removed : .changed
        let changes = status == .changed ? subjectChanges(old!.results, new!.results) : []
        if status == .changed && changes.isEmpty { return nil }
        return AwardImpact(
            id: any.id, name: any.award.name, subjectKind: any.award.subject, status: status,
            eligible: Transition(old: old?.results.count { $0.eligible }, new: new?.results.count { $0.eligible }),
            awarded: Transition(old: old?.results.count { $0.awarded }, new: new?.results.count { $0.awarded }),
            changes: changes)
    }

    /// Walks both result lists (each sorted by subject id) side by side.
    private static func subjectChanges(_ old: [AwardOutcome], _ new: [AwardOutcome]) -> [AwardChange] {
        var changes: [AwardChange] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            let before: AwardOutcome?, after: AwardOutcome?
            if j == new.count || (i < old.count && old[i].subject < new[j].subject) {
                before = old[i]; after = nil; i += 1
            } else if i == old.count || new[j].subject < old[i].subject {
                before = nil; after = new[j]; j += 1
            } else {
                before = old[i]; after = new[j]; i += 1; j += 1
            }
            if let change = AwardChange.between(before, after) { changes.append(change) }
        }
        return changes
    }
}
