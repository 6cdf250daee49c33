/// Collects issues up to `DataError.cap`, counting the rest.
struct IssueLog {
    private(set) var issues: [DataIssue] = []
    private(set) var omitted = 0

    /// True when nothing was reported.
    var isEmpty: Bool { issues.isEmpty && omitted == 0 }

    mutating func add(_ issue: DataIssue) {
        if issues.count < DataError.cap {
            issues.append(issue)
        } else {
            omitted += 1
        }
    }

    /// Adds the issues of `other` after these, then counts its omitted ones.
    mutating func append(_ other: IssueLog) {
        for issue in other.issues { add(issue) }
        omitted += other.omitted
    }

    /// Counts `count` more issues that are not kept.
    mutating func omit(_ count: Int) { omitted += count }

    /// Throws a `DataError` with every issue, if any.
    func throwIfAny() throws {
        if !isEmpty { throw DataError(issues: issues, omitted: omitted) }
    }
}
