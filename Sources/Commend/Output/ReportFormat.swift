/// `--format table`, `md` and `html`: a readable report. Each award lists
/// its counts and the subjects awarded; each scoring lists every subject by
/// group and rank.
public enum ReportFormat {
    public enum Style: Sendable { case plain, markdown, html }

    public static func number(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        var text = String(format: "%.2f", d)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    public static func write(_ result: EvaluationResult, style: Style, to out: OutputSink) {
        func heading(_ text: String, level: Int) {
            switch style {
            case .plain: out.write(level == 1 ? "\(text)\n\(String(repeating: "═", count: TextTable.width(text)))\n" : "\n\(text)\n")
            case .markdown: out.write("\(String(repeating: "#", count: level)) \(text)\n\n")
            case .html: out.write("<h\(level)>\(HTML.escape(text))</h\(level)>\n")
            }
        }
        func paragraph(_ text: String) {
            switch style {
            case .plain: out.write("  \(text)\n")
            case .markdown: out.write("\(text)\n\n")
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
            out.write("<!DOCTYPE html>\n<html lang=\"vi\">\n<head><meta charset=\"utf-8\"><title>\(HTML.escape(result.plan.name)) – \(HTML.escape(result.phase.name))</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}td.n{text-align:right}</style></head>\n<body>\n")
        }
        heading("\(result.plan.name) (\(result.plan.id), \(result.plan.year))", level: 1)
        paragraph("\(result.phase.name) [\(result.phase.id)]: \(result.phase.from) – \(result.phase.to)")
        paragraph("rules \(result.rulesDigest)")
        for award in result.awards {
            let a = award.award
            let eligible = award.results.filter(\.eligible).count
            let awarded = award.results.filter(\.awarded).count
            heading("\(a.name) [\(a.id)]", level: 2)
            var summary = "\(award.results.count) \(a.subject == .member ? "members" : "units") considered, \(eligible) eligible, \(awarded) awarded"
            if let quota = a.quota {
                var parts: [String] = []
                if let share = quota.share { parts.append("\(number(share * 100))% of \(quota.base ?? "eligible")") }
                if let max = quota.max { parts.append("at most \(max)") }
                summary += "; quota \(parts.joined(separator: ", "))\(quota.within.map { " per \($0)" } ?? "")"
            }
            paragraph(summary)
            for tie in award.cutoffTies { paragraph(tie.sentence) }
            guard awarded > 0 else { continue }
            var t = TextTable(a.quota == nil ? ["subject", "name"] : ["subject", "name", "group", "place"], numeric: [3])
            for r in award.results where r.awarded {
                if let q = r.quota {
                    t.add([r.subject, r.name, q.group ?? "–", "\(q.place)/\(q.limit.map(String.init) ?? "–")"])
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
            let gradeText = s.grades.map(\.label).filter { grades[$0] != nil }.map { "\($0): \(grades[$0]!)" }
            paragraph("\(scoring.results.count) scored" + (gradeText.isEmpty ? "" : "; " + gradeText.joined(separator: ", ")))
            var t = TextTable(["group", "rank", "subject", "name", "total", "grade"], numeric: [1, 4])
            for r in scoring.results {
                t.add([r.group ?? "–", "\(r.rank)", r.subject, r.name, number(r.total), r.grade ?? "–"])
            }
            table(t)
        }
        if !result.diagnostics.isEmpty {
            heading("Diagnostics", level: 2)
            for d in result.diagnostics {
                let place = d.file.map { "\($0):\(d.line.map(String.init) ?? "?"): " } ?? ""
                paragraph("\(place)\(d.message)")
            }
        }
        if style == .html { out.write("</body>\n</html>\n") }
    }
}
