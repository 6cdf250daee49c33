/// "did you mean ...?" for a near miss among known names.
enum Suggestion {
    /// The nearest candidate within an edit distance of 2 (less for short
    /// names). Linear in the length of `word`: a candidate whose length
    /// differs by more than 2 cannot be that near and is not compared, and a
    /// word longer than any id (`Bounds.idBytes`) has no near miss.
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        guard word.utf8.count <= Bounds.idBytes + 2 else { return nil }
        let lowered = word.lowercased(), length = lowered.count
        var best: (String, Int)?
        for candidate in candidates where candidate.utf8.count <= Bounds.idBytes + 2 && abs(candidate.count - length) <= 2 {
            let d = distance(lowered, candidate.lowercased())
            if d <= max(1, min(2, candidate.count / 3)), d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// The candidate nearest to `word`, however far (ties: the first in
    /// byte order); nil when there is none.
    static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
            .min { $0.1 != $1.1 ? $0.1 < $1.1 : idPrecedes($0.0, $1.0) }?.0
    }

    static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
