import Dispatch
import Foundation

/// `--format json`: exactly RULES.md §5, streamed, deterministic.
public enum JSONFormat {
    /// Writes a whole result.
    public static func write(_ result: EvaluationResult, to out: OutputSink) {
        // The stream's methods do not throw.
        try? result.replay(into: JSONStream(out))
    }
}

/// Writes the JSON of an evaluation while it runs (`Evaluator.evaluate(into:)`).
public final class JSONStream: EvaluationSink {
    private let out: OutputSink
    private var w = JSONBytes()
    private var awards = 0
    private var scorings = 0
    private var inScorings = false

    /// A writer to `out`.
    public init(_ out: OutputSink) { self.out = out }

    /// Writes the head of the output.
    public func begin(plan: Plan, phase p: Phase, rulesDigest: String) {
        w.raw("{\n  \"schema\": \"commend.result/2\",\n  \"plan\": {\"id\": "); w.string(plan.id)
        w.raw(", \"name\": "); w.string(plan.name)
        w.raw(", \"year\": "); w.int(plan.year)
        w.raw("},\n  \"phase\": {\"id\": "); w.string(p.id)
        w.raw(", \"name\": "); w.string(p.name)
        w.raw(", \"from\": "); w.string(p.from)
        w.raw(", \"to\": "); w.string(p.to)
        w.raw("},\n  \"rules_digest\": "); w.string(rulesDigest)
        w.raw(",\n  \"awards\": [")
    }

    /// Runs `body` on the buffer taken out as a local: a stored property
    /// would be checked for exclusive access at every write.
    private func writing(_ body: (inout JSONBytes) -> Void) {
        var w = JSONBytes(capacity: 0)
        swap(&w, &self.w)
        body(&w)
        swap(&w, &self.w)
    }

    /// Writes one award's outcomes.
    public func award(_ award: AwardResult) {
        writing { w in write(award, &w) }
    }

