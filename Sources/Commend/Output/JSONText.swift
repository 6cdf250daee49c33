/// JSON scalars written the same way every time.
enum JSONText {
    /// A JSON string literal, escaped as `JSONBytes` escapes (the one escaper).
    static func string(_ s: String) -> String {
        var w = JSONBytes(capacity: s.utf8.count + 2)
        w.string(s)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    static func string(_ s: String?) -> String { s.map { string($0) } ?? "null" }

    /// Integral values as integers (`30`), others in the shortest form that
    /// reads back exactly (`92.5`, `0.1`).
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        return NumberText.format(d)
    }

    static func number(_ d: Double?) -> String { d.map { number($0) } ?? "null" }
}
