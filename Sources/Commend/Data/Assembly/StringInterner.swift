/// Makes identical strings share one storage (unit ids in every member row,
/// repeated words). Strings of up to 15 UTF-8 bytes are stored inline by
/// Swift and need no sharing.
final class StringInterner {
    private var table: Set<String> = []

    /// The stored copy of `s`, adding it if new.
    func intern(_ s: String) -> String {
        let (inserted, member) = table.insert(s)
        return inserted ? s : member
    }

    /// The number of distinct strings kept.
    var count: Int { table.count }
}

/// Decides per column whether interning pays: after a sample of long values,
/// a column whose values are mostly distinct (names, notes) stops interning.
struct InternPolicy {
    private var sampled = 0
    private var distinctAtStart = 0
    private(set) var enabled = true

    static let inlineLimit = 15
    private static let sample = 2048

    /// Interns `s` when the column still interns; `byteCount` is its UTF-8 length.
    mutating func apply(_ s: String, byteCount: Int, _ interner: StringInterner) -> String {
        guard enabled, byteCount > Self.inlineLimit else { return s }
        if sampled == 0 { distinctAtStart = interner.count }
        sampled += 1
        let result = interner.intern(s)
        if sampled == Self.sample {
            // More than half of the sample new: the values do not repeat.
            enabled = (interner.count - distinctAtStart) * 2 <= Self.sample
        }
        return result
    }
}
