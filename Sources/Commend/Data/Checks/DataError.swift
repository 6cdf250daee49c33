/// Every problem found in the data: the first `DataError.cap` issues, and
/// how many more were found.
public struct DataError: Error, Sendable, CustomStringConvertible {
    /// The most issues kept; the rest are only counted in `omitted`.
    public static let cap = 50

    /// The issues, in the order they were found.
    public var issues: [DataIssue]
    /// How many further issues were found but not kept.
    public var omitted: Int

    /// Creates an error from issues and the count of omitted ones.
    public init(issues: [DataIssue], omitted: Int = 0) {
        self.issues = issues
        self.omitted = omitted
    }

    /// One issue per line, then `... and N more problems` when some were omitted.
    public var description: String {
        var lines = issues.map(\.description)
        if omitted > 0 {
            lines.append("... and \(omitted) more problem\(omitted == 1 ? "" : "s")")
        }
        return lines.joined(separator: "\n")
    }
}
