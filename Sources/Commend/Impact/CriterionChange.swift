/// A criterion whose pass or fail changed for one subject. A criterion that
/// is missing on one side (added or removed by the change, or the award not
/// applying to the subject there) counts as passed on that side.
public struct CriterionChange: Sendable, Hashable {
    /// The criterion's id.
    public var id: String
    /// The text of the new rules, or of the old ones for a removed criterion.
    public var text: String
    /// nil: the criterion is not evaluated for the subject on that side.
    public var passed: Transition<Bool?>
    /// The check's detail on each side.
    public var detail: Transition<String?>

    /// A change; see the properties.
    public init(id: String, text: String, passed: Transition<Bool?>, detail: Transition<String?>) {
        self.id = id
        self.text = text
        self.passed = passed
        self.detail = detail
    }

    /// The changed criteria between two outcomes of one subject, in the
    /// order of the new rules, then criteria only the old rules have.
    static func between(_ old: AwardOutcome?, _ new: AwardOutcome?) -> [CriterionChange] {
        let oldCriteria = old?.criteria ?? []
        let newCriteria = new?.criteria ?? []
        var ids = newCriteria.map(\.id)
        for criterion in oldCriteria where !ids.contains(criterion.id) { ids.append(criterion.id) }
        var changes: [CriterionChange] = []
        for id in ids {
            let before = oldCriteria.first { $0.id == id }
            let after = newCriteria.first { $0.id == id }
            guard (before?.passed ?? true) != (after?.passed ?? true) else { continue }
            changes.append(CriterionChange(
                id: id, text: after?.text ?? before?.text ?? "",
                passed: Transition(old: before?.passed, new: after?.passed),
                detail: Transition(old: before?.detail, new: after?.detail)))
        }
        return changes
    }
}
