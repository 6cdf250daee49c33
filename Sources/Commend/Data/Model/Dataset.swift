/// A loaded and checked data directory (or a dataset built in code).
public struct Dataset: Sendable {
    /// Rows of `units.csv`.
    public var units: SubjectRows
    /// Rows of `members.csv`.
    public var members: SubjectRows
    /// Facts per phase id; every declared phase has an entry (with no rows
    /// where the data has no file for it).
    public var phases: [String: PhaseFacts]
    /// Earlier commendations, in file order.
    public var history: [HistoryEntry]

    /// Creates a dataset from its parts (no checks are run).
    public init(units: SubjectRows, members: SubjectRows,
                phases: [String: PhaseFacts], history: [HistoryEntry]) {
        self.units = units
        self.members = members
        self.phases = phases
        self.history = history
    }

    /// The base rows of one kind of subject.
    public func rows(_ kind: SubjectKind) -> SubjectRows {
        kind == .unit ? units : members
    }
}
