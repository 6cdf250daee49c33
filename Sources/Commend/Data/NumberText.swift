/// Formats numbers as text the way an administrator wrote them.
enum NumberText {
    /// `3.0` as `"3"`, `2.5` as `"2.5"`; large or non-finite values use Swift's
    /// shortest round-trip form.
    static func format(_ d: Double) -> String {
        if d.isFinite, d == d.rounded(), abs(d) < 1e15 {
            return String(Int(d))
        }
        return String(d)
    }
}
