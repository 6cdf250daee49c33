/// Matches cell text against the values of an `enum { ... }` field, exactly
/// or after folding case, diacritics and separators (`TextFolding`).
struct EnumMatcher {
    /// The listed values, as declared.
    let values: [String]
    private let stored: [Value]
    private let utf8: [[UInt8]]
    private let byFold: [String: Int]
    private var cache: [String: Int?] = [:]

    init(_ values: [String]) {
        self.values = values
        self.stored = values.map { .string($0) }
        self.utf8 = values.map { Array($0.utf8) }
        var byFold: [String: Int] = [:]
        for (i, v) in values.enumerated() where byFold[TextFolding.fold(v)] == nil {
            byFold[TextFolding.fold(v)] = i
        }
        self.byFold = byFold
    }

    /// `expected one of a, b, c`.
    var expected: String { "expected one of " + values.joined(separator: ", ") }

    /// The canonical value the bytes spell, or nil. Identical values share
    /// the storage of the declared string.
    mutating func match(_ b: Span<UInt8>) -> Value? {
        for i in utf8.indices where b.same(as: utf8[i]) {
            return stored[i]
        }
        let text = NFC.string(b)
        if let hit = cache[text] { return hit.map { stored[$0] } }
        let index = byFold[TextFolding.fold(text)]
        if cache.count < 4096 { cache[text] = index }
        return index.map { stored[$0] }
    }
}
