/// Where a declaration, a key or a function was written.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// Path as shown to the user (for example `rules/ca-nhan.lua`).
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// A place in a rule file.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
    /// `file:line`.
    public var description: String { "\(file):\(line)" }
}

/// `plan { ... }`: the emulation plan (RULES.md §2.1).
public struct Plan: Sendable, Hashable {
    /// The plan's id.
    public var id: String
    /// The plan's name.
    public var name: String
    /// The year of the plan.
    public var year: Int
    /// The phases (đợt), in declaration order.
    public var phases: [Phase]
    /// The movements (phong trào) that awards and scorings may name.
    public var movements: [Movement]
    /// The typed columns of the data (RULES.md §3).
    public var fields: FieldSchema
    /// Where `plan { ... }` is written.
    public var location: SourceLocation

    /// The phase with id `id`, if declared.
    public func phase(_ id: String) -> Phase? { phases.first { $0.id == id } }
}

/// A phase of the plan (RULES.md §2.1).
public struct Phase: Sendable, Hashable {
    /// The phase's id (`dot1`).
    public var id: String
    /// The phase's name.
    public var name: String
    /// ISO dates, `YYYY-MM-DD`.
    public var from: String
    /// Last day of the phase.
    public var to: String
}

/// A movement (phong trào) of the plan.
public struct Movement: Sendable, Hashable {
    /// The movement's id.
    public var id: String
    /// The movement's name.
    public var name: String
}

/// `award "id" { ... }`: eligibility of members or units (RULES.md §2.2).
public struct Award: Sendable, Hashable {
    /// The award's id.
    public var id: String
    /// The award's name.
    public var name: String
    /// Whether the award is for members or units.
    public var subject: SubjectKind
    /// The movement the award belongs to, if any.
    public var movement: String?
    /// `nil`: every phase.
    public var phases: [String]?
    /// Whether the award has an `applies` filter.
    public var hasApplies: Bool
    /// The criteria, in declaration order; all must pass.
    public var criteria: [Criterion]
    /// The quota, if any.
    public var quota: Quota?
    /// Where the award is declared.
    public var location: SourceLocation
}

/// A criterion of an award: its check is a Lua function of the rules.
public struct Criterion: Sendable, Hashable {
    /// The criterion's id.
    public var id: String
    /// The criterion's text for people.
    public var text: String
    /// Where the criterion is written.
    public var location: SourceLocation
}

/// How many eligible subjects of a group are awarded (RULES.md §2.2).
public struct Quota: Sendable, Hashable {
    /// How `share × base` becomes a count.
    public enum Rounding: String, Sendable, Hashable, CaseIterable {
        case floor, round, ceil
    }
    /// The share of the base count, if given.
    public var share: Double?
    /// The largest count per group, if given.
    public var max: Int?
    /// An award id: the base count is its holders in the group.
    public var base: String?
    /// A field of the subject naming its group.
    public var within: String?
    /// Whether an `order` function ranks the eligible subjects.
    public var hasOrder: Bool
    /// How the share is rounded.
    public var rounding: Rounding
    /// Where the quota is written.
    public var location: SourceLocation

    /// `min(max, rounding(share × base))` for whichever is given; `nil`: no limit.
    public func limit(base count: Int) -> Int? {
        var limit: Int?
        if let share {
            // Rounded to 1e-9 first, so that 0.15 × 20 is 3 and not 3.0000000000000004.
            let exact = (share * Double(count) * 1e9).rounded() / 1e9
            let value = switch rounding {
            case .floor: exact.rounded(.down)
            case .round: (exact + 0.5).rounded(.down)
            case .ceil: exact.rounded(.up)
            }
            limit = Int(value)
        }
        if let max { limit = Swift.min(limit ?? max, max) }
        return limit
    }
}

/// `scoring "id" { ... }`: points and ranking (RULES.md §2.3).
public struct Scoring: Sendable, Hashable {
    /// The scoring's id.
    public var id: String
    /// The scoring's name.
    public var name: String
    /// Whether members or units are scored.
    public var subject: SubjectKind
    /// The movement the scoring belongs to, if any.
    public var movement: String?
    /// The phases in which it applies; nil: every phase.
    public var phases: [String]?
    /// Whether the scoring has an `applies` filter.
    public var hasApplies: Bool
    /// The field of the subject whose value names its ranking group; nil: one group.
    public var group: String?
    /// The items, in declaration order.
    public var items: [ScoringItem]
    /// The bonus, if any.
    public var bonus: Bonus?
    /// Whether a penalty is subtracted.
    public var hasPenalty: Bool
    /// Item ids that break ties of totals, higher first.
    public var tiebreak: [String]
    /// The grades, first whose `min` the total reaches.
    public var grades: [Grade]
    /// Where the scoring is declared.
    public var location: SourceLocation
}

/// An item of a scoring: points from a Lua function, clamped to `[0, max]`.
public struct ScoringItem: Sendable, Hashable {
    /// The item's id.
    public var id: String
    /// The item's text for people.
    public var text: String
    /// The most points the item gives.
    public var max: Double
    /// Where the item is written.
    public var location: SourceLocation
}

/// The bonus of a scoring, added to the items.
public struct Bonus: Sendable, Hashable {
    /// `nil`: no upper bound.
    public var max: Double?
}

/// A grade of a scoring: a label for totals from `min` up.
public struct Grade: Sendable, Hashable {
    /// The lowest total of the grade.
    public var min: Double
    /// The grade's label.
    public var label: String
}
