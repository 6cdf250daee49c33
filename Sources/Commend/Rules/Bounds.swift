/// The largest sizes and counts the engine accepts from rules and data
/// (docs/rules-guide.md, "What is refused"). Far above any real plan, they
/// keep the host's own work on one declaration, call or file bounded: an id
/// of 20 KB or a header of 40,000 columns is refused with a clear message
/// instead of slowing every check that looks at it.
public enum Bounds {
    /// Bytes of an id: of a plan, phase, movement, award, scoring, criterion,
    /// item, subject; and of a column name.
    public static let idBytes = 256
    /// Criteria of one award, items of one scoring.
    public static let parts = 1_000
    /// Awards and scorings of a rules directory, together.
    public static let declarations = 10_000
    /// Columns of a data file.
    public static let columns = 1_000

    /// `text` for a message: at most 80 characters, then "…" and its length.
    public static func shown(_ text: String) -> String {
        guard text.count > 80 else { return text }
        return String(text.prefix(80)) + "… (\(text.utf8.count) bytes)"
    }

    /// Why `id` is refused as an id, or nil when it is within bounds.
    static func idProblem(_ id: String, what: String) -> String? {
        guard id.utf8.count > idBytes else { return nil }
        return "\(what) \"\(shown(id))\" is too long: \(id.utf8.count) bytes, at most \(idBytes) are allowed"
    }
}
