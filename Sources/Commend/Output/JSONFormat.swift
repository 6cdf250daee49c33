/// `--format json`: exactly RULES.md §5, streamed, deterministic.
public enum JSONFormat {
    public static func write(_ result: EvaluationResult, to out: OutputSink) {
        var w = JSONBytes()
        w.raw("{\n  \"plan\": {\"id\": "); w.string(result.plan.id)
        w.raw(", \"name\": "); w.string(result.plan.name)
        w.raw(", \"year\": "); w.int(result.plan.year)
        let p = result.phase
        w.raw("},\n  \"phase\": {\"id\": "); w.string(p.id)
        w.raw(", \"name\": "); w.string(p.name)
        w.raw(", \"from\": "); w.string(p.from)
        w.raw(", \"to\": "); w.string(p.to)
        w.raw("},\n  \"rules_digest\": "); w.string(result.rulesDigest)
        w.raw(",\n  \"awards\": [")
        for (a, award) in result.awards.enumerated() {
            w.raw(a == 0 ? "\n" : ",\n")
            header(award.award.id, award.award.name, award.award.subject, award.award.movement, &w)
            for (i, r) in award.results.enumerated() {
                w.raw(i == 0 ? "\n" : ",\n")
                w.raw("       {\"subject\": "); w.string(r.subject)
                w.raw(", \"name\": "); w.string(r.name)
                w.raw(", \"eligible\": "); w.bool(r.eligible)
                w.raw(", \"awarded\": "); w.bool(r.awarded)
                w.raw(",\n        \"criteria\": [")
                for (c, criterion) in r.criteria.enumerated() {
                    if c > 0 { w.raw(", ") }
                    w.raw("{\"id\": "); w.string(criterion.id)
                    w.raw(", \"text\": "); w.string(criterion.text)
                    w.raw(", \"passed\": "); w.bool(criterion.passed)
                    w.raw(", \"detail\": "); w.string(criterion.detail)
                    w.raw("}")
                }
                w.raw("]")
                if let q = r.quota {
                    w.raw(",\n        \"quota\": {\"group\": "); w.string(q.group)
                    w.raw(", \"place\": "); w.int(q.place)
                    w.raw(", \"limit\": ")
                    if let limit = q.limit { w.int(limit) } else { w.raw("null") }
                    w.raw(", \"base\": "); w.int(q.base)
                    w.raw(", \"order\": "); w.number(q.order)
                    w.raw("}")
                }
                w.raw("}")
                w.flush(to: out)
            }
            w.raw(award.results.isEmpty ? "]}" : "\n     ]}")
        }
        w.raw(result.awards.isEmpty ? "],\n" : "\n  ],\n")
        w.raw("  \"scorings\": [")
        for (k, scoring) in result.scorings.enumerated() {
            w.raw(k == 0 ? "\n" : ",\n")
            header(scoring.scoring.id, scoring.scoring.name, scoring.scoring.subject, scoring.scoring.movement, &w)
            for (i, r) in scoring.results.enumerated() {
                w.raw(i == 0 ? "\n" : ",\n")
                w.raw("       {\"subject\": "); w.string(r.subject)
                w.raw(", \"name\": "); w.string(r.name)
                w.raw(", \"group\": "); w.string(r.group)
                w.raw(", \"total\": "); w.number(r.total)
                w.raw(", \"rank\": "); w.int(r.rank)
                w.raw(", \"grade\": "); w.string(r.grade)
                w.raw(",\n        \"items\": [")
                for (c, item) in r.items.enumerated() {
                    if c > 0 { w.raw(", ") }
                    w.raw("{\"id\": "); w.string(item.id)
                    w.raw(", \"text\": "); w.string(item.text)
                    w.raw(", \"points\": "); w.number(item.points)
                    w.raw(", \"raw\": "); w.number(item.raw)
                    w.raw(", \"max\": "); w.number(item.max)
                    w.raw(", \"detail\": "); w.string(item.detail)
                    w.raw("}")
                }
                w.raw("],\n        \"bonus\": "); w.number(r.bonus)
                w.raw(", \"penalty\": "); w.number(r.penalty)
                w.raw("}")
                w.flush(to: out)
            }
            w.raw(scoring.results.isEmpty ? "]}" : "\n     ]}")
        }
        w.raw(result.scorings.isEmpty ? "],\n" : "\n  ],\n")
        w.raw("  \"diagnostics\": [")
        for (i, d) in result.diagnostics.enumerated() {
            w.raw(i == 0 ? "\n    {\"level\": " : ",\n    {\"level\": "); w.string(d.level)
            w.raw(", \"message\": "); w.string(d.message)
            w.raw(", \"file\": "); w.string(d.file)
            w.raw(", \"line\": ")
            if let line = d.line { w.int(line) } else { w.raw("null") }
            w.raw("}")
        }
        w.raw(result.diagnostics.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
        w.flush(to: out, force: true)
    }

    private static func header(_ id: String, _ name: String, _ subject: SubjectKind, _ movement: String?, _ w: inout JSONBytes) {
        w.raw("    {\"id\": "); w.string(id)
        w.raw(", \"name\": "); w.string(name)
        w.raw(", \"subject\": "); w.string(subject.rawValue)
        w.raw(", \"movement\": "); w.string(movement)
        w.raw(",\n     \"results\": [")
    }
}
