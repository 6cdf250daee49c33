/// `--format table`, `md` and `html`: a readable report. Each award lists
/// its counts and the subjects awarded; each scoring lists every subject by
/// group and rank. Words, numbers and dates follow `language` (`Message`).
public enum ReportFormat {
    /// Plain text (`table`), Markdown (`md`) or HTML (`html`).
    public enum Style: Sendable { case plain, markdown, html }

    /// A number as the report shows it: at most two decimals.
    public static func number(_ d: Double) -> String { NumberText.format(d, maxDecimals: 2) }

    /// Writes the report of `result` to `out`.
    public static func write(_ result: EvaluationResult, style: Style, language: Language = .vi, to out: OutputSink) {
        let say = Wording(language)
        func heading(_ text: String, level: Int) {
            switch style {
            case .plain:
                let text = Terminal.line(text)
                out.write(level == 1 ? "\(text)\n\(String(repeating: "═", count: TextTable.width(text)))\n" : "\n\(text)\n")
            case .markdown: out.write("\(String(repeating: "#", count: level)) \(Markdown.escape(text))\n\n")
            case .html: out.write("<h\(level)>\(HTML.escape(text))</h\(level)>\n")
            }
        }
        func paragraph(_ text: String) {
            switch style {
            case .plain: out.write("  \(Terminal.line(text))\n")
            case .markdown: out.write("\(Markdown.escape(text))\n\n")
            case .html: out.write("<p>\(HTML.escape(text))</p>\n")
            }
        }
        func table(_ t: TextTable) {
            switch style {
            case .plain: out.write(t.plain())
            case .markdown: out.write(t.markdown() + "\n")
            case .html: out.write(t.html())
            }
        }
        if style == .html {
            out.write("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head><meta charset=\"utf-8\"><title>\(HTML.escape(result.plan.name)) – \(HTML.escape(result.phase.name))</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}td.n{text-align:right}</style></head>\n<body>\n")
        }
        heading(say(.planHeading(name: result.plan.name, id: result.plan.id, year: result.plan.year)), level: 1)
        paragraph(say(.phaseLine(name: result.phase.name, id: result.phase.id, from: result.phase.from, to: result.phase.to)))
        paragraph(say(.rulesDigest(result.rulesDigest)))
        for award in result.awards {
            let a = award.award
            let eligible = award.results.filter(\.eligible).count
            let awarded = award.results.filter(\.awarded).count
            heading("\(a.name) [\(a.id)]", level: 2)
            var summary = say(.awardCounts(considered: award.results.count, kind: a.subject, eligible: eligible, awarded: awarded))
            if let quota = a.quota {
                let base = quota.base.map { id in result.awards.first { $0.id == id }?.award.name ?? id }
                summary += "; " + say(.quota(share: quota.share, base: base, max: quota.max, within: quota.within))
            }
            paragraph(summary)
            for tie in award.cutoffTies { paragraph(say(tie.message())) }
            guard awarded > 0 else { continue }
            // A result read back from JSON knows quota places but not the quota's settings.
            let placed = a.quota != nil || award.results.contains { $0.quota != nil }
            let columns: [Message.Column] = placed ? [.subject, .name, .group, .place] : [.subject, .name]
            var t = TextTable(columns.map { say(.column($0)) }, numeric: [3])
            for r in award.results where r.awarded {
                if let q = r.quota {
                    t.add([r.subject, r.name, q.group ?? "–", "\(say.count(q.place))/\(q.limit.map(say.count) ?? "–")"])
                } else {
                    t.add([r.subject, r.name])
                }
            }
            table(t)
        }
        for scoring in result.scorings {
            let s = scoring.scoring
            heading("\(s.name) [\(s.id)]", level: 2)
            var grades: [String: Int] = [:]
            for r in scoring.results { grades[r.grade ?? "–", default: 0] += 1 }
            let counts = s.grades.map(\.label).compactMap { label in grades[label].map { (label: label, count: $0) } }
            paragraph(say(.scored(count: scoring.results.count, kind: s.subject, grades: counts)))
            let columns: [Message.Column] = [.group, .rank, .subject, .name, .total, .grade]
            var t = TextTable(columns.map { say(.column($0)) }, numeric: [1, 4])
            for r in scoring.results {
                t.add([r.group ?? "–", say.count(r.rank), r.subject, r.name, say.number(r.total), r.grade ?? "–"])
            }
            table(t)
        }
        if !result.diagnostics.isEmpty {
            heading(say(.diagnostics), level: 2)
            for d in result.diagnostics {
                let place = d.file.map { "\($0):\(d.line.map(String.init) ?? "?"): " } ?? ""
                paragraph("\(place)\(d.message)")
            }
        }
        if style == .html { out.write("</body>\n</html>\n") }
    }
}
