import Foundation

/// The language of a document (`--lang vi|en`): its labels come from
/// `DocumentStrings`, its numbers and dates are written the language's way.
public enum DocumentLanguage: String, Sendable, CaseIterable {
    case vi, en

    /// `1.234,5` in Vietnamese, `1,234.5` in English; at most two decimals,
    /// trailing zeros dropped.
    public func number(_ value: Double) -> String {
        let negative = value < 0
        let scaled = (abs(value) * 100).rounded()
        var whole = Int((scaled / 100).rounded(.down))
        var cents = Int(scaled) - whole * 100
        if cents >= 100 { whole += 1; cents -= 100 }
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = (self == .vi ? "." : ",") + String(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if cents > 0 {
            var fraction = cents < 10 ? "0\(cents)" : "\(cents)"
            if fraction.hasSuffix("0") { fraction.removeLast() }
            grouped += (self == .vi ? "," : ".") + fraction
        }
        return (negative && (whole > 0 || cents > 0) ? "-" : "") + grouped
    }

    public func count(_ value: Int) -> String { number(Double(value)) }

    /// `30/06/2021` in Vietnamese, `30 June 2021` in English, from `YYYY-MM-DD`
    /// (anything else is returned as it is).
    public func date(_ iso: String) -> String {
        guard let (y, m, d) = Self.parts(iso) else { return iso }
        switch self {
        case .vi: return String(format: "%02d/%02d/%04d", d, m, y)
        case .en: return "\(d) \(Self.months[m - 1]) \(y)"
        }
    }

    /// The place-and-date line of an official document: "Bắc Kạn, ngày 15
    /// tháng 7 năm 2021", or with dots to fill in by hand when no date is given.
    public func placeAndDate(place: String, date iso: String?, year: Int) -> String {
        let prefix = place.isEmpty ? "" : place + ", "
        switch (self, iso.flatMap(Self.parts)) {
        case (.vi, let (y, m, d)?): return prefix + "ngày \(d) tháng \(m) năm \(y)"
        case (.vi, nil): return prefix + "ngày ..... tháng ..... năm \(year)"
        case (.en, _?): return prefix + date(iso!)
        case (.en, nil): return prefix + "..... \(year)"
        }
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July",
                         "August", "September", "October", "November", "December"]

    static func parts(_ iso: String) -> (Int, Int, Int)? {
        let p = iso.split(separator: "-")
        guard p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        return (y, m, d)
    }

    /// Days since 1899-12-30: how a spreadsheet stores a date.
    static func serial(_ iso: String) -> Int? {
        guard let (y, m, d) = parts(iso) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: DateComponents(year: y, month: m, day: d)),
              let epoch = calendar.date(from: DateComponents(year: 1899, month: 12, day: 30)) else { return nil }
        return calendar.dateComponents([.day], from: epoch, to: date).day
    }
}
