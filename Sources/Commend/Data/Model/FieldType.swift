/// The declared type of a data column (`plan.fields`, RULES.md §2.1).
public enum FieldType: Sendable, Hashable {
    /// An integer: optional sign and digits.
    case int
    /// A number with a decimal point (or a decimal comma in `;`-separated files).
    case number
    /// true/false, 1/0, yes/no, có/không, x (any case).
    case bool
    /// Text, normalised to NFC.
    case string
    /// An ISO calendar date `YYYY-MM-DD`, kept as that string.
    case date
    /// One of the listed values; stored as the listed (canonical) spelling.
    case enumeration([String])
}
