/// What a run keeps of one evaluated award or scoring to continue as if it
/// had evaluated it again: the result, from which the published state is
/// rebuilt, what its rules printed (before the run's cap: the room left
/// depends on the declarations before it), and the result memory it took.
struct CachedDeclaration {
    var result: Run.EvaluatedDeclaration
    var state: ResultStore.State
    /// Printed messages, at most `Diagnostic.cap`, and how many there were.
    var printed: [Diagnostic]
    var printedTotal: Int
    /// What the declaration charged to the run's result memory.
    var resultBytes: Int
}

/// The strings of an entry, each written once and referred to by number
/// (details repeat across subjects).
private struct StringTable {
    var index: [String: Int] = [:]
    var strings: [String] = []

    /// 0 for nil, else 1 + the string's number.
    mutating func reference(_ s: String?) -> Int {
        guard let s else { return 0 }
        if let i = index[s] { return i + 1 }
        index[s] = strings.count
        strings.append(s)
        return strings.count
    }
}

extension CachedDeclaration {
    /// The entry's bytes; `rows` gives each outcome's subject row.
    static func encode(_ result: Run.EvaluatedDeclaration, printed: [Diagnostic], printedTotal: Int,
                       resultBytes: Int, view: KindView) -> [UInt8] {
        var table = StringTable()
        var body = CacheWriter()
        switch result {
        case .award(let award):
            body.count(award.results.count)
            let criteria = award.award.criteria.count
            for outcome in award.results {
                body.count(view.row(of: outcome.subject) ?? 0)
                body.byte((outcome.eligible ? 1 : 0) | (outcome.awarded ? 2 : 0) | (outcome.quota == nil ? 0 : 4))
                for c in 0..<criteria {
                    body.count(table.reference(outcome.detail(c)) << 1 | (outcome.passed(c) ? 1 : 0))
                }
                if let quota = outcome.quota {
                    body.count(table.reference(quota.group))
                    body.int(quota.place)
                    body.int(quota.eligible)
                    body.int(quota.base)
                    body.optionalInt(quota.limit)
                    body.optionalDouble(quota.order)
                }
            }
        case .scoring(let scoring):
            body.count(scoring.results.count)
            for outcome in scoring.results {
                body.count(view.row(of: outcome.subject) ?? 0)
                body.count(table.reference(outcome.group))
                body.double(outcome.total)
                body.int(outcome.rank)
                body.int(outcome.groupSize)
                body.count(table.reference(outcome.grade))
                for item in outcome.items {
                    body.double(item.points)
                    body.double(item.raw)
                    body.count(table.reference(item.detail))
                }
                body.double(outcome.bonus)
                body.optionalDouble(outcome.bonusRaw)
                body.count(table.reference(outcome.bonusDetail))
                body.double(outcome.penalty)
                body.optionalDouble(outcome.penaltyRaw)
                body.count(table.reference(outcome.penaltyDetail))
            }
        }
        var out = CacheWriter()
        out.byte(result.isAward ? 0 : 1)
        out.count(printedTotal)
        out.count(printed.count)
        for d in printed {
            out.string(d.level)
            out.string(d.message)
            out.count(table.reference(d.file))
            out.optionalInt(d.line)
        }
        out.count(resultBytes)
        out.count(table.strings.count)
        for s in table.strings { out.string(s) }
        out.raw(body.bytes)
        return out.bytes
    }

    /// Reads an entry of `id` written by `encode`, for the same rules and data.
    static func decode(_ bytes: [UInt8], start: Int, declaration id: DeclarationID, rules: RuleSet, data: PhaseData) throws -> CachedDeclaration {
        var r = CacheReader(bytes, from: start)
        let isAward = try r.byte() == 0
        guard isAward == (id.kind == .award) else { throw CacheCorrupt() }
        let printedTotal = try r.count()
        let printedCount = try r.count(below: Diagnostic.cap + 1)
        var printedRaw: [(String, String, Int, Int?)] = []
        for _ in 0..<printedCount {
            printedRaw.append((try r.string(), try r.string(), try r.count(), try r.optionalInt()))
        }
        let resultBytes = try r.count(below: Int.max)
        let stringCount = try r.count()
        var strings: [String] = []
        strings.reserveCapacity(stringCount)
        for _ in 0..<stringCount { strings.append(try r.string()) }
        func string(_ reference: Int) throws -> String? {
            guard reference > 0 else { return nil }
            guard reference <= strings.count else { throw CacheCorrupt() }
            return strings[reference - 1]
        }
        let printed = try printedRaw.map { Diagnostic(level: $0.0, message: $0.1, file: try string($0.2), line: $0.3) }
        let view = data.view(rules.declaration(id).subject)
        let result: Run.EvaluatedDeclaration
        let state: ResultStore.State
        if isAward {
            (result, state) = try decodeAward(&r, award: rules.awards[id.index], view: view, string: string)
        } else {
            (result, state) = try decodeScoring(&r, scoring: rules.scorings[id.index], view: view, string: string)
        }
        guard r.isAtEnd else { throw CacheCorrupt() }
        return CachedDeclaration(result: result, state: state, printed: printed, printedTotal: printedTotal, resultBytes: resultBytes)
    }

