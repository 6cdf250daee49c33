/// The facts of one phase: rows that are merged over the base rows of the
/// same subjects when that phase is evaluated (phase values win).
public struct PhaseFacts: Sendable {
    /// Unit rows of the phase (`phases/<phase>/units.csv`).
    public var units: SubjectRows
    /// Member rows of the phase (`phases/<phase>/members.csv`).
    public var members: SubjectRows

    /// Creates the facts of a phase.
    public init(units: SubjectRows, members: SubjectRows) {
        self.units = units
        self.members = members
    }

    /// The rows of one kind of subject.
    public func rows(_ kind: SubjectKind) -> SubjectRows {
        kind == .unit ? units : members
    }
}
