/// Where the rows of a `SubjectRows` came from, which decides what its
/// `lines` mean and how a row is named in messages.
public enum RowOrigin: Sendable, Hashable {
    /// Rows of a CSV file: `lines` are spreadsheet line numbers (header = 1),
    /// and a row is named `file:line`.
    case spreadsheet
    /// Rows of a list (data.json, rows built in code): `lines` are indices in
    /// the list named `section` (e.g. `members`, `phases.dot1.units`), and a
    /// row is named `file: section[index] (id "X")`.
    case list(section: String)
}
