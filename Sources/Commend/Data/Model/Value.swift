/// A typed cell value of the data. Absent or empty cells are `nil` at the use
/// site (`Value?`).
///
/// Dates (`FieldType.date`) are stored as `.string("YYYY-MM-DD")`, the form in
/// which rule scripts receive them.
public enum Value: Sendable, Hashable {
    /// A `bool` field.
    case bool(Bool)
    /// An `int` field.
    case int(Int)
    /// A `number` field.
    case number(Double)
    /// A `string`, `date` or `enum` field, or an undeclared column.
    case string(String)
}

extension Value: CustomStringConvertible {
    /// The value as text: `true`/`false`, the integer, the number (integral
    /// numbers without a fraction), or the string itself.
    public var description: String {
        switch self {
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .number(let d): return NumberText.format(d)
        case .string(let s): return s
        }
    }
}
