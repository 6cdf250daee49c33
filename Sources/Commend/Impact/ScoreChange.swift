/// One subject whose rank or grade (or group) in a scoring differs after a rule change.
public struct ScoreChange: Sendable, Hashable {
    /// The subject's id.
    public var subject: String
    /// The subject's name.
    public var name: String
    /// The values on each side; nil where the scoring does not apply to the subject.
    public var group: Transition<String?>
    /// The rank in its group on each side.
    public var rank: Transition<Int?>
    /// How many subjects share the subject's group.
    public var groupSize: Transition<Int?>
    /// The total on each side.
    public var total: Transition<Double?>
    /// The grade on each side.
    public var grade: Transition<String?>
    /// Whether the subject is scored on each side.
    public var scored: Transition<Bool>

    /// A change; see the properties.
    public init(subject: String, name: String, group: Transition<String?>, rank: Transition<Int?>,
                groupSize: Transition<Int?>, total: Transition<Double?>, grade: Transition<String?>,
                scored: Transition<Bool>) {
        self.subject = subject
        self.name = name
        self.group = group
        self.rank = rank
        self.groupSize = groupSize
        self.total = total
        self.grade = grade
        self.scored = scored
    }

    /// The change of one subject, or nil when its group, rank and grade are the same.
    static func between(_ old: ScoreOutcome?, _ new: ScoreOutcome?) -> ScoreChange? {
        guard let any = new ?? old else { return nil }
        let change = ScoreChange(
            subject: any.subject, name: any.name,
            group: Transition(old: old?.group, new: new?.group),
            rank: Transition(old: old?.rank, new: new?.rank),
            groupSize: Transition(old: old?.groupSize, new: new?.groupSize),
            total: Transition(old: old?.total, new: new?.total),
            grade: Transition(old: old?.grade, new: new?.grade),
            scored: Transition(old: old != nil, new: new != nil))
        let moved = change.scored.changed || change.group.changed || change.rank.changed || change.grade.changed
        return moved ? change : nil
    }
}
