import Commend

/// What every document reads: the (narrowed) result, the data of the phase,
/// the language, and the heading block of an official document.
struct DocumentContext {
    let result: EvaluationResult
    let lookup: PhaseLookup
    let request: DocumentRequest
    var language: Language { request.language }

    init(result: EvaluationResult, data: Dataset, request: DocumentRequest) {
        self.result = result
        self.lookup = PhaseLookup(data: data, phase: result.phase.id)
        self.request = request
    }

    func text(_ key: DocumentStrings.Key, _ arguments: String...) -> String {
        DocumentStrings.format(key, language, arguments)
    }

    var wording: Wording { Wording(language) }
    func number(_ d: Double) -> String { wording.number(d) }
    func count(_ n: Int) -> String { wording.count(n) }

    /// The units without a parent, in the order of the data.
    var roots: [String] {
        lookup.data.units.ids.filter { lookup.parent(of: $0) == nil }
    }

    /// The issuing body: `--issuer`, else the one root unit's name, else the plan's name.
    var issuer: String {
        if let issuer = request.issuer { return issuer }
        let roots = self.roots
        return roots.count == 1 ? lookup.unitName(roots[0]) : result.plan.name
    }

    /// The place of the date line: `--place`, else what follows "tỉnh " or
    /// "thành phố " in the issuer's name ("Bắc Kạn").
    var place: String {
        if let place = request.place { return place }
        for marker in ["tỉnh ", "Tỉnh ", "thành phố ", "Thành phố "] {
            if let range = issuer.range(of: marker, options: .backwards) {
                return String(issuer[range.upperBound...])
            }
        }
        return ""
    }

    /// Where each unit stands in the data, to order groups as the data lists units.
    var unitOrder: [String: Int] {
        Dictionary(lookup.data.units.ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Sorts units in the order of the tree: each district, then the units
    /// under it, siblings in the order of the data.
    func treeOrdered(_ units: [String]) -> [String] {
        let order = unitOrder
        let keys = Dictionary(units.map { unit in
            (unit, lookup.ancestry(of: unit).reversed().map { order[$0] ?? Int.max })
        }, uniquingKeysWith: { a, _ in a })
        return units.sorted { a, b in
            let ka = keys[a]!, kb = keys[b]!
            return ka.lexicographicallyPrecedes(kb) || (ka == kb && a < b)
        }
    }

    /// The unit above a subject: a member's unit, a unit's parent (itself for a root).
    func unitAbove(_ subject: String, kind: SubjectKind) -> String? {
        kind == .member ? lookup.unit(of: subject, kind: .member) : (lookup.parent(of: subject) ?? subject)
    }

    /// A member's position: the `chuc_vu` column, else `position`.
    func position(_ member: String) -> String {
        lookup.text(.member, member, "chuc_vu") ?? lookup.text(.member, member, "position") ?? ""
    }

    /// A line of achievement from the criteria: the details of the passed
    /// criteria (each once, none that another already contains), or their
    /// texts where none has a detail.
    func achievement(_ outcome: AwardOutcome) -> String {
        let passed = outcome.criteria.filter(\.passed)
        var seen: Set<String> = []
        let all = passed.compactMap(\.detail).filter { !$0.isEmpty && seen.insert($0).inserted }
        // A detail that another one already says in full is left out.
        let details = all.filter { detail in !all.contains { $0 != detail && $0.contains(detail) } }
        let parts = details.isEmpty ? passed.map(\.text) : details
        guard let first = parts.first else { return "" }
        let line = ([first.prefix(1).uppercased() + first.dropFirst()] + parts.dropFirst()).joined(separator: "; ")
        return line
    }

    /// A quota group's name: the unit's name when the group is a unit id.
    func groupName(_ group: String?) -> String {
        guard let group else { return "" }
        return lookup.isUnit(group) ? lookup.unitName(group) : group
    }

    /// The phase report of the last phase of the plan is the year-end review (tổng kết).
    var isFinalPhase: Bool { result.plan.phases.last?.id == result.phase.id }

    /// The heading block and the lines under the title, for templates.
    func heading(title: String, subtitle: String) -> [String: Any] {
        var scope: [String] = []
        if let unit = request.filter.unit { scope.append(text(.filterUnit, lookup.unitName(unit))) }
        if request.filter.awardedOnly { scope.append(text(.filterAwardedOnly)) }
        return [
            "issuer": issuer.uppercased(),
            "number": text(.number),
            "nation": text(.nation),
            "motto": text(.motto),
            "placeDate": language.placeAndDate(place: place, date: request.date, year: result.plan.year),
            "title": title,
            "subtitle": subtitle,
            "basis": text(.basis, result.plan.name, result.phase.name,
                          wording.date(result.phase.from), wording.date(result.phase.to)),
            "scope": scope.map { ["line": $0] },
            "lang": language.rawValue,
        ]
    }

    var signature: [String: Any] {
        ["preparer": text(.preparer), "onBehalf": text(.onBehalf), "chair": text(.chair), "hint": text(.signHint)]
    }

    /// The quota in words: "15% số Lao động tiên tiến, tối đa 4, trong mỗi nhóm "unit"".
    func quotaText(_ award: Award) -> String {
        guard let quota = award.quota else { return "" }
        var parts: [String] = []
        if let share = quota.share {
            let base = quota.base.flatMap { id in result.award(id)?.award.name ?? id } ?? text(.quotaEligible)
            parts.append(text(.quotaShare, number(share * 100), base))
        }
        if let max = quota.max { parts.append(text(.quotaMax, count(max))) }
        switch quota.within {
        case "unit": parts.append(text(.quotaWithinUnit))
        case "cluster": parts.append(text(.quotaWithinCluster))
        case "parent": parts.append(text(.quotaWithinParent))
        case let within?: parts.append(text(.quotaWithin, within))
        case nil: break
        }
        return parts.joined(separator: ", ")
    }
}