    private func write(_ award: AwardResult, _ w: inout JSONBytes) {
        w.raw(awards == 0 ? "\n" : ",\n")
        awards += 1
        Self.header(award.award.id, award.award.name, award.award.subject, award.award.movement, &w)
        // The criteria's texts once, on the award; each result lists them by id.
        let criteria = award.award.criteria
        w.raw(",\n     \"criteria\": [")
        for (c, criterion) in criteria.enumerated() {
            w.raw(c > 0 ? ", {\"id\": " : "{\"id\": "); w.string(criterion.id)
            w.raw(", \"text\": "); w.string(criterion.text)
            w.raw("}")
        }
        let eligible = award.results.reduce(0) { $0 + ($1.eligible ? 1 : 0) }
        let awarded = award.results.reduce(0) { $0 + ($1.awarded ? 1 : 0) }
        w.raw("],\n     \"counts\": {\"considered\": "); w.int(award.results.count)
        w.raw(", \"eligible\": "); w.int(eligible)
        w.raw(", \"awarded\": "); w.int(awarded)
        w.raw("},\n     \"results\": [")
        // The criteria's ids are escaped once for every result.
        let prefixes: [[UInt8]] = criteria.map { criterion in
            var p = JSONBytes(capacity: 32)
            p.raw("{\"id\": "); p.string(criterion.id)
            p.raw(", \"passed\": ")
            return p.bytes
        }
        w.flush(to: out, force: true)
        let results = award.results
        Self.inParallel(results.count, to: out) { i, w in
            let r = results[i]
            w.raw(i == 0 ? "\n" : ",\n")
            w.raw("       {\"subject\": "); w.string(r.subject)
            w.raw(", \"name\": "); w.string(r.name)
            w.raw(", \"eligible\": "); w.bool(r.eligible)
            w.raw(", \"awarded\": "); w.bool(r.awarded)
            w.raw(",\n        \"criteria\": [")
            let shared = r.definitions.count == prefixes.count
            for c in r.definitions.indices {
                if c > 0 { w.raw(", ") }
                if shared {
                    w.append(prefixes[c])
                } else {
                    w.raw("{\"id\": "); w.string(r.definitions[c].id)
                    w.raw(", \"passed\": ")
                }
                w.bool(r.passed(c))
                w.raw(", \"detail\": "); w.string(r.detail(c))
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
        }
        w.raw(award.results.isEmpty ? "]}" : "\n     ]}")
    }

    /// Encodes items `0..<count` with `encode` and writes them in order:
    /// blocks of items are split between the cores, each part encoded into
    /// its own buffer, then the parts written one after the other.
    static func inParallel(_ count: Int, to out: OutputSink, _ encode: @escaping @Sendable (Int, inout JSONBytes) -> Void) {
        let block = 8192
        let cores = min(4, Parallel.cores)
        var start = 0
        while start < count {
            let end = min(count, start + block)
            let parts = end - start >= 1024 ? cores : 1
            let block = start..<end
            let encoded = Parallel.map(parts: parts, threads: parts) { p, _ in
                var w = JSONBytes(capacity: 1 << 16)
                for i in block.part(p, of: parts) { encode(i, &w) }
                return w
            }
            for w in encoded { out.write(bytes: w.bytes) }
            start = end
        }
    }

    private func closeAwards() {
        guard !inScorings else { return }
        inScorings = true
        w.raw(awards == 0 ? "],\n" : "\n  ],\n")
        w.raw("  \"scorings\": [")
    }

    /// Writes one scoring's outcomes.
    public func scoring(_ scoring: ScoringResult) {
        closeAwards()
        writing { w in write(scoring, &w) }
    }

    private func write(_ scoring: ScoringResult, _ w: inout JSONBytes) {
        w.raw(scorings == 0 ? "\n" : ",\n")
        scorings += 1
        Self.header(scoring.scoring.id, scoring.scoring.name, scoring.scoring.subject, scoring.scoring.movement, &w)
        // The items' texts and maxima once, on the scoring; each result lists them by id.
        w.raw(",\n     \"items\": [")
        for (c, item) in scoring.scoring.items.enumerated() {
            w.raw(c > 0 ? ", {\"id\": " : "{\"id\": "); w.string(item.id)
            w.raw(", \"text\": "); w.string(item.text)
            w.raw(", \"max\": "); w.number(item.max)
            w.raw("}")
        }
        w.raw("],\n     \"results\": [")
        w.flush(to: out, force: true)
        let results = scoring.results
        Self.inParallel(results.count, to: out) { i, w in
            let r = results[i]
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
                w.raw(", \"points\": "); w.number(item.points)
                w.raw(", \"raw\": "); w.number(item.raw)
                w.raw(", \"detail\": "); w.string(item.detail)
                w.raw("}")
            }
            w.raw("],\n        \"bonus\": "); w.number(r.bonus)
            w.raw(", \"penalty\": "); w.number(r.penalty)
            w.raw("}")
        }
        w.raw(scoring.results.isEmpty ? "]}" : "\n     ]}")
    }

    /// Writes the end of the output.
    public func end(diagnostics: [Diagnostic]) {
        closeAwards()
        w.raw(scorings == 0 ? "],\n" : "\n  ],\n")
        w.raw("  \"diagnostics\": [")
        for (i, d) in diagnostics.enumerated() {
            w.raw(i == 0 ? "\n    {\"level\": " : ",\n    {\"level\": "); w.string(d.level)
            w.raw(", \"message\": "); w.string(d.message)
            w.raw(", \"file\": "); w.string(d.file)
            w.raw(", \"line\": ")
            if let line = d.line { w.int(line) } else { w.raw("null") }
            w.raw("}")
        }
        w.raw(diagnostics.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
        w.flush(to: out, force: true)
    }

    private static func header(_ id: String, _ name: String, _ subject: SubjectKind, _ movement: String?, _ w: inout JSONBytes) {
        w.raw("    {\"id\": "); w.string(id)
        w.raw(", \"name\": "); w.string(name)
        w.raw(", \"subject\": "); w.string(subject.rawValue)
        w.raw(", \"movement\": "); w.string(movement)
    }
}
