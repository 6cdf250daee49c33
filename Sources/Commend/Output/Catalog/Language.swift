import Foundation

/// The language of human-readable output (the table format, `explain`,
/// `diff`, `--watch`): Vietnamese by default, English on request
/// (`--lang en`). Machine output (JSON, CSV) never depends on it.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case vi, en
}

/// Words, numbers, dates and times as one language writes them. Every
/// sentence comes from `Message`, whose Vietnamese and English tables are
/// `Message+Vietnamese.swift` and `Message+English.swift`.
public struct Wording: Sendable, Hashable {
    /// The language of the words.
    public var language: Language

    /// The wording of `language`.
    public init(_ language: Language = .vi) { self.language = language }

    /// The message in this language.
    public func callAsFunction(_ message: Message) -> String {
        switch language {
        case .vi: message.vietnamese(self)
        case .en: message.english(self)
        }
    }

    /// `73,41` and `1.234,5` in Vietnamese, `73.41` and `1,234.5` in English:
    /// at most two decimals, trailing zeros dropped.
    public func number(_ d: Double) -> String {
        guard d.isFinite else { return String(d) }
        let (point, group) = language == .vi ? (",", ".") : (".", ",")
        var text = String(format: "%.2f", abs(d))
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = Self.grouped(String(parts[0]), by: group)
        if parts.count > 1 { whole += point + parts[1] }
        let negative = d < 0 && whole.contains(where: { $0 != "0" && $0 != "," && $0 != "." })
        return (negative ? "-" : "") + whole
    }

    /// A count: `30.000` in Vietnamese, `30,000` in English.
    public func count(_ n: Int) -> String {
        (n < 0 ? "-" : "") + Self.grouped(String(n.magnitude), by: language == .vi ? "." : ",")
    }

    /// A date given as `YYYY-MM-DD`: `30/06/2021` in Vietnamese, `30 Jun 2021`
    /// in English; any other text unchanged.
    public func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let month = Int(parts[1]), (1...12).contains(month),
              parts[2].count == 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return iso }
        switch language {
        case .vi: return "\(parts[2])/\(parts[1])/\(parts[0])"
        case .en:
            let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            return "\(parts[2]) \(names[month - 1]) \(parts[0])"
        }
    }

    /// The local time of day on a 24-hour clock, `08:53:03`, in both languages.
    public func time(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// `old → new`, or `new` alone when equal; `–` for nil.
    public func arrow(_ old: String?, _ new: String?) -> String {
        let before = old ?? "–", after = new ?? "–"
        return old == new ? after : "\(before) → \(after)"
    }

    private static func grouped(_ digits: String, by separator: String) -> String {
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += separator }
            out.append(c)
        }
        return out
    }
}
