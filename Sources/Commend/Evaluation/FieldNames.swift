import LuaKit

/// The field names a subject of one kind may be asked for in a run (RULES.md
/// §2.4): the built-in ones, the fields the plan declares and every column of
/// any data file of the run. Any other name is a misspelling, and reading it
/// stops the run with the nearest of these names.
enum FieldNames {
    static func builtIn(_ kind: SubjectKind) -> [String] {
        kind == .member ? ["id", "name", "unit"] : ["id", "name", "kind", "parent", "cluster"]
    }

    /// Every name that reads as a value or as nil, in a fixed order: the
    /// subject's own kind first (so "did you mean" prefers its names), then
    /// the other kind's. RULES.md §2.4 errs only on a name that the plan does
    /// not declare and that no data file of the run has as a column, so a
    /// member reading a unit's declared field (`m.fee_rate`) reads nil.
    static func known(_ kind: SubjectKind, plan: Plan, dataset: Dataset) -> [String] {
        var names: [String] = []
        for k in [kind, kind == .member ? SubjectKind.unit : .member] {
            names += builtIn(k)
            names += plan.fields.fields(for: k).keys.sorted()
            names += dataset.rows(k).columns
            for phase in dataset.phases.keys.sorted() { names += dataset.phases[phase]!.rows(k).columns }
        }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// The error of reading `name`, which is not among `known`.
    static func unknown(_ name: String, kind: SubjectKind, known: [String]) -> SandboxError {
        let nearest = Suggestion.nearest(to: name, in: known).map { " (did you mean \"\($0)\"?)" } ?? ""
        return SandboxError("\(kind.rawValue) has no field \"\(name)\": the plan does not declare it and no data file of this run has it as a column\(nearest)")
    }
}
