/// What one table of the data is: its kind of subject, whether it holds a
/// phase's facts, and which columns it must have.
struct TableSpec {
    let kind: SubjectKind
    /// The phase id for phase facts; nil for the base file.
    let phase: String?

    /// Columns the table must have (`id` always; `name`, `kind` / `unit` in base files).
    var required: [String] {
        guard phase == nil else { return ["id"] }
        return kind == .unit ? ["id", "name", "kind"] : ["id", "name", "unit"]
    }

    /// Standard columns, placed first (in this order) in tables built in code.
    var standard: [String] {
        guard phase == nil else { return [] }
        return kind == .unit ? ["name", "kind", "parent", "cluster"] : ["name", "unit"]
    }

    /// The file of this table in a data directory: `units.csv`, `phases/dot1/members.csv`.
    var fileName: String {
        phase.map { "phases/\($0)/\(kind.fileName)" } ?? kind.fileName
    }

    /// The list of this table in data.json and in messages about rows built
    /// in code: `units`, `phases.dot1.members`.
    var section: String {
        phase.map { "phases.\($0).\(kind.plural)" } ?? kind.plural
    }

    /// The type of a column: declared, else string (`id` is always a string).
    func type(of column: String, schema: FieldSchema) -> FieldType {
        column == "id" ? .string : schema.fields(for: kind)[column] ?? .string
    }
}
