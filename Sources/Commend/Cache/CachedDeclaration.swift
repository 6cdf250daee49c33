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
    /// What the declaration charged to the run's result memory, and the
    /// Lua instructions its evaluation took (a reuse charges both, so that
    /// the run's limits are reached where they would be without the cache).
    var resultBytes: Int
    var instructions: Int
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
    /// Outcomes per chunk of an entry: chunks are read in parallel.
    static let chunk = 32_768

    /// The entry's bytes; each outcome's subject is written as its row of `view`.
    static func encode(_ result: Run.EvaluatedDeclaration, printed: [Diagnostic], printedTotal: Int,
                       instructions: Int, view: KindView) -> [UInt8] {
        var table = StringTable()
        // What the evaluation charged to the run's result memory: the
        // estimate of AwardPass and ScoringPass, outcome by outcome.
        var resultBytes = 0
        var chunks: [[UInt8]] = []
        switch result {
        case .award(let award):
            let criteria = award.award.criteria.count
            for start in stride(from: 0, to: award.results.count, by: chunk) {
                var body = CacheWriter()
                for outcome in award.results[start..<min(start + chunk, award.results.count)] {
                    resultBytes += criteria * 17 + 160
                    for c in 0..<criteria { resultBytes += ResultBudget.text(outcome.detail(c)) }
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
                chunks.append(body.bytes)
            }
        case .scoring(let scoring):
            for start in stride(from: 0, to: scoring.results.count, by: chunk) {
                var body = CacheWriter()
                for outcome in scoring.results[start..<min(start + chunk, scoring.results.count)] {
                    resultBytes += outcome.items.count * 40 + 320 + ResultBudget.text(outcome.bonusDetail)
                        + ResultBudget.text(outcome.penaltyDetail)
                    for item in outcome.items { resultBytes += ResultBudget.text(item.detail) }
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
                chunks.append(body.bytes)
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
        out.count(instructions)
        out.count(table.strings.count)
        for s in table.strings { out.string(s) }
        out.count(result.count)
        out.count(chunks.count)
        for c in chunks { out.count(c.count) }
        for c in chunks { out.raw(c) }
        return out.bytes
    }

    /// Reads an entry of `id` written by `encode`, for the same rules and data.
    static func decode(_ bytes: [UInt8], declaration id: DeclarationID, rules: RuleSet, data: PhaseData) throws -> CachedDeclaration {
        var r = CacheReader(bytes)
        let isAward = try r.byte() == 0
        guard isAward == (id.kind == .award) else { throw CacheCorrupt() }
        let printedTotal = try r.count()
        let printedCount = try r.count(below: Diagnostic.cap + 1)
        var printedRaw: [(String, String, Int, Int?)] = []
        for _ in 0..<printedCount {
            printedRaw.append((try r.string(), try r.string(), try r.count(), try r.optionalInt()))
        }
        let resultBytes = try r.count(below: Int.max)
        let instructions = try r.count(below: Int.max)
        let stringCount = try r.count(below: bytes.count + 1)
        var strings: [String] = []
        strings.reserveCapacity(stringCount)
        for _ in 0..<stringCount { strings.append(try r.string()) }
        let table = Strings(strings: strings)
        let printed = try printedRaw.map { Diagnostic(level: $0.0, message: $0.1, file: try table[$0.2], line: $0.3) }
        let view = data.view(rules.declaration(id).subject)
        let count = try r.count(below: view.count + 1)
        let chunkCount = try r.count(below: count / chunk + 2)
        guard chunkCount == (count + chunk - 1) / chunk else { throw CacheCorrupt() }
        var lengths: [Int] = []
        for _ in 0..<chunkCount { lengths.append(try r.count(below: bytes.count + 1)) }
        var starts: [Int] = []
        var at = r.position
        for length in lengths { starts.append(at); at += length }
        guard at == bytes.count else { throw CacheCorrupt() }
        let parts = (0..<chunkCount).map { c in
            (start: starts[c], end: starts[c] + lengths[c], outcomes: min(chunk, count - c * chunk))
        }
        if isAward {
            let award = rules.awards[id.index]
            let decoded = try Parallel.map(parts: chunkCount) { c, _ in
                try decodeAwardChunk(bytes, parts[c], award: award, view: view, strings: table)
            }
            var state = ResultStore.AwardState(eligible: Array(repeating: nil, count: view.count),
                                               awarded: Array(repeating: false, count: view.count))
            for part in decoded {
                for (row, flag) in zip(part.rows, part.flags) {
                    state.eligible[row] = flag & 1 != 0
                    state.awarded[row] = flag & 2 != 0
                }
            }
            // Made in place, chunk by chunk in parallel; each chunk with its
            // own copy of the criteria, so that the threads do not contend
            // for one reference count a million times.
            let ranges = decoded.indices.map { c in (c * chunk)..<(c * chunk + decoded[c].rows.count) }
            guard decoded.indices.allSatisfy({ decoded[$0].rows.count == parts[$0].outcomes }) else { throw CacheCorrupt() }
            let outcomes = Parallel.array(count: count, ranges: ranges) { c in
                let part = decoded[c], definitions = award.criteria.map { $0 }, names = view.names
                return { i in
                    let j = i - c * chunk
                    return AwardOutcome(
                        subject: names.id(part.rows[j]), name: names.name(part.rows[j]),
                        eligible: part.flags[j] & 1 != 0, awarded: part.flags[j] & 2 != 0,
                        definitions: definitions, block: part.block, index: Int32(j), quota: part.quotas[j])
                }
            }
            return CachedDeclaration(result: .award(AwardResult(award: award, results: outcomes)), state: .award(state),
                                     printed: printed, printedTotal: printedTotal, resultBytes: resultBytes,
                                     instructions: instructions)
        }
        let scoring = rules.scorings[id.index]
        let decoded = try Parallel.map(parts: chunkCount) { c, _ in
            try decodeScoringChunk(bytes, parts[c], scoring: scoring, view: view, strings: table)
        }
        var state = ResultStore.ScoringState(total: Array(repeating: nil, count: view.count),
                                             rank: Array(repeating: nil, count: view.count),
                                             grade: Array(repeating: nil, count: view.count))
        var outcomes: [ScoreOutcome] = []
        outcomes.reserveCapacity(count)
        for part in decoded {
            for (row, outcome) in zip(part.rows, part.outcomes) {
                state.total[row] = outcome.total
                state.rank[row] = outcome.rank
                state.grade[row] = outcome.grade
                outcomes.append(outcome)
            }
        }
        return CachedDeclaration(result: .scoring(ScoringResult(scoring: scoring, results: outcomes)), state: .scoring(state),
                                 printed: printed, printedTotal: printedTotal, resultBytes: resultBytes,
                                 instructions: instructions)
    }

    /// The strings of an entry, by reference (0: nil).
    struct Strings: Sendable {
        let strings: [String]
        subscript(reference: Int) -> String? {
            get throws {
                guard reference > 0 else { return nil }
                guard reference <= strings.count else { throw CacheCorrupt() }
                return strings[reference - 1]
            }
        }
    }

    /// One chunk of an award's outcomes: subject rows, flags, quota places and criteria.
    struct AwardChunk: Sendable {
        var rows: [Int] = []
        var flags: [UInt8] = []
        var quotas: [QuotaPlace?] = []
        var block: CriterionResults
    }

    private static func decodeAwardChunk(_ bytes: [UInt8], _ part: (start: Int, end: Int, outcomes: Int), award: Award,
                                         view: KindView, strings: Strings) throws -> AwardChunk {
        var r = CacheReader(bytes, from: part.start, to: part.end)
        let count = part.outcomes, criteria = award.criteria.count
        var rows: [Int] = [], flags: [UInt8] = [], quotas: [QuotaPlace?] = []
        var passed: [Bool] = [], details: [String?] = []
        rows.reserveCapacity(count); flags.reserveCapacity(count); quotas.reserveCapacity(count)
        passed.reserveCapacity(count * criteria); details.reserveCapacity(count * criteria)
        for _ in 0..<count {
            rows.append(try r.count(below: view.count))
            let flag = try r.byte()
            flags.append(flag)
            for _ in 0..<criteria {
                let value = try r.count()
                passed.append(value & 1 == 1)
                details.append(try strings[value >> 1])
            }
            var quota: QuotaPlace?
            if flag & 4 != 0 {
                quota = QuotaPlace(group: try strings[try r.count()], place: try r.int(), eligible: try r.int(),
                                   base: try r.int(), limit: try r.optionalInt(), order: try r.optionalDouble())
            }
            quotas.append(quota)
        }
        guard r.isAtEnd else { throw CacheCorrupt() }
        return AwardChunk(rows: rows, flags: flags, quotas: quotas,
                          block: CriterionResults(criteria: criteria, passed: passed, details: details))
    }

    private static func decodeScoringChunk(_ bytes: [UInt8], _ part: (start: Int, end: Int, outcomes: Int), scoring: Scoring,
                                           view: KindView, strings: Strings) throws -> (outcomes: [ScoreOutcome], rows: [Int]) {
        var r = CacheReader(bytes, from: part.start, to: part.end)
        var outcomes: [ScoreOutcome] = [], rows: [Int] = []
        let names = view.names
        outcomes.reserveCapacity(part.outcomes)
        rows.reserveCapacity(part.outcomes)
        for _ in 0..<part.outcomes {
            let row = try r.count(below: view.count)
            let group = try strings[try r.count()]
            let total = try r.double(), rank = try r.int(), groupSize = try r.int()
            let grade = try strings[try r.count()]
            var items: [ItemOutcome] = []
            items.reserveCapacity(scoring.items.count)
            for item in scoring.items {
                items.append(ItemOutcome(id: item.id, text: item.text, points: try r.double(), raw: try r.double(),
                                         max: item.max, detail: try strings[try r.count()]))
            }
            let bonus = try r.double(), bonusRaw = try r.optionalDouble(), bonusDetail = try strings[try r.count()]
            let penalty = try r.double(), penaltyRaw = try r.optionalDouble(), penaltyDetail = try strings[try r.count()]
            rows.append(row)
            outcomes.append(ScoreOutcome(subject: names.id(row), name: names.name(row), group: group, total: total, rank: rank,
                                         groupSize: groupSize, grade: grade, items: items, bonus: bonus, bonusRaw: bonusRaw,
                                         bonusDetail: bonusDetail, penalty: penalty, penaltyRaw: penaltyRaw,
                                         penaltyDetail: penaltyDetail))
        }
        guard r.isAtEnd else { throw CacheCorrupt() }
        return (outcomes, rows)
    }
}

extension Run.EvaluatedDeclaration {
    var isAward: Bool { if case .award = self { true } else { false } }

    /// The number of outcomes.
    var count: Int {
        switch self {
        case .award(let a): a.results.count
        case .scoring(let s): s.results.count
        }
    }
}