    private static func decodeAward(_ r: inout CacheReader, award: Award, view: KindView,
                                    string: (Int) throws -> String?) throws -> (Run.EvaluatedDeclaration, ResultStore.State) {
        let count = try r.count(below: view.count + 1)
        let criteria = award.criteria.count
        var state = ResultStore.AwardState(eligible: Array(repeating: nil, count: view.count),
                                           awarded: Array(repeating: false, count: view.count))
        var rows: [Int] = [], flags: [UInt8] = [], quotas: [QuotaPlace?] = []
        var passed: [Bool] = [], details: [String?] = []
        rows.reserveCapacity(count); flags.reserveCapacity(count); quotas.reserveCapacity(count)
        passed.reserveCapacity(count * criteria); details.reserveCapacity(count * criteria)
        for _ in 0..<count {
            let row = try r.count(below: view.count)
            let flag = try r.byte()
            for _ in 0..<criteria {
                let value = try r.count()
                passed.append(value & 1 == 1)
                details.append(try string(value >> 1))
            }
            var quota: QuotaPlace?
            if flag & 4 != 0 {
                quota = QuotaPlace(group: try string(try r.count()), place: try r.int(), eligible: try r.int(),
                                   base: try r.int(), limit: try r.optionalInt(), order: try r.optionalDouble())
            }
            state.eligible[row] = flag & 1 != 0
            state.awarded[row] = flag & 2 != 0
            rows.append(row); flags.append(flag); quotas.append(quota)
        }
        let block = CriterionResults(criteria: criteria, passed: passed, details: details)
        let definitions = award.criteria
        let (rowsDone, flagsDone, quotasDone) = (rows, flags, quotas)
        let outcomes = Parallel.array(count: count, threshold: 16_384) { i in
            AwardOutcome(subject: view.id(rowsDone[i]), name: view.name(rowsDone[i]), eligible: flagsDone[i] & 1 != 0,
                         awarded: flagsDone[i] & 2 != 0, definitions: definitions, block: block, index: Int32(i),
                         quota: quotasDone[i])
        }
        return (.award(AwardResult(award: award, results: outcomes)), .award(state))
    }

    private static func decodeScoring(_ r: inout CacheReader, scoring: Scoring, view: KindView,
                                      string: (Int) throws -> String?) throws -> (Run.EvaluatedDeclaration, ResultStore.State) {
        let count = try r.count(below: view.count + 1)
        var state = ResultStore.ScoringState(total: Array(repeating: nil, count: view.count),
                                             rank: Array(repeating: nil, count: view.count),
                                             grade: Array(repeating: nil, count: view.count))
        var outcomes: [ScoreOutcome] = []
        outcomes.reserveCapacity(count)
        for _ in 0..<count {
            let row = try r.count(below: view.count)
            let group = try string(try r.count())
            let total = try r.double(), rank = try r.int(), groupSize = try r.int()
            let grade = try string(try r.count())
            var items: [ItemOutcome] = []
            for item in scoring.items {
                items.append(ItemOutcome(id: item.id, text: item.text, points: try r.double(), raw: try r.double(),
                                         max: item.max, detail: try string(try r.count())))
            }
            let bonus = try r.double(), bonusRaw = try r.optionalDouble(), bonusDetail = try string(try r.count())
            let penalty = try r.double(), penaltyRaw = try r.optionalDouble(), penaltyDetail = try string(try r.count())
            state.total[row] = total
            state.rank[row] = rank
            state.grade[row] = grade
            outcomes.append(ScoreOutcome(subject: view.id(row), name: view.name(row), group: group, total: total, rank: rank,
                                         groupSize: groupSize, grade: grade, items: items, bonus: bonus, bonusRaw: bonusRaw,
                                         bonusDetail: bonusDetail, penalty: penalty, penaltyRaw: penaltyRaw,
                                         penaltyDetail: penaltyDetail))
        }
        return (.scoring(ScoringResult(scoring: scoring, results: outcomes)), .scoring(state))
    }
}

extension Run.EvaluatedDeclaration {
    var isAward: Bool { if case .award = self { true } else { false } }
}
