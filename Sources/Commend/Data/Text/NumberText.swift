import Foundation

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

    /// At most `decimals` decimals, without trailing zeros (`92.5`, `3`):
    /// for readable reports.
    static func format(_ d: Double, maxDecimals decimals: Int) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        var text = String(format: "%.\(decimals)f", d)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
