import Commend

/// The sheets of the xlsx documents, from the same models as HTML and Markdown.
enum WorkbookSheets {
    typealias Cell = Workbook.Cell
    typealias Column = Workbook.Column

    /// The first sheet: per award its counts and the phase's dates.
    static func summary(_ context: DocumentContext) -> Workbook.Sheet {
        let phase = context.result.phase
        let rows = context.result.awards.map { award -> [Cell] in
            let c = BaoCaoModel.counts(award)
            return [.text(award.award.name), .number(Double(c.considered)), .number(Double(c.eligible)),
                    .number(Double(c.awarded)), .text(context.quotaText(award.award)),
                    .text(phase.name), .date(phase.from), .date(phase.to)]
        }
        return Workbook.Sheet(name: context.text(.summarySheet), columns: [
            Column(header: context.text(.award), width: 50), Column(header: context.text(.considered), width: 10),
            Column(header: context.text(.eligible), width: 12), Column(header: context.text(.awarded), width: 12),
            Column(header: context.text(.quota), width: 30), Column(header: context.text(.phase), width: 30),
            Column(header: context.text(.from), width: 12), Column(header: context.text(.to), width: 12),
        ], rows: rows)
    }

    /// One sheet per scoring: each cluster's ranking with every item's points.
    static func scoringSheets(_ context: DocumentContext) -> [Workbook.Sheet] {
        context.result.scorings.map { scoring in
            let s = scoring.scoring
            var columns = [Column(header: context.text(.cluster), width: 24), Column(header: context.text(.rank), width: 7),
                           Column(header: context.text(.unitName), width: 45)]
            columns += s.items.map { Column(header: $0.text, width: 14) }
            columns += [Column(header: context.text(.bonus), width: 10), Column(header: context.text(.penalty), width: 10),
                        Column(header: context.text(.total), width: 10), Column(header: context.text(.grade), width: 24)]
            let rows = scoring.results.map { r -> [Cell] in
                [.text(context.groupName(r.group)), .number(Double(r.rank)), .text(r.name)]
                    + r.items.map { .number($0.points) }
                    + [.number(r.bonus), .number(r.penalty), .number(r.total), r.grade.map(Cell.text) ?? .empty]
            }
            return Workbook.Sheet(name: s.name, columns: columns, rows: rows)
        }
    }

    static func danhSach(_ context: DocumentContext) -> Workbook {
        var book = Workbook()
        book.add(summary(context))
        for award in DanhSachModel.awards(context) {
            var columns = [Column(header: context.text(.stt), width: 6),
                           Column(header: context.text(award.isMember ? .memberName : .unitName), width: award.isMember ? 28 : 45)]
            if award.isMember { columns.append(Column(header: context.text(.position), width: 20)) }
            columns += [Column(header: context.text(.unit), width: 40), Column(header: context.text(.achievement), width: 50)]
            let rows = award.groups.flatMap(\.rows).map { r -> [Cell] in
                [.number(Double(r.stt)), .text(r.name)] + (award.isMember ? [.text(r.position)] : [])
                    + [.text(r.unit), .text(r.achievement)]
            }
            book.add(Workbook.Sheet(name: award.name, columns: columns, rows: rows))
        }
        scoringSheets(context).forEach { book.add($0) }
        return book
    }

    static func baoCao(_ context: DocumentContext) -> Workbook {
        var book = Workbook()
        book.add(summary(context))
        for award in context.result.awards {
            let rows = BaoCaoModel.districtCounts(award, context).map { unit, c -> [Cell] in
                [.text(context.lookup.unitName(unit)), .number(Double(c.considered)), .number(Double(c.eligible)), .number(Double(c.awarded))]
            }
            book.add(Workbook.Sheet(name: award.award.name, columns: [
                Column(header: context.text(.district), width: 45), Column(header: context.text(.considered), width: 10),
                Column(header: context.text(.eligible), width: 12), Column(header: context.text(.awarded), width: 12),
            ], rows: rows))
        }
        scoringSheets(context).forEach { book.add($0) }
        if !context.request.filter.awardedOnly {
            var rows: [[Cell]] = []
            for award in context.result.awards {
                for r in award.results where r.eligible && !r.awarded {
                    let unit = context.unitAbove(r.subject, kind: award.award.subject).map(context.lookup.unitName) ?? ""
                    rows.append([.text(award.award.name), .text(r.name), .text(unit), .text(context.groupName(r.quota?.group)),
                                 r.quota.map { .number(Double($0.place)) } ?? .empty,
                                 r.quota?.limit.map { .number(Double($0)) } ?? .empty])
                }
            }
            book.add(Workbook.Sheet(name: context.text(.tieOutside), columns: [
                Column(header: context.text(.award), width: 40), Column(header: context.text(.eitherName), width: 30),
                Column(header: context.text(.unit), width: 40), Column(header: context.text(.group), width: 30),
                Column(header: context.text(.place), width: 9), Column(header: context.text(.limit), width: 9),
            ], rows: rows))
        }
        return book
    }
}
