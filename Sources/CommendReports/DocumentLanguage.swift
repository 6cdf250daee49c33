import Commend
import Foundation

/// What documents write beyond `Wording` (Commend's numbers and dates in
/// each language): the place-and-date line of an official document, and
/// dates as spreadsheets store them.
extension Language {
    /// "Bắc Kạn, ngày 15 tháng 7 năm 2021", or with dots to fill in by hand
    /// when no date is given.
    public func placeAndDate(place: String, date iso: String?, year: Int) -> String {
        let prefix = place.isEmpty ? "" : place + ", "
        switch (self, iso.flatMap(Self.parts)) {
        case (.vi, let (y, m, d)?): return prefix + "ngày \(d) tháng \(m) năm \(y)"
        case (.vi, nil): return prefix + "ngày ..... tháng ..... năm \(year)"
        case (.en, _?): return prefix + Wording(self).date(iso!)
        case (.en, nil): return prefix + "..... \(year)"
        }
    }

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
