/// One recorded evaluation, as `commend runs list` shows it.
public struct RecordedRun: Sendable, Hashable {
    /// The run id: a positive integer, in recording order.
    public var id: Int64
    public var plan: String
    public var planName: String
    /// The plan's year.
    public var year: Int
    public var phase: String
    public var phaseName: String
    /// `sha256:<hex>` of the rules (RULES.md §2).
    public var rulesDigest: String
    /// `sha256:<hex>` of the data files (see `DataDigest`).
    public var dataDigest: String
    /// The options that affect results, as a JSON object.
    public var options: String
    /// The engine's version (`commend --version`).
    public var engineVersion: String
    /// When the run was recorded: ISO 8601 in UTC (`2026-11-30T10:15:02Z`).
    public var recordedAt: String
    /// Whether the run is the official decision of its plan, year and phase.
    public var finalized: Bool
    /// When it was finalized (kept after it is replaced).
    public var finalizedAt: String?
    /// The run that replaced it as the official decision, if any.
    public var replacedBy: Int64?
    /// Size of its JSON result in bytes.
    public var jsonSize: Int
}

/// One line of a subject's history (`commend history subject`): an award
/// received, or a rank and grade in a scoring, in a recorded run; or an
/// imported history row (no run, no phase).
public struct SubjectRecord: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case award, scoring
    }
    public var year: Int
    /// nil for an imported row.
    public var phase: String?
    public var kind: Kind
    /// The award or scoring id.
    public var decision: String
    /// For an award: whether it was awarded (false: eligible, left out by the quota).
    public var awarded: Bool?
    public var rank: Int?
    public var grade: String?
    public var total: Double?
    /// The recorded run (nil for an imported row) and whether it is final.
    public var run: Int64?
    public var finalized: Bool
}

/// What finalizing a run did.
public struct Finalization: Sendable, Hashable {
    /// The run that was the official decision before, now marked replaced.
    public var replaced: Int64?
    /// The run was already the official decision: nothing changed.
    public var alreadyFinal: Bool

    public init(replaced: Int64?, alreadyFinal: Bool) {
        self.replaced = replaced
        self.alreadyFinal = alreadyFinal
    }
}
