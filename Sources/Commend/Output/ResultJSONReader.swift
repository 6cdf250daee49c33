import Foundation

extension EvaluationResult {
    /// Reads back a result written by `JSONFormat`/`JSONStream` (RULES.md §5):
    /// what a recorded run stores, so that two recorded runs can be compared
    /// with `Impact` without the rules or data that made them.
    ///
    /// Declarations are rebuilt only as far as the JSON tells them (ids,
    /// names, subject kinds, criterion and item texts, the grades given with
    /// the lowest total that received each; no source locations, phases or
    /// quota settings). Criterion and item texts are read from the
    /// award or scoring when it lists them, otherwise from each result.
    /// A quota place's `eligible` count is the number of eligible results of
    /// its group.
    public init(json: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw EvaluationError("not a Commend result: the JSON is not an object")
        }
        let reader = ResultJSONReader()
        let planObject = try reader.object(root["plan"], "plan")
        let phaseObject = try reader.object(root["phase"], "phase")
        let phase = Phase(id: try reader.string(phaseObject["id"], "phase.id"),
                          name: reader.text(phaseObject["name"]), from: reader.text(phaseObject["from"]),
                          to: reader.text(phaseObject["to"]))
        plan = Plan(id: try reader.string(planObject["id"], "plan.id"), name: reader.text(planObject["name"]),
                    year: (planObject["year"] as? NSNumber)?.intValue ?? 0, phases: [phase], movements: [],
                    fields: FieldSchema(), location: ResultJSONReader.nowhere)
        self.phase = phase
        rulesDigest = reader.text(root["rules_digest"])
        awards = try ((root["awards"] as? [Any]) ?? []).map { try reader.award(reader.object($0, "award")) }
        scorings = try ((root["scorings"] as? [Any]) ?? []).map { try reader.scoring(reader.object($0, "scoring")) }
        diagnostics = ((root["diagnostics"] as? [Any]) ?? []).compactMap { $0 as? [String: Any] }.map {
            Diagnostic(level: reader.text($0["level"]), message: reader.text($0["message"]),
                       file: $0["file"] as? String, line: ($0["line"] as? NSNumber)?.intValue)
        }
    }
}

/// The field readers of `EvaluationResult(json:)`.
private struct ResultJSONReader {
    static let nowhere = SourceLocation(file: "", line: 0)

    func object(_ value: Any?, _ what: String) throws -> [String: Any] {
        guard let object = value as? [String: Any] else { throw EvaluationError("not a Commend result: \(what) is not an object") }
        return object
    }

    func string(_ value: Any?, _ what: String) throws -> String {
        guard let text = value as? String else { throw EvaluationError("not a Commend result: \(what) is not a string") }
        return text
    }

