/// Reads calendar dates written `YYYY-MM-DD` or, as Vietnamese spreadsheets
/// write them, `dd/mm/yyyy` (also `d/m/yyyy`).
enum DateParsing {
    enum Result { case valid, malformed, noSuchDay }

    /// What a date cell should look like, for error messages.
    static let expected = "expected a date YYYY-MM-DD or dd/mm/yyyy"

    /// The date in `b` as `YYYY-MM-DD`, or why it is not one.
    static func read(_ b: Span<UInt8>) -> (Result, String?) {
        if b.count == 10, b[4] == ASCII.minus {
            let result = check(b)
            return (result, result == .valid ? b.string : nil)
        }
        // d/m/yyyy: one or two digits, one or two digits, four digits.
        var slashes: [Int] = []
        for i in 0..<b.count where b[i] == ASCII.slash {
            slashes.append(i)
            if slashes.count > 2 { return (.malformed, nil) }
        }
        guard slashes.count == 2 else { return (.malformed, nil) }
        let parts = [0..<slashes[0], slashes[0] + 1..<slashes[1], slashes[1] + 1..<b.count]
        guard (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy { b[$0] &- ASCII.zero <= 9 } }) else {
            return (.malformed, nil)
        }
        func digits(_ part: Range<Int>) -> String {
            let text = b.extracting(part).string
            return text.count == 1 ? "0" + text : text
        }
        let iso = "\(digits(parts[2]))-\(digits(parts[1]))-\(digits(parts[0]))"
        let result = iso.withUTF8Bytes(check)
        return (result, result == .valid ? iso : nil)
    }

    /// Whether the bytes are exactly `YYYY-MM-DD` and name a real day of the
    /// proleptic Gregorian calendar.
    static func check(_ b: Span<UInt8>) -> Result {
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
        text.withUTF8Bytes(check) == .valid
    }
}
