/// Checks ISO calendar dates `YYYY-MM-DD`.
enum DateParsing {
    enum Result { case valid, malformed, noSuchDay }

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
