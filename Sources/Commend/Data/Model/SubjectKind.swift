/// The two kinds of subject in the data: collectives and individuals.
public enum SubjectKind: String, Sendable {
    /// A unit (union, CĐCS): `units.csv`.
    case unit
    /// A member (đoàn viên): `members.csv`.
    case member

    /// The base file name of this kind: `units.csv` or `members.csv`.
    public var fileName: String { self == .unit ? "units.csv" : "members.csv" }

    /// The plural used in file names and JSON keys: `units` or `members`.
    public var plural: String { self == .unit ? "units" : "members" }
}
