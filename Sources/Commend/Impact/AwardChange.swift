/// One subject that gains or loses eligibility or an award through a rule change.
public struct AwardChange: Sendable, Hashable {
    /// How the subject's outcome changed.
    public enum Kind: String, Sendable, Hashable {
        /// Not awarded before, awarded now.
        case gainsAward = "gains_award"
        /// Awarded before, not now.
        case losesAward = "loses_award"
        /// Not awarded either way, eligible now and not before (the quota is full).
        case becomesEligible = "becomes_eligible"
        /// Not awarded either way, eligible before and not now.
        case losesEligibility = "loses_eligibility"
    }

    /// The subject's id.
    public var subject: String
    /// The subject's name.
    public var name: String
    /// How its outcome changed.
    public var kind: Kind
    /// nil: the award does not apply to the subject on that side (`applies`
    /// is falsy, or the subject is not in the results).
    public var eligible: Transition<Bool?>
    /// Whether it is awarded on each side; nil as for `eligible`.
    public var awarded: Transition<Bool?>
    /// The criteria whose pass or fail changed, in rule order.
    public var criteria: [CriterionChange]
    /// The subject's place against the quota, on each side where it is eligible for an award with a quota.
    public var quota: Transition<QuotaPlace?>

    /// A change; see the properties.
    public init(subject: String, name: String, kind: Kind, eligible: Transition<Bool?>, awarded: Transition<Bool?>,
                criteria: [CriterionChange], quota: Transition<QuotaPlace?>) {
        self.subject = subject
        self.name = name
        self.kind = kind
        self.eligible = eligible
        self.awarded = awarded
        self.criteria = criteria
        self.quota = quota
    }

    /// The change of one subject, or nil when its eligibility and award are the same.
    static func between(_ old: AwardOutcome?, _ new: AwardOutcome?) -> AwardChange? {
        guard let any = new ?? old else { return nil }
        let wasEligible = old?.eligible ?? false, isEligible = new?.eligible ?? false
        let wasAwarded = old?.awarded ?? false, isAwarded = new?.awarded ?? false
        let kind: Kind
        if wasAwarded != isAwarded {
            kind = isAwarded ? .gainsAward : .losesAward
        } else if wasEligible != isEligible {
            kind = isEligible ? .becomesEligible : .losesEligibility
        } else {
            return nil
        }
        return AwardChange(
            subject: any.subject, name: new?.name ?? any.name, kind: kind,
            eligible: Transition(old: old?.eligible, new: new?.eligible),
            awarded: Transition(old: old?.awarded, new: new?.awarded),
            criteria: CriterionChange.between(old, new),
            quota: Transition(old: old?.quota, new: new?.quota))
    }
}
