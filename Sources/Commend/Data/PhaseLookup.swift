/// Reads the data of one phase as rule scripts see it: a subject's phase row
/// over its base row (phase values win), for the places of subjects in the
/// unit tree (a member's unit, a unit's parent) and for any column a document
/// shows (a unit's name, a member's `chuc_vu`).
public struct PhaseLookup: Sendable {
    /// The dataset read.
    public let data: Dataset
    /// The phase whose rows win over the base rows.
    public let phase: String

    /// A lookup of `phase` in `data`.
    public init(data: Dataset, phase: String) {
        self.data = data
        self.phase = phase
    }

    /// The cell of `column` for subject `id`: the phase row's value if it has
    /// one, else the base row's; nil when neither has it.
    public func value(_ kind: SubjectKind, _ id: String, _ column: String) -> Value? {
        if let facts = data.phases[phase]?.rows(kind), let row = facts.row(of: id),
           let value = facts.value(row: row, column: column) {
            return value
        }
        let base = data.rows(kind)
        guard let row = base.row(of: id) else { return nil }
        return base.value(row: row, column: column)
    }

    /// The cell as text (`Value.description`); nil when absent or empty.
    public func text(_ kind: SubjectKind, _ id: String, _ column: String) -> String? {
        guard let value = value(kind, id, column) else { return nil }
        let text = value.description
        return text.isEmpty ? nil : text
    }

    /// Whether the data of either kind has this column (base or phase rows).
    public func hasColumn(_ kind: SubjectKind, _ column: String) -> Bool {
        data.rows(kind).columnIndex(column) != nil || data.phases[phase]?.rows(kind).columnIndex(column) != nil
    }

    /// Whether `id` is a unit of the data.
    public func isUnit(_ id: String) -> Bool { data.units.row(of: id) != nil }
    /// Whether `id` is a member of the data.
    public func isMember(_ id: String) -> Bool { data.members.row(of: id) != nil }

    /// The unit a subject sits in: a member's `unit`, a unit itself.
    public func unit(of subject: String, kind: SubjectKind) -> String? {
        kind == .unit ? subject : text(.member, subject, "unit")
    }

    /// The parent unit of `unit`, if any.
    public func parent(of unit: String) -> String? { text(.unit, unit, "parent") }

    /// A unit's name, or its id when it has none.
    public func unitName(_ unit: String) -> String { text(.unit, unit, "name") ?? unit }

    /// The unit and its ancestors, nearest first (stops at a repeated unit).
    public func ancestry(of unit: String) -> [String] {
        var chain: [String] = []
        var seen: Set<String> = []
        var current: String? = unit
        while let u = current, seen.insert(u).inserted {
            chain.append(u)
            current = parent(of: u)
        }
        return chain
    }

    /// Whether `unit` is `root` or lies under it.
    public func unit(_ unit: String, isWithin root: String) -> Bool { ancestry(of: unit).contains(root) }

    /// The top-level unit under a root (the district or sector federation
    /// for a grassroots union; the unit itself for a district; the root for
    /// the root). Units of a one-level tree are their own district.
    public func district(of unit: String) -> String {
        let chain = ancestry(of: unit)
        return chain.count >= 2 ? chain[chain.count - 2] : chain.last ?? unit
    }
}
