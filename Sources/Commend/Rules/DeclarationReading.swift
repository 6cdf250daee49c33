import LuaKit

/// Turns the tables given to `plan`, `award` and `scoring` into declarations.
extension RuleRuntime {
    static let planKeys = ["id", "name", "year", "phases", "movements", "fields"]
    static let awardKeys = ["name", "subject", "movement", "phases", "applies", "criteria", "quota"]
    static let criterionKeys = ["id", "text", "check"]
    static let quotaKeys = ["share", "max", "base", "within", "order", "rounding"]
    static let scoringKeys = ["name", "subject", "movement", "phases", "applies", "group", "items", "bonus",
                              "penalty", "tiebreak", "grades"]
    static let itemKeys = ["id", "text", "max", "points"]
    static let bonusKeys = ["max", "points", "text"]
    static let penaltyKeys = ["points", "text"]
    static let gradeKeys = ["min", "label"]
    static let phaseKeys = ["id", "name", "from", "to"]
    static let movementKeys = ["id", "name"]

    func readPlan(_ table: LuaTable, at location: SourceLocation) {
        var reader = TableReader(table, what: "plan", at: location)
        reader.checkKeys(Self.planKeys)
        let id = reader.id("id", what: "plan id") ?? ""
        let name = reader.string("name") ?? id
        let year = reader.integer("year", required: true) ?? 0
        var phases: [Phase] = []
        var phaseIDs = Set<String>()
        for (index, entry) in reader.tableList("phases", required: true).enumerated() {
            var p = TableReader(entry, what: "plan phase \(index + 1)", at: location)
            p.checkKeys(Self.phaseKeys)
            let phase = Phase(id: p.id("id", what: "phase id") ?? "", name: p.string("name") ?? "",
                              from: p.string("from", required: true) ?? "", to: p.string("to", required: true) ?? "")
            for date in [phase.from, phase.to] where !date.isEmpty && !DateParsing.isValid(date) {
                p.problem("\"\(date)\" is not a date YYYY-MM-DD")
            }
            if !phaseIDs.insert(phase.id).inserted { p.problem("duplicate phase id \"\(phase.id)\"") }
            phases.append(phase)
            reader.problems += p.problems
        }
        var movements: [Movement] = []
        var movementIDs = Set<String>()
        for (index, entry) in reader.tableList("movements").enumerated() {
            var m = TableReader(entry, what: "plan movement \(index + 1)", at: location)
            m.checkKeys(Self.movementKeys)
            let movement = Movement(id: m.id("id", what: "movement id") ?? "", name: m.string("name") ?? "")
            if !movementIDs.insert(movement.id).inserted { m.problem("duplicate movement id \"\(movement.id)\"") }
            movements.append(movement)
            reader.problems += m.problems
        }
        var schema = FieldSchema()
        if let fields = reader.table("fields") {
            for (key, value) in fields.pairs {
                guard case .string(let kind) = key, kind == "members" || kind == "units", case .table(let columns) = value else {
                    reader.problem("\"fields\" holds \"members\" and \"units\" tables; found key \(key)\(Suggestion.hint(for: key.description, in: ["members", "units"]))")
                    continue
                }
                var types: [String: FieldType] = [:]
                for (column, type) in columns.pairs {
                    guard case .string(let columnName) = column else { continue }
                    if let fieldType = readFieldType(type, column: columnName, reader: &reader) { types[columnName] = fieldType }
                }
                if kind == "members" { schema.members = types } else { schema.units = types }
            }
        }
        problems += reader.problems
        if let existing = plan {
            problems.append(RuleProblem(at: location, "a second plan: the plan is already declared at \(existing.location)"))
            return
        }
        plan = Plan(id: id, name: name, year: year, phases: phases, movements: movements, fields: schema, location: location)
    }

    private func readFieldType(_ value: LuaValue, column: String, reader: inout TableReader) -> FieldType? {
        let names: [String: FieldType] = ["int": .int, "number": .number, "bool": .bool, "string": .string, "date": .date]
        switch value {
        case .string(let name):
            if let type = names[name] { return type }
            reader.problem("field \"\(column)\": unknown type \"\(name)\"\(Suggestion.hint(for: name, in: names.keys.sorted() + ["enum"])); expected int, number, bool, string, date or enum { ... }")
        case .table(let t):
            if case .table(let list) = t["enum"] {
                let values = list.array.compactMap { v -> String? in if case .string(let s) = v { s } else { nil } }
                if values.isEmpty { reader.problem("field \"\(column)\": enum needs a list of strings") }
                return .enumeration(values)
            }
            reader.problem("field \"\(column)\": a table type must be enum { ... }")
        default:
            reader.problem("field \"\(column)\": type must be a string such as \"int\" or enum { ... }, found \(value.typeName)")
        }
        return nil
    }

