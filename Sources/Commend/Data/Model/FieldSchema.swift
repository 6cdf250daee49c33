/// The declared columns per kind of subject (from `plan.fields`).
///
/// Columns that are not declared are strings. The same declarations apply to
/// the base files (`units.csv`, `members.csv`) and to the phase files.
public struct FieldSchema: Sendable, Hashable {
    /// Declared member columns, by column name.
    public var members: [String: FieldType]
    /// Declared unit columns, by column name.
    public var units: [String: FieldType]

    /// Creates a schema from the declared member and unit columns.
    public init(members: [String: FieldType] = [:], units: [String: FieldType] = [:]) {
        self.members = members
        self.units = units
    }

    /// The declared columns of one kind of subject.
    public func fields(for kind: SubjectKind) -> [String: FieldType] {
        kind == .unit ? units : members
    }
}
