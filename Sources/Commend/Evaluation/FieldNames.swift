import LuaKit

/// The field names a subject of one kind may be asked for in a run (RULES.md
/// §2.4): the built-in ones, the fields the plan declares and every column of
/// any data file of the run. Any other name is a misspelling, and reading it
/// stops the run with the nearest of these names.
enum FieldNames {
    static func builtIn(_ kind: SubjectKind) -> [String] {
        kind == .member ? ["id", "name", "unit"] : ["id", "name", "kind", "parent", "cluster"]
    }

    /// Every name that reads as a value or as nil, in a fixed order.
    static func known(_ kind: SubjectKind, plan: Plan, dataset: Dataset) -> [String] {
        var names = builtIn(kind)
        names += plan.fields.fields(for: kind).keys.sorted()
        names += dataset.rows(kind).columns
        for phase in dataset.phases.keys.sorted() { names += dataset.phases[phase]!.rows(kind).columns }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// The error of reading `name`, which is not among `known`.
    static func unknown(_ name: String, kind: SubjectKind, known: [String]) -> SandboxError {
        let nearest = Suggestion.nearest(to: name, in: known).map { " (did you mean \"\($0)\"?)" } ?? ""
        return SandboxError("\(kind.rawValue) has no field \"\(name)\": the plan does not declare it and no data file has it as a column\(nearest)")
    }
}
