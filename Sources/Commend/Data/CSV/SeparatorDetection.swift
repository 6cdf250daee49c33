/// Detects the separator of a CSV file from its header line.
enum SeparatorDetection {
    /// The separators a file may use, preferred in this order on a tie.
    static let candidates: [UInt8] = [ASCII.comma, ASCII.semicolon, ASCII.tab]

    /// The most frequent of `,` `;` tab outside quotes in the first line
    /// (`,` when the line has none, as a one-column file).
    static func detect(_ b: Span<UInt8>, from start: Int) -> UInt8 {
        var counts = [0, 0, 0]
        var inQuotes = false
        var i = start
        while i < b.count {
            let c = b[i]
            if c == ASCII.quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if c == ASCII.lf || c == ASCII.cr { break }
                if let k = candidates.firstIndex(of: c) { counts[k] += 1 }
            }
            i += 1
        }
        var best = 0
        for k in 1..<counts.count where counts[k] > counts[best] { best = k }
        return candidates[best]
    }
}
