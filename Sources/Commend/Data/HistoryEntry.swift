/// One earlier commendation: `subject` received `award` in `year`
/// (`history.csv`, RULES.md §3).
public struct HistoryEntry: Sendable, Hashable {
    /// The subject id (a member or unit id; not checked against the data,
    /// since earlier holders may have left).
    public var subject: String
    /// The award id.
    public var award: String
    /// The year in which the award was received.
    public var year: Int
    /// The years a history may hold: a negative year, year 0 or a year of
    /// five digits is a typing mistake, refused with the row that has it.
    public static let plausibleYears = 1000...9999

    /// Creates a history entry.
    public init(subject: String, award: String, year: Int) {
        self.subject = subject
        self.award = award
        self.year = year
    }
}
