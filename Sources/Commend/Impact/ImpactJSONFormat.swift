/// `commend diff --format json`: the impact of a rule change, deterministic
/// (fixed key order and layout, no timestamp). The shape is documented in
/// `commend diff --help`:
///
/// ```
/// {"phase": {"id", "name"}, "rules_digest": {"old", "new"},
///  "awards": [{"id", "name", "subject", "status", "eligible": {"old", "new"}, "awarded": {"old", "new"},
///              "changes": [{"subject", "name", "change", "eligible": {..}, "awarded": {..},
///                           "criteria": [{"id", "text", "passed": {..}, "detail": {..}}],
///                           "quota": {"old": place|null, "new": place|null}}]}],
///  "scorings": [{"id", "name", "subject", "status", "scored": {"old", "new"},
///                "changes": [{"subject", "name", "group": {..}, "rank": {..}, "group_size": {..},
///                             "total": {..}, "grade": {..}}]}]}
/// ```
public enum ImpactJSONFormat {
    /// The JSON of `impact`, in the shape above.
    public static func text(_ impact: Impact) -> String {
        let s = JSONText.self
        var out = "{\n"
        out += "  \"phase\": {\"id\": \(s.string(impact.phase.id)), \"name\": \(s.string(impact.phase.name))},\n"
        out += "  \"rules_digest\": \(pair(impact.rulesDigest) { s.string($0) }),\n"
        out += "  \"awards\": ["
        for (i, a) in impact.awards.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\"id\": \(s.string(a.id)), \"name\": \(s.string(a.name)), \"subject\": \(s.string(a.subjectKind.rawValue)), \"status\": \(s.string(a.status.rawValue)),\n"
            out += "     \"eligible\": \(pair(a.eligible, int)), \"awarded\": \(pair(a.awarded, int)),\n"
            out += "     \"changes\": ["
            for (j, c) in a.changes.enumerated() {
                out += j == 0 ? "\n" : ",\n"
                out += "       {\"subject\": \(s.string(c.subject)), \"name\": \(s.string(c.name)), \"change\": \(s.string(c.kind.rawValue)),"
                out += " \"eligible\": \(pair(c.eligible, bool)), \"awarded\": \(pair(c.awarded, bool)),\n"
                out += "        \"criteria\": ["
                for (k, criterion) in c.criteria.enumerated() {
                    if k > 0 { out += ", " }
                    out += "{\"id\": \(s.string(criterion.id)), \"text\": \(s.string(criterion.text)), \"passed\": \(pair(criterion.passed, bool)), \"detail\": \(pair(criterion.detail) { s.string($0) })}"
                }
                out += "],\n        \"quota\": \(pair(c.quota, quota))}"
            }
            out += a.changes.isEmpty ? "]}" : "\n     ]}"
        }
        out += impact.awards.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"scorings\": ["
        for (i, sc) in impact.scorings.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\"id\": \(s.string(sc.id)), \"name\": \(s.string(sc.name)), \"subject\": \(s.string(sc.subjectKind.rawValue)), \"status\": \(s.string(sc.status.rawValue)),\n"
            out += "     \"scored\": \(pair(sc.scored, int)),\n"
            out += "     \"changes\": ["
            for (j, c) in sc.changes.enumerated() {
                out += j == 0 ? "\n" : ",\n"
                out += "       {\"subject\": \(s.string(c.subject)), \"name\": \(s.string(c.name)), \"group\": \(pair(c.group) { s.string($0) }),"
                out += " \"rank\": \(pair(c.rank, int)), \"group_size\": \(pair(c.groupSize, int)),"
                out += " \"total\": \(pair(c.total) { s.number($0) }), \"grade\": \(pair(c.grade) { s.string($0) })}"
            }
            out += sc.changes.isEmpty ? "]}" : "\n     ]}"
        }
        out += impact.scorings.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    /// `{"old": …, "new": …}`.
    static func pair<T>(_ t: Transition<T>, _ value: (T) -> String) -> String {
        "{\"old\": \(value(t.old)), \"new\": \(value(t.new))}"
    }

    static func int(_ n: Int?) -> String { n.map(String.init) ?? "null" }
    static func bool(_ b: Bool?) -> String { b.map { $0 ? "true" : "false" } ?? "null" }

    /// The quota object of `commend evaluate --format json`, or null.
    static func quota(_ q: QuotaPlace?) -> String {
        guard let q else { return "null" }
        let s = JSONText.self
        return "{\"group\": \(s.string(q.group)), \"place\": \(q.place), \"limit\": \(int(q.limit)), \"base\": \(q.base), \"order\": \(s.number(q.order))}"
    }
}
