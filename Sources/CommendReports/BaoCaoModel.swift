import Commend

/// The phase report (báo cáo sơ kết / tổng kết): counts per award and per
/// district, every cluster's ranking with a bar chart, the subjects a quota
/// left out, the ties at a cut-off, and the comparison with last year.
struct BaoCaoModel {
    struct Counts {
        var considered = 0, eligible = 0, awarded = 0
        mutating func add(_ r: AwardOutcome) {
            considered += 1
            if r.eligible { eligible += 1 }
            if r.awarded { awarded += 1 }
        }
    }

    static func counts(_ award: AwardResult) -> Counts {
        var c = Counts()
        for r in award.results { c.add(r) }
        return c
    }

    /// Per district (the units right under the root), in the order of the data.
    static func districtCounts(_ award: AwardResult, _ context: DocumentContext) -> [(String, Counts)] {
        var byDistrict: [String: Counts] = [:]
        let kind = award.award.subject
        for r in award.results {
            guard let unit = context.lookup.unit(of: r.subject, kind: kind) else { continue }
            byDistrict[context.lookup.district(of: unit), default: Counts()].add(r)
        }
        let order = context.unitOrder
        return byDistrict.keys.sorted { (order[$0] ?? Int.max, $0) < (order[$1] ?? Int.max, $1) }
            .map { ($0, byDistrict[$0]!) }
    }

    /// One row per tie at a quota cut-off: who tied, on what, and who the
    /// subject id put inside and outside the limit.
    static func tieRows(_ award: AwardResult, _ context: DocumentContext) -> [[String: Any]] {
        award.cutoffTies.map { tie in
            let who = { (s: [QuotaTie.Subject]) in s.map { "\($0.name) (\($0.id))" }.joined(separator: ", ") }
            return ["award": award.award.name, "group": context.groupName(tie.group),
                    "count": context.count(tie.awarded.count + tie.leftOut.count),
                    "order": tie.order.map(context.number) ?? context.text(.tieNoOrder),
                    "limit": context.count(tie.limit), "awarded": who(tie.awarded), "leftOut": who(tie.leftOut)]
        }
    }

    /// Per award of this year (matched by id with last year's), the counts
    /// of both years and the change in awarded subjects.
    static func previousRows(_ context: DocumentContext) -> [[String: Any]] {
        guard let previous = context.request.previous else { return [] }
        let filtered = (try? context.request.filter.apply(to: previous, data: context.lookup.data)) ?? previous
        return context.result.awards.map { award in
            let now = counts(award)
            let before = filtered.award(award.id).map(counts)
            let change = before.map { now.awarded - $0.awarded }
            return ["name": award.award.name,
                    "eligibleBefore": before.map { context.count($0.eligible) } ?? "–",
                    "awardedBefore": before.map { context.count($0.awarded) } ?? "–",
                    "eligible": context.count(now.eligible), "awarded": context.count(now.awarded),
                    "change": change.map { $0 > 0 ? "+" + context.count($0) : $0 < 0 ? "−" + context.count(-$0) : "0" } ?? "–"]
        }
    }

    static func build(_ context: DocumentContext) -> [String: Any] {
        let result = context.result
        let language = context.language
        var total = Counts()
        var awardedMembers = 0, awardedUnits = 0
        var awardRows: [[String: Any]] = []
        var districtTables: [[String: Any]] = []
        var leftOut: [[String: Any]] = []
        var ties: [[String: Any]] = []
        for award in result.awards {
            let c = counts(award)
            total.considered += c.considered
            total.eligible += c.eligible
            total.awarded += c.awarded
            if award.award.subject == .member { awardedMembers += c.awarded } else { awardedUnits += c.awarded }
            awardRows.append(["name": award.award.name, "considered": context.count(c.considered),
                              "eligible": context.count(c.eligible), "awarded": context.count(c.awarded),
                              "quota": context.quotaText(award.award)])
            districtTables.append([
                "name": award.award.name,
                "rows": districtCounts(award, context).map { unit, c -> [String: Any] in
                    ["district": context.lookup.unitName(unit), "considered": context.count(c.considered),
                     "eligible": context.count(c.eligible), "awarded": context.count(c.awarded)]
                },
            ])
            let out = award.results.filter { $0.eligible && !$0.awarded }
            if !out.isEmpty && !context.request.filter.awardedOnly {
                leftOut.append([
                    "name": award.award.name,
                    "nameHeader": context.text(award.award.subject == .member ? .memberName : .unitName),
                    "rows": out.map { r -> [String: Any] in
                        let q = r.quota
                        return ["name": r.name,
                                "unit": context.unitAbove(r.subject, kind: award.award.subject).map(context.lookup.unitName) ?? "",
                                "group": context.groupName(q?.group),
                                "place": q.map { context.count($0.place) } ?? "",
                                "limit": q?.limit.map(context.count) ?? "",
                                "order": q?.order.map(context.number) ?? ""]
                    },
                ])
            }
            ties += tieRows(award, context)
        }
        let members = Set(result.awards.filter { $0.award.subject == .member }.flatMap { $0.results.map(\.subject) }).count
        let units = Set(result.awards.filter { $0.award.subject == .unit }.flatMap { $0.results.map(\.subject) }).count
        let summary = context.text(.summaryText, context.count(members), context.count(units), context.count(result.awards.count),
                                   context.count(total.eligible), context.count(total.awarded),
                                   context.count(awardedMembers), context.count(awardedUnits))
        let subtitle = context.text(context.isFinalPhase ? .reportFinal : .reportFirst, result.phase.name)
        return [
            "labels": DocumentStrings.labels(language),
            "heading": context.heading(title: context.text(.titleReport), subtitle: subtitle),
            "summary": summary,
            "awards": awardRows,
            "districts": districtTables,
            "scorings": result.scorings.map { ScoringTables.build($0, context) },
            "hasScorings": !result.scorings.isEmpty,
            "leftOut": leftOut,
            "hasLeftOut": !leftOut.isEmpty,
            "ties": ties,
            "hasTies": !ties.isEmpty,
            "previousYear": context.text(.noStore),
            "previous": previousRows(context),
            "hasPrevious": context.request.previous != nil,
            "previousLine": context.request.previous.map {
                context.text(.previousLine, $0.phase.name, String($0.plan.year), result.phase.name, String(result.plan.year))
            } ?? "",
            "signature": context.signature,
        ]
    }
}
