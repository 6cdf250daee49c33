/// Parses integers and decimal numbers as written in spreadsheets.
enum NumberParsing {
    /// An optional sign and decimal digits; nil for anything else or on overflow.
    static func int(_ b: Span<UInt8>) -> Int? {
        var i = 0
        var negative = false
        if i < b.count, b[i] == ASCII.plus || b[i] == ASCII.minus {
            negative = b[i] == ASCII.minus
            i += 1
        }
        guard i < b.count else { return nil }
        var value = 0
        while i < b.count {
            let d = b[i] &- ASCII.zero
            guard d <= 9 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(Int(d))
                                   : m.addingReportingOverflow(Int(d))
            guard !o1, !o2 else { return nil }
            value = s
            i += 1
        }
        return value
    }

    /// `[+-]digits[.digits][e[+-]digits]`, also `.5` and `5.`; with
    /// `decimalComma` a comma may stand for the point. Nil for anything else
    /// (no thousands separators, no `inf` or `nan`).
    static func number(_ b: Span<UInt8>, decimalComma: Bool) -> Double? {
        var i = 0
        var negative = false
        if i < b.count, b[i] == ASCII.plus || b[i] == ASCII.minus {
            negative = b[i] == ASCII.minus
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var significant = 0
        var fractionDigits = 0
        var exact = true
        func digit(_ d: UInt8, fraction: Bool) {
            digits += 1
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                if mantissa != 0 { significant += 1 }
                if fraction { fractionDigits += 1 }
            } else {
                exact = false
                if !fraction { fractionDigits -= 1 }
            }
        }
        while i < b.count, b[i] &- ASCII.zero <= 9 { digit(b[i] &- ASCII.zero, fraction: false); i += 1 }
        var pointAt: Int?
        if i < b.count, b[i] == ASCII.dot || (decimalComma && b[i] == ASCII.comma) {
            pointAt = i
            i += 1
            while i < b.count, b[i] &- ASCII.zero <= 9 { digit(b[i] &- ASCII.zero, fraction: true); i += 1 }
        }
        guard digits > 0 else { return nil }
        var hasExponent = false
        if i < b.count, b[i] | 0x20 == 0x65 { // e or E
            hasExponent = true
            i += 1
            if i < b.count, b[i] == ASCII.plus || b[i] == ASCII.minus { i += 1 }
            let start = i
            while i < b.count, b[i] &- ASCII.zero <= 9 { i += 1 }
            guard i > start else { return nil }
        }
        guard i == b.count else { return nil }
        // Fast path: exact mantissa and a power of ten that a double holds exactly.
        if exact, !hasExponent, mantissa < (1 << 53), fractionDigits >= 0, fractionDigits <= 22 {
            let value = Double(mantissa) / powersOfTen[fractionDigits]
            return negative ? -value : value
        }
        var text = b.string
        if let p = pointAt, b[p] == ASCII.comma {
            text = text.replacingOccurrences(ofCharacter: ",", with: ".")
        }
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    private static let powersOfTen: [Double] = (0...22).map { e in
        var p = 1.0
        for _ in 0..<e { p *= 10 }
        return p
    }
}

private extension String {
    func replacingOccurrences(ofCharacter c: Character, with r: Character) -> String {
        String(map { $0 == c ? r : $0 })
    }
}
