/// JSON scalars written the same way every time.
enum JSONText {
    static func string(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                let padding = String(repeating: "0", count: 4 - hex.count)
                out += "\\u" + padding + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func string(_ s: String?) -> String { s.map { string($0) } ?? "null" }

    /// Integral values as integers (`30`), others in the shortest form that
    /// reads back exactly (`92.5`, `0.1`).
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return "\(d)"
    }

    static func number(_ d: Double?) -> String { d.map { number($0) } ?? "null" }
}
