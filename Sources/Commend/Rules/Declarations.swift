/// Where a declaration, a key or a function was written.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// Path as shown to the user (for example `rules/ca-nhan.lua`).
    public var file: String
    public var line: Int
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
    public var description: String { "\(file):\(line)" }
}

/// `plan { ... }`: the emulation plan (RULES.md §2.1).
public struct Plan: Sendable, Hashable {
    public var id: String
    public var name: String
    public var year: Int
    public var phases: [Phase]
    public var movements: [Movement]
    public var fields: FieldSchema
    public var location: SourceLocation

    public func phase(_ id: String) -> Phase? { phases.first { $0.id == id } }
}

public struct Phase: Sendable, Hashable {
    public var id: String
    public var name: String
    /// ISO dates, `YYYY-MM-DD`.
    public var from: String
    public var to: String
}

public struct Movement: Sendable, Hashable {
    public var id: String
    public var name: String
}

/// `award "id" { ... }`: eligibility of members or units (RULES.md §2.2).
public struct Award: Sendable, Hashable {
    public var id: String
    public var name: String
    public var subject: SubjectKind
    public var movement: String?
    /// `nil`: every phase.
    public var phases: [String]?
    public var hasApplies: Bool
    public var criteria: [Criterion]
    public var quota: Quota?
    public var location: SourceLocation
}

public struct Criterion: Sendable, Hashable {
    public var id: String
    public var text: String
    public var location: SourceLocation
}

public struct Quota: Sendable, Hashable {
    public enum Rounding: String, Sendable, Hashable, CaseIterable {
        case floor, round, ceil
    }
    public var share: Double?
    public var max: Int?
    /// An award id: the base count is its holders in the group.
    public var base: String?
    /// A field of the subject naming its group.
    public var within: String?
    public var hasOrder: Bool
    public var rounding: Rounding
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
    public var id: String
    public var name: String
    public var subject: SubjectKind
    public var movement: String?
    public var phases: [String]?
    public var hasApplies: Bool
    public var group: String?
    public var items: [ScoringItem]
    public var bonus: Bonus?
    public var hasPenalty: Bool
    public var tiebreak: [String]
    public var grades: [Grade]
    public var location: SourceLocation
}

public struct ScoringItem: Sendable, Hashable {
    public var id: String
    public var text: String
    public var max: Double
    public var location: SourceLocation
}

public struct Bonus: Sendable, Hashable {
    /// `nil`: no upper bound.
    public var max: Double?
}

public struct Grade: Sendable, Hashable {
    public var min: Double
    public var label: String
}
