/// Numbers written out as official documents write them: group headings in
/// Roman numerals (I, II, III), totals in Vietnamese words ("bốn mươi mốt").
enum Numerals {
    static func roman(_ n: Int) -> String {
        guard n > 0 else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n, out = ""
        for (value, letters) in table {
            while rest >= value { out += letters; rest -= value }
        }
        return out
    }

    static let units = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]

    /// Vietnamese words for 0 ... 999 999 999.
    static func vietnamese(_ n: Int) -> String {
        guard n > 0 else { return "không" }
        let scales = ["", "nghìn", "triệu"]
        var groups: [Int] = []
        var rest = n
        while rest > 0 { groups.append(rest % 1000); rest /= 1000 }
        var words: [String] = []
        for (i, group) in groups.enumerated().reversed() where group > 0 || (i == 0 && groups.count == 1) {
            let full = i < groups.count - 1
            words.append(threeDigits(group, full: full))
            if !scales[min(i, 2)].isEmpty { words.append(scales[min(i, 2)]) }
        }
        return words.joined(separator: " ")
    }

    /// One group of three digits; `full` writes the hundreds even when zero
    /// ("không trăm linh năm" inside a larger number).
    static func threeDigits(_ n: Int, full: Bool) -> String {
        let h = n / 100, t = (n / 10) % 10, u = n % 10
        var words: [String] = []
        if h > 0 || full { words += [units[h], "trăm"] }
        switch t {
        case 0 where u > 0 && (h > 0 || full): words.append("linh")
        case 0: break
        case 1: words.append("mười")
        default: words += [units[t], "mươi"]
        }
        if u > 0 {
            if u == 1 && t > 1 { words.append("mốt") }
            else if u == 5 && t > 0 { words.append("lăm") }
            else if u == 4 && t > 1 { words.append("tư") }
            else { words.append(units[u]) }
        }
        return words.joined(separator: " ")
    }
}
