import Commend

/// The list of proposed commendations (danh sách đề nghị khen thưởng): per
/// award, the awarded subjects grouped under the name of the unit above them.
struct DanhSachModel {
    struct Row {
        var stt: Int
        var name: String
        var position: String
        var unit: String
        var achievement: String
    }
    struct Group {
        var numeral: String
        var unit: String
        var rows: [Row]
    }
    struct Award {
        var id: String
        var name: String
        var isMember: Bool
        var groups: [Group]
        var count: Int
    }

    /// Awarded subjects of each award, grouped by the unit above them in the
    /// order of the data, numbered through the award.
    static func awards(_ context: DocumentContext) -> [Award] {
        context.result.awards.map { award in
            let kind = award.award.subject
            var byUnit: [String: [AwardOutcome]] = [:]
            for r in award.results where r.awarded {
                byUnit[context.unitAbove(r.subject, kind: kind) ?? "", default: []].append(r)
            }
            let units = context.treeOrdered(Array(byUnit.keys))
            var stt = 0
            let groups = units.enumerated().map { index, unit in
                Group(numeral: Numerals.roman(index + 1), unit: context.lookup.unitName(unit),
                      rows: byUnit[unit]!.map { r in
                          stt += 1
                          return Row(stt: stt, name: r.name, position: kind == .member ? context.position(r.subject) : "",
                                     unit: context.lookup.unitName(unit), achievement: context.achievement(r))
                      })
            }
            return Award(id: award.id, name: award.award.name, isMember: kind == .member, groups: groups, count: stt)
        }
    }

    static func build(_ context: DocumentContext) -> [String: Any] {
        let language = context.language
        let awards = awards(context).map { award -> [String: Any] in
            let total = language == .vi
                ? context.text(award.isMember ? .totalMembers : .totalUnits, context.count(award.count), Numerals.vietnamese(award.count))
                : context.text(award.isMember ? .totalMembers : .totalUnits, context.count(award.count))
            return [
                "id": award.id,
                "name": award.name,
                "isMember": award.isMember,
                "nameHeader": context.text(award.isMember ? .memberName : .unitName),
                "empty": award.count == 0,
                "total": total,
                "groups": award.groups.map { g -> [String: Any] in
                    ["numeral": g.numeral, "unit": g.unit,
                     "rows": g.rows.map { r -> [String: Any] in
                         ["stt": String(r.stt), "name": r.name, "position": r.position, "unit": r.unit,
                          "achievement": r.achievement]
                     }]
                },
            ]
        }
        let subtitle = context.text(.proposalOf, context.result.phase.name)
        return [
            "labels": DocumentStrings.labels(language),
            "heading": context.heading(title: context.text(.title), subtitle: subtitle),
            "awards": awards,
            "signature": context.signature,
        ]
    }
}