    func text(_ value: Any?) -> String { value as? String ?? "" }
    func optionalText(_ value: Any?) -> String? { value as? String }
    func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }
    func int(_ value: Any?) -> Int? { (value as? NSNumber)?.intValue }
    func bool(_ value: Any?) -> Bool { (value as? NSNumber)?.boolValue ?? false }
    func list(_ value: Any?) -> [[String: Any]] { (value as? [Any])?.compactMap { $0 as? [String: Any] } ?? [] }

    /// The declared (id, text) pairs: the declaration's own list, or the first result's.
    func declared(_ object: [String: Any], _ key: String, _ results: [[String: Any]]) -> [[String: Any]] {
        let own = list(object[key])
        return own.isEmpty ? list(results.first?[key]) : own
    }

    func award(_ object: [String: Any]) throws -> AwardResult {
        let results = list(object["results"])
        let criteria = declared(object, "criteria", results).map {
            Criterion(id: text($0["id"]), text: text($0["text"]), location: Self.nowhere)
        }
        let award = Award(id: try string(object["id"], "award.id"), name: text(object["name"]),
                          subject: SubjectKind(rawValue: text(object["subject"])) ?? .member,
                          movement: optionalText(object["movement"]), phases: nil, hasApplies: false,
                          criteria: criteria, quota: nil, location: Self.nowhere)
        var passed: [Bool] = [], details: [String?] = []
        passed.reserveCapacity(results.count * criteria.count)
        details.reserveCapacity(results.count * criteria.count)
        var eligibleInGroup: [String: Int] = [:]
        for result in results {
            let byID = Dictionary(list(result["criteria"]).map { (text($0["id"]), $0) }, uniquingKeysWith: { a, _ in a })
            for criterion in criteria {
                passed.append(bool(byID[criterion.id]?["passed"]))
                details.append(optionalText(byID[criterion.id]?["detail"]))
            }
            if bool(result["eligible"]), let quota = result["quota"] as? [String: Any] {
                eligibleInGroup[text(quota["group"]), default: 0] += 1
            }
        }
        let block = CriterionResults(criteria: criteria.count, passed: passed, details: details)
        let outcomes = results.enumerated().map { i, result in
            var place: QuotaPlace?
            if let quota = result["quota"] as? [String: Any] {
                place = QuotaPlace(group: optionalText(quota["group"]), place: int(quota["place"]) ?? 0,
                                   eligible: eligibleInGroup[text(quota["group"])] ?? 0, base: int(quota["base"]) ?? 0,
                                   limit: int(quota["limit"]), order: number(quota["order"]))
            }
            return AwardOutcome(subject: text(result["subject"]), name: text(result["name"]),
                                eligible: bool(result["eligible"]), awarded: bool(result["awarded"]),
                                definitions: criteria, block: block, index: Int32(i), quota: place)
        }
        return AwardResult(award: award, results: outcomes)
    }

    func scoring(_ object: [String: Any]) throws -> ScoringResult {
        let results = list(object["results"])
        let items = declared(object, "items", results).map {
            ScoringItem(id: text($0["id"]), text: text($0["text"]), max: number($0["max"]) ?? 0, location: Self.nowhere)
        }
        var scoring = Scoring(id: try string(object["id"], "scoring.id"), name: text(object["name"]),
                              subject: SubjectKind(rawValue: text(object["subject"])) ?? .unit,
                              movement: optionalText(object["movement"]), phases: nil, hasApplies: false, group: nil,
                              items: items, bonus: nil, hasPenalty: false, tiebreak: [], grades: [],
                              location: Self.nowhere)
        var groupSize: [String?: Int] = [:]
        // The grades that were given, best first; each with the lowest total that received it.
        var lowest: [String: Double] = [:]
        for result in results {
            groupSize[optionalText(result["group"]), default: 0] += 1
            if let grade = optionalText(result["grade"]), let total = number(result["total"]) {
                lowest[grade] = min(lowest[grade] ?? total, total)
            }
        }
        scoring.grades = lowest.map { Grade(min: $0.value, label: $0.key) }.sorted { ($0.min, $1.label) > ($1.min, $0.label) }
        let outcomes = results.map { result in
            let byID = Dictionary(list(result["items"]).map { (text($0["id"]), $0) }, uniquingKeysWith: { a, _ in a })
            let group = optionalText(result["group"])
            return ScoreOutcome(
                subject: text(result["subject"]), name: text(result["name"]), group: group,
                total: number(result["total"]) ?? 0, rank: int(result["rank"]) ?? 0, groupSize: groupSize[group] ?? 0,
                grade: optionalText(result["grade"]),
                items: items.map { item in
                    ItemOutcome(id: item.id, text: item.text, points: number(byID[item.id]?["points"]) ?? 0,
                                raw: number(byID[item.id]?["raw"]) ?? 0, max: item.max,
                                detail: optionalText(byID[item.id]?["detail"]))
                },
                bonus: number(result["bonus"]) ?? 0, bonusRaw: nil, bonusDetail: nil,
                penalty: number(result["penalty"]) ?? 0, penaltyRaw: nil, penaltyDetail: nil)
        }
        return ScoringResult(scoring: scoring, results: outcomes)
    }
}