    func readAward(id: String, _ table: LuaTable, at location: SourceLocation) {
        var reader = TableReader(table, what: "award \"\(id)\"", at: location)
        reader.checkKeys(Self.awardKeys)
        let functions = AwardFunctions()
        let name = reader.string("name") ?? id
        let subject = reader.subject(default: nil)
        let movement = reader.string("movement")
        let phases = reader.stringList("phases")
        functions.applies = reader.function("applies")
        var criteria: [Criterion] = []
        var criterionIDs = Set<String>()
        let criterionTables = reader.tableList("criteria", required: true, atMost: Bounds.parts, what: "criteria")
        for (index, entry) in criterionTables.enumerated() {
            var c = TableReader(entry, what: "award \"\(id)\", criterion \(index + 1)", at: location)
            c.checkKeys(Self.criterionKeys)
            let criterionID = c.id("id", what: "criterion id") ?? "\(index + 1)"
            let check = c.function("check", required: true)
            let place = check.flatMap { c.functionLocation(.function($0)) } ?? location
            if !criterionIDs.insert(criterionID).inserted {
                c.problem("duplicate criterion id \"\(criterionID)\"", at: place)
            }
            criteria.append(Criterion(id: criterionID, text: c.string("text") ?? criterionID, location: place))
            functions.checks.append(check)
            reader.problems += c.problems
        }
        var quota: Quota?
        if let q = reader.table("quota") {
            var r = TableReader(q, what: "award \"\(id)\", quota", at: location)
            r.checkKeys(Self.quotaKeys)
            let share = r.number("share")
            if let share, !(share > 0 && share <= 1) { r.problem("share must be in (0, 1], found \(LuaValue.format(share))") }
            let max = r.integer("max")
            if let max, max < 0 { r.problem("max must be 0 or more, found \(max)") }
            var rounding = Quota.Rounding.floor
            if let text = r.string("rounding") {
                if let value = Quota.Rounding(rawValue: text) { rounding = value }
                else { r.problem("rounding must be \"floor\", \"round\" or \"ceil\", found \"\(text)\"\(Suggestion.hint(for: text, in: Quota.Rounding.allCases.map(\.rawValue)))") }
            }
            functions.order = r.function("order")
            quota = Quota(share: share, max: max, base: r.string("base"), within: r.string("within"),
                          hasOrder: functions.order != nil, rounding: rounding, location: location)
            reader.problems += r.problems
        }
        problems += reader.problems
        awards.append(Award(id: id, name: name, subject: subject, movement: movement, phases: phases,
                            hasApplies: functions.applies != nil, criteria: criteria, quota: quota, location: location))
        awardFunctions.append(functions)
    }

    func readScoring(id: String, _ table: LuaTable, at location: SourceLocation) {
        var reader = TableReader(table, what: "scoring \"\(id)\"", at: location)
        reader.checkKeys(Self.scoringKeys)
        let functions = ScoringFunctions()
        let name = reader.string("name") ?? id
        let subject = reader.subject(default: .unit)
        let movement = reader.string("movement")
        let phases = reader.stringList("phases")
        functions.applies = reader.function("applies")
        let group = reader.string("group")
        var items: [ScoringItem] = []
        var itemIDs = Set<String>()
        for (index, entry) in reader.tableList("items", required: true, atMost: Bounds.parts, what: "items").enumerated() {
            var r = TableReader(entry, what: "scoring \"\(id)\", item \(index + 1)", at: location)
            r.checkKeys(Self.itemKeys)
            let itemID = r.id("id", what: "item id") ?? "\(index + 1)"
            let points = r.function("points", required: true)
            let place = points.flatMap { r.functionLocation(.function($0)) } ?? location
            let max = r.number("max")
            if max == nil, case .nil = entry["max"] { r.problem("item \"\(itemID)\" has no \"max\"", at: place) }
            if let max, max < 0 { r.problem("max must be 0 or more, found \(LuaValue.format(max))", at: place) }
            if !itemIDs.insert(itemID).inserted { r.problem("duplicate item id \"\(itemID)\"", at: place) }
            items.append(ScoringItem(id: itemID, text: r.string("text") ?? itemID, max: max ?? 0, location: place))
            functions.points.append(points)
            reader.problems += r.problems
        }
        var bonus: Bonus?
        if let b = reader.table("bonus") {
            var r = TableReader(b, what: "scoring \"\(id)\", bonus", at: location)
            r.checkKeys(Self.bonusKeys)
            functions.bonus = r.function("points", required: true)
            let max = r.number("max")
            if let max, max < 0 { r.problem("max must be 0 or more, found \(ReportFormat.number(max))") }
            bonus = Bonus(max: max)
            reader.problems += r.problems
        }
        if let p = reader.table("penalty") {
            var r = TableReader(p, what: "scoring \"\(id)\", penalty", at: location)
            r.checkKeys(Self.penaltyKeys)
            functions.penalty = r.function("points", required: true)
            reader.problems += r.problems
        }
        let tiebreak = reader.stringList("tiebreak") ?? []
        for tie in tiebreak where !itemIDs.contains(tie) {
            reader.problem("tiebreak \"\(tie)\" is not an item of this scoring\(Suggestion.hint(for: tie, in: items.map(\.id)))")
        }
        var grades: [Grade] = []
        for (index, entry) in reader.tableList("grades").enumerated() {
            var r = TableReader(entry, what: "scoring \"\(id)\", grade \(index + 1)", at: location)
            r.checkKeys(Self.gradeKeys)
            grades.append(Grade(min: r.number("min", required: true) ?? 0, label: r.string("label", required: true) ?? ""))
            reader.problems += r.problems
        }
        problems += reader.problems
        scorings.append(Scoring(id: id, name: name, subject: subject, movement: movement, phases: phases,
                                hasApplies: functions.applies != nil, group: group, items: items, bonus: bonus,
                                hasPenalty: functions.penalty != nil, tiebreak: tiebreak, grades: grades, location: location))
        scoringFunctions.append(functions)
    }
}
