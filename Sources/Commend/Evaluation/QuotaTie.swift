/// A quota cut-off that falls inside a tie (RULES.md §2.2): eligible subjects
/// of one group share the order value of the last awarded place, some of them
/// are awarded and some are left out; the tie was broken by subject id
/// (ascending), or, for an award without `order`, every eligible subject ties
/// and the id alone decided.
public struct QuotaTie: Sendable, Hashable {
    /// A tied subject.
    public struct Subject: Sendable, Hashable {
        /// The subject's id.
        public var id: String
        /// The subject's name.
        public var name: String
        /// Its 1-based place in the group's order.
        public var place: Int
    }
    /// The quota group (nil: the one group).
    public var group: String?
    /// The group's limit.
    public var limit: Int
    /// The shared order value (nil: the award has no `order`).
    public var order: Double?
    /// The tied subjects that were awarded, by place.
    public var awarded: [Subject]
    /// The tied subjects left out, by place.
    public var leftOut: [Subject]
}

extension AwardResult {
    /// Every group whose quota cut-off falls inside a tie, by group.
    public var cutoffTies: [QuotaTie] {
        guard award.quota != nil else { return [] }
        var groups: [String?: [AwardOutcome]] = [:]
        var order: [String?] = []
        for r in results where r.eligible {
            guard let q = r.quota else { continue }
            if groups[q.group] == nil { order.append(q.group) }
            groups[q.group, default: []].append(r)
        }
        return order.compactMap { group in
            let members = groups[group]!.sorted { $0.quota!.place < $1.quota!.place }
            guard let limit = members.first?.quota?.limit, limit >= 1, members.count > limit else { return nil }
            let last = members[limit - 1].quota!.order, next = members[limit].quota!.order
            guard last == next else { return nil }
            let tied = members.filter { $0.quota!.order == last }
            let subject = { (r: AwardOutcome) in QuotaTie.Subject(id: r.subject, name: r.name, place: r.quota!.place) }
            return QuotaTie(group: group, limit: limit, order: last,
                            awarded: tied.filter(\.awarded).map(subject),
                            leftOut: tied.filter { !$0.awarded }.map(subject))
        }
    }
}

extension QuotaTie {
    /// The catalog's sentence for the table format and `explain`: who tied
    /// and how the tie was broken. `text` prepares names for the screen.
    public func message(_ text: (String) -> String = { $0 }) -> Message {
        func who(_ s: [Subject]) -> [String] { s.map { "\(text($0.name)) (\(text($0.id)))" } }
        return .quotaTie(group: group.map { text($0) }, tied: awarded.count + leftOut.count, order: order, limit: limit,
                         awarded: who(awarded), leftOut: who(leftOut))
    }
}
