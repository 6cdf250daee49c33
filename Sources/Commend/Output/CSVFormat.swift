/// `--format csv`: one row per award result and per scoring result, UTF-8
/// with a byte-order mark so that spreadsheets show Vietnamese text.
public enum CSVFormat {
    static let header = ["kind", "id", "subject", "name", "eligible", "awarded", "failed", "group", "place", "total", "rank", "grade"]

    /// A text cell (an id, a name, a group, a grade): one that a spreadsheet
    /// would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return) gets a single quote in front, as OWASP recommends
    /// against CSV injection. Numbers written by the engine are not text
    /// cells and stay numbers.
    static func text(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field(s) }
        return field("'" + s)
    }

    /// A cell quoted as RFC 4180 says, and nothing else (for files read back by Commend).
    public static func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// Writes a whole result.
    public static func write(_ result: EvaluationResult, to out: OutputSink) {
        // The stream's methods do not throw.
        try? result.replay(into: CSVStream(out))
    }
}

/// Writes the CSV of an evaluation while it runs (`Evaluator.evaluate(into:)`).
public final class CSVStream: EvaluationSink {
    private let out: OutputSink

    /// A writer to `out`.
    public init(_ out: OutputSink) { self.out = out }

    /// Writes the head of the output.
    public func begin(plan: Plan, phase: Phase, rulesDigest: String) {
        out.write(bytes: [0xEF, 0xBB, 0xBF])
        out.write(CSVFormat.header.joined(separator: ",") + "\r\n")
    }

    /// Writes one award's outcomes.
    public func award(_ award: AwardResult) {
        for r in award.results {
            let row = ["award", CSVFormat.text(award.id), CSVFormat.text(r.subject), CSVFormat.text(r.name),
                       String(r.eligible), String(r.awarded), CSVFormat.text(r.failed.joined(separator: ";")),
                       CSVFormat.text(r.quota?.group ?? ""), r.quota.map { String($0.place) } ?? "", "", "", ""]
            out.write(row.joined(separator: ",") + "\r\n")
        }
    }

    /// Writes one scoring's outcomes.
    public func scoring(_ scoring: ScoringResult) {
        for r in scoring.results {
            let row = ["scoring", CSVFormat.text(scoring.id), CSVFormat.text(r.subject), CSVFormat.text(r.name), "", "", "",
                       CSVFormat.text(r.group ?? ""), "", JSONText.number(r.total), String(r.rank), CSVFormat.text(r.grade ?? "")]
            out.write(row.joined(separator: ",") + "\r\n")
        }
    }

    /// Writes the end of the output.
    public func end(diagnostics: [Diagnostic]) {}
}
