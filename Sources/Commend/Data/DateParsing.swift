/// Reads calendar dates written `YYYY-MM-DD` or, as Vietnamese spreadsheets
/// write them, `dd/mm/yyyy` (also `d/m/yyyy`).
enum DateParsing {
    enum Result { case valid, malformed, noSuchDay }

    /// What a date cell should look like, for error messages.
    static let expected = "expected a date YYYY-MM-DD or dd/mm/yyyy"

    /// The date in `b` as `YYYY-MM-DD`, or why it is not one.
    static func read(_ b: Bytes) -> (Result, String?) {
        if b.count == 10, b[4] == ASCII.minus {
            let result = check(b)
            return (result, result == .valid ? String(decoding: b, as: UTF8.self) : nil)
        }
        // d/m/yyyy: one or two digits, one or two digits, four digits.
        let parts = b.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              parts[2].count == 4, parts.allSatisfy({ $0.allSatisfy { $0 &- ASCII.zero <= 9 } }) else {
            return (.malformed, nil)
        }
        func digits(_ part: Bytes.SubSequence) -> String {
            let text = String(decoding: part, as: UTF8.self)
            return text.count == 1 ? "0" + text : text
        }
        var iso = "\(digits(parts[2]))-\(digits(parts[1]))-\(digits(parts[0]))"
        let result = iso.withUTF8 { check($0) }
        return (result, result == .valid ? iso : nil)
    }

    /// Whether the bytes are exactly `YYYY-MM-DD` and name a real day of the
    /// proleptic Gregorian calendar.
    static func check(_ b: Bytes) -> Result {
        guard b.count == 10, b[4] == ASCII.minus, b[7] == ASCII.minus else { return .malformed }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                let d = b[i] &- ASCII.zero
                guard d <= 9 else { return nil }
                n = n * 10 + Int(d)
            }
            return n
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
            return .malformed
        }
        guard year >= 1, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else {
            return .noSuchDay
        }
        return .valid
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension DateParsing {
    /// Whether `text` is a real date `YYYY-MM-DD`.
    static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { check($0) == .valid }
    }
}
