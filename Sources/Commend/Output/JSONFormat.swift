/// `--format json`: exactly RULES.md §5, streamed, deterministic.
public enum JSONFormat {
    public static func write(_ result: EvaluationResult, to out: OutputSink) {
        let s = JSONText.self
        out.write("{\n")
        out.write("  \"plan\": {\"id\": \(s.string(result.plan.id)), \"name\": \(s.string(result.plan.name)), \"year\": \(result.plan.year)},\n")
        let p = result.phase
        out.write("  \"phase\": {\"id\": \(s.string(p.id)), \"name\": \(s.string(p.name)), \"from\": \(s.string(p.from)), \"to\": \(s.string(p.to))},\n")
        out.write("  \"rules_digest\": \(s.string(result.rulesDigest)),\n")
        out.write("  \"awards\": [")
        for (a, award) in result.awards.enumerated() {
            out.write(a == 0 ? "\n" : ",\n")
            let d = award.award
            out.write("    {\"id\": \(s.string(d.id)), \"name\": \(s.string(d.name)), \"subject\": \(s.string(d.subject.rawValue)), \"movement\": \(s.string(d.movement)),\n")
            out.write("     \"results\": [")
            for (i, r) in award.results.enumerated() {
                out.write(i == 0 ? "\n" : ",\n")
                var line = "       {\"subject\": \(s.string(r.subject)), \"name\": \(s.string(r.name)), \"eligible\": \(r.eligible), \"awarded\": \(r.awarded),\n        \"criteria\": ["
                for (c, criterion) in r.criteria.enumerated() {
                    if c > 0 { line += ", " }
                    line += "{\"id\": \(s.string(criterion.id)), \"text\": \(s.string(criterion.text)), \"passed\": \(criterion.passed), \"detail\": \(s.string(criterion.detail))}"
                }
                line += "]"
                if let q = r.quota {
                    line += ",\n        \"quota\": {\"group\": \(s.string(q.group)), \"place\": \(q.place), \"limit\": \(q.limit.map(String.init) ?? "null"), \"base\": \(q.base), \"order\": \(s.number(q.order))}"
                }
                out.write(line + "}")
            }
            out.write(award.results.isEmpty ? "]}" : "\n     ]}")
        }
        out.write(result.awards.isEmpty ? "],\n" : "\n  ],\n")
        out.write("  \"scorings\": [")
        for (k, scoring) in result.scorings.enumerated() {
            out.write(k == 0 ? "\n" : ",\n")
            let d = scoring.scoring
            out.write("    {\"id\": \(s.string(d.id)), \"name\": \(s.string(d.name)), \"subject\": \(s.string(d.subject.rawValue)), \"movement\": \(s.string(d.movement)),\n")
            out.write("     \"results\": [")
            for (i, r) in scoring.results.enumerated() {
                out.write(i == 0 ? "\n" : ",\n")
                var line = "       {\"subject\": \(s.string(r.subject)), \"name\": \(s.string(r.name)), \"group\": \(s.string(r.group)), \"total\": \(s.number(r.total)), \"rank\": \(r.rank), \"grade\": \(s.string(r.grade)),\n        \"items\": ["
                for (c, item) in r.items.enumerated() {
                    if c > 0 { line += ", " }
                    line += "{\"id\": \(s.string(item.id)), \"text\": \(s.string(item.text)), \"points\": \(s.number(item.points)), \"raw\": \(s.number(item.raw)), \"max\": \(s.number(item.max)), \"detail\": \(s.string(item.detail))}"
                }
                line += "],\n        \"bonus\": \(s.number(r.bonus)), \"penalty\": \(s.number(r.penalty))}"
                out.write(line)
            }
            out.write(scoring.results.isEmpty ? "]}" : "\n     ]}")
        }
        out.write(result.scorings.isEmpty ? "],\n" : "\n  ],\n")
        out.write("  \"diagnostics\": [")
        for (i, d) in result.diagnostics.enumerated() {
            out.write(i == 0 ? "\n" : ",\n")
            out.write("    {\"level\": \(s.string(d.level)), \"message\": \(s.string(d.message)), \"file\": \(s.string(d.file)), \"line\": \(d.line.map(String.init) ?? "null")}")
        }
        out.write(result.diagnostics.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    }
}
