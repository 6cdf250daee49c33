/// Narrows a result for people (`--award`, `--unit`, `--awarded-only`): one
/// award or scoring, the subjects of one unit's subtree, the awards someone
/// received. Counts computed from the narrowed result are those of the kept
/// subjects; `awardedOnly` drops awards nobody received but keeps every
/// outcome of the others, so that their counts stay whole.
public struct ResultFilter: Sendable {
    /// Keep only this award or scoring (nil: all).
    public var award: String?
    /// Keep only the subjects of this unit's subtree (nil: all).
    public var unit: String?
    /// Drop the awards nobody received.
    public var awardedOnly: Bool

    /// A filter; by default it keeps everything.
    public init(award: String? = nil, unit: String? = nil, awardedOnly: Bool = false) {
        self.award = award
        self.unit = unit
        self.awardedOnly = awardedOnly
    }

    /// Whether the filter keeps everything.
    public var isEmpty: Bool { award == nil && unit == nil && !awardedOnly }

    /// Checks the ids against the result and the data: an unknown award or
    /// unit is bad usage.
    public func validate(_ result: EvaluationResult, data: Dataset) throws {
        if let award, result.award(award) == nil, result.scoring(award) == nil {
            throw EvaluationError("no award or scoring \"\(award)\" in phase \(result.phase.id)")
        }
        if let unit, data.units.row(of: unit) == nil {
            throw EvaluationError("no unit \"\(unit)\" in the data")
        }
    }

    /// The narrowed result.
    /// - Throws: `EvaluationError` for an unknown award or unit.
    public func apply(to result: EvaluationResult, data: Dataset) throws -> EvaluationResult {
        try validate(result, data: data)
        var narrowed = result
        let lookup = PhaseLookup(data: data, phase: result.phase.id)
        if let award {
            narrowed.awards = narrowed.awards.filter { $0.id == award }
            narrowed.scorings = narrowed.scorings.filter { $0.id == award }
        }
        if let unit {
            var inside: [String: Bool] = [:]
            func keep(_ subject: String, _ kind: SubjectKind) -> Bool {
                guard let u = lookup.unit(of: subject, kind: kind) else { return false }
                if let known = inside[u] { return known }
                let answer = lookup.unit(u, isWithin: unit)
                inside[u] = answer
                return answer
            }
            for i in narrowed.awards.indices {
                let kind = narrowed.awards[i].award.subject
                narrowed.awards[i].results = narrowed.awards[i].results.filter { keep($0.subject, kind) }
            }
            for i in narrowed.scorings.indices {
                let kind = narrowed.scorings[i].scoring.subject
                narrowed.scorings[i].results = narrowed.scorings[i].results.filter { keep($0.subject, kind) }
            }
        }
        if awardedOnly {
            narrowed.awards = narrowed.awards.filter { $0.results.contains(where: \.awarded) }
        }
        return narrowed
    }
}
