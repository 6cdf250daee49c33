import Foundation

/// What `commend check` sees in the rule files' text without data (RULES.md
/// §2.4, §4): fields read as `m.x` / `u.x` that the plan does not declare,
/// strings compared with an enum field that are not among its values, and
/// ids given to `ctx` calls that name no award or scoring. A heuristic over
/// the text: `m` and `u` are taken as the member and the unit, except in a
/// file that binds them to something else with `local m =` / `local u =`.
struct SourceChecks {
    let plan: Plan
    let awardIDs: [String]
    let scoringIDs: [String]
    var problems: [RuleProblem] = []

    init(plan: Plan, awards: [Award], scorings: [Scoring]) {
        self.plan = plan
        awardIDs = awards.map(\.id)
        scoringIDs = scorings.map(\.id)
    }

    private static func regex(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern)
    }

    private static let fieldRead = regex(#"(?<![\w.:])([mu])\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)"#)
    private static let comparedAfter = regex(#"(?<![\w.:])([mu])\.([A-Za-z_][A-Za-z0-9_]*)\s*(?:==|~=)\s*"([^"\\]*)""#)
    private static let comparedBefore = regex(#""([^"\\]*)"\s*(?:==|~=)\s*([mu])\.([A-Za-z_][A-Za-z0-9_]*)"#)
    private static let declarationCall = regex(#"ctx\s*\.\s*(awarded|eligible|total|rank|grade)\s*\(\s*"([^"\\]*)""#)
    private static let historyCall = regex(#"ctx\s*\.\s*(history|streak)\s*\(\s*[^,()]*(?:\([^()]*\))?[^,()]*,\s*"([^"\\]*)""#)
    private static let comment = regex(#"--\[(=*)\[[\s\S]*?\]\1\]|--[^\n]*"#)

    mutating func check(_ file: RuleFiles.File, shownAs name: String) {
        var text = String(decoding: file.contents, as: UTF8.self)
        // Comments go (their line breaks stay, so that lines keep their numbers).
        let ns = text as NSString
        var cleaned = ""
        var last = 0
        for match in Self.comment.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            cleaned += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            cleaned += String(ns.substring(with: match.range).filter { $0 == "\n" })
            last = match.range.location + match.range.length
        }
        cleaned += ns.substring(from: last)
        text = cleaned
        let rebound = Set(["m", "u"].filter { text.range(of: #"local\s+\#($0)\s*="#, options: .regularExpression) != nil })
        let source = text as NSString
        let all = NSRange(location: 0, length: source.length)
        func line(_ location: Int) -> Int {
            var n = 1
            source.substring(to: location).utf16.forEach { if $0 == 10 { n += 1 } }
            return n
        }
        func group(_ match: NSTextCheckingResult, _ i: Int) -> String { source.substring(with: match.range(at: i)) }
        func kind(_ letter: String) -> SubjectKind { letter == "m" ? .member : .unit }

        var reported = Set<String>()
        for match in Self.fieldRead.matches(in: text, range: all) where !rebound.contains(group(match, 1)) {
            let subject = kind(group(match, 1)), field = group(match, 2)
            let known = FieldNames.builtIn(subject) + plan.fields.fields(for: subject).keys.sorted()
            let other: SubjectKind = subject == .member ? .unit : .member
            let declaredElsewhere = FieldNames.builtIn(other).contains(field) || plan.fields.fields(for: other)[field] != nil
            guard !known.contains(field), !declaredElsewhere, reported.insert(group(match, 1) + "." + field).inserted else { continue }
            problems.append(RuleProblem(.warning, at: SourceLocation(file: name, line: line(match.range.location)),
                "\(group(match, 1)).\(field): the plan does not declare the \(subject.rawValue) field \"\(field)\"\(Suggestion.hint(for: field, in: known)); unless a data file has this column, reading it stops the run"))
        }
        let compared = Self.comparedAfter.matches(in: text, range: all).map { (group($0, 1), group($0, 2), group($0, 3), $0.range.location) }
            + Self.comparedBefore.matches(in: text, range: all).map { (group($0, 2), group($0, 3), group($0, 1), $0.range.location) }
        for (letter, field, value, at) in compared.sorted(by: { $0.3 < $1.3 }) where !rebound.contains(letter) {
            guard case .enumeration(let values)? = plan.fields.fields(for: kind(letter))[field], !values.contains(value) else { continue }
            problems.append(RuleProblem(at: SourceLocation(file: name, line: line(at)),
                "\(letter).\(field) is compared with \"\(value)\", which is not one of its values (\(values.joined(separator: ", ")))\(Suggestion.hint(for: value, in: values)): the comparison never holds"))
        }
        for match in Self.declarationCall.matches(in: text, range: all) {
            let call = group(match, 1), id = group(match, 2)
            let awards = call == "awarded" || call == "eligible"
            let ids = awards ? awardIDs : scoringIDs
            guard !ids.contains(id) else { continue }
            problems.append(RuleProblem(at: SourceLocation(file: name, line: line(match.range.location)),
                "ctx.\(call): unknown \(awards ? "award" : "scoring") \"\(id)\"\(Suggestion.hint(for: id, in: ids))"))
        }
        for match in Self.historyCall.matches(in: text, range: all) where !awardIDs.contains(group(match, 2)) {
            let id = group(match, 2)
            problems.append(RuleProblem(.warning, at: SourceLocation(file: name, line: line(match.range.location)),
                "ctx.\(group(match, 1)): \"\(id)\" is not an award of the plan\(Suggestion.hint(for: id, in: awardIDs)); unless the history has it, the call stops the run"))
        }
    }

    /// A scoring whose items and bonus can reach past the points its grades
    /// are set on: the grades' scale is the items' maxima added up (the
    /// table's "thang điểm"); a bonus on top makes totals above it, and a
    /// grade whose min is above the most a subject can score is never given.
    mutating func check(_ scoring: Scoring) {
        guard !scoring.grades.isEmpty else { return }
        let scale = scoring.items.reduce(0) { $0 + $1.max }
        let top = scoring.bonus.map { $0.max.map { scale + $0 } ?? .infinity } ?? scale
        let shown = { (x: Double) in ReportFormat.number(x) }
        for grade in scoring.grades where grade.min > top {
            problems.append(RuleProblem(.warning, at: scoring.location,
                "scoring \"\(scoring.id)\": grade \"\(grade.label)\" (min \(shown(grade.min))) is never given: the most a subject can score is \(shown(top))"))
        }
        if top > scale, let best = scoring.grades.max(by: { $0.min < $1.min }) {
            let most = top.isFinite ? shown(top) : "any number of points (the bonus has no max)"
            problems.append(RuleProblem(.warning, at: scoring.location,
                "scoring \"\(scoring.id)\": the items add up to \(shown(scale)) points, on which the grades are set (top \"\(best.label)\" from \(shown(best.min))), but with the bonus a total can reach \(most)"))
        }
    }
}
