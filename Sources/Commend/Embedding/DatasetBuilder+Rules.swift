import Foundation

extension DatasetBuilder {
    /// An empty builder for the plan of `rules`: its declared fields and
    /// phases. `source` names the rows in messages (`code: members[2] (id
    /// "M3"): ...`).
    public init(rules: RuleSet, source: String = "code") {
        self.init(schema: rules.plan.fields, phases: rules.plan.phases.map(\.id), source: source)
    }
}

// Cells from literals: `["id": "M1", "unit": "U1", "rating": "tot", "years": 30, "party": true]`.

extension DatasetBuilder.Cell: ExpressibleByStringLiteral {
    /// A text cell, read like a CSV cell and converted to the declared type.
    public init(stringLiteral value: String) { self = .text(value) }
}

extension DatasetBuilder.Cell: ExpressibleByIntegerLiteral {
    /// An integer (fills an `int`, a `number`, or a `bool` as 0/1).
    public init(integerLiteral value: Int) { self = .value(.int(value)) }
}

extension DatasetBuilder.Cell: ExpressibleByFloatLiteral {
    /// A number.
    public init(floatLiteral value: Double) { self = .value(.number(value)) }
}

extension DatasetBuilder.Cell: ExpressibleByBooleanLiteral {
    /// A `bool`.
    public init(booleanLiteral value: Bool) { self = .value(.bool(value)) }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
                 ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral {
    /// `.string(value)`.
    public init(stringLiteral value: String) { self = .string(value) }
    /// `.int(value)`.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// `.number(value)`.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// `.bool(value)`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension Dataset {
    /// Reads a dataset in the `data.json` shape (RULES.md §3): `{"units":
    /// [...], "members": [...], "phases": {"dot1": {"units": [...],
    /// "members": [...]}}, "history": [...]}`, with the same conversions and
    /// checks as a data folder. `source` names it in messages.
    /// - Throws: `DataError` with every problem found.
    public init(json: Data, rules: RuleSet, source: String = "data.json") throws {
        self = try JSONDataReader.load(data: json, file: source, schema: rules.plan.fields,
                                       phases: rules.plan.phases.map(\.id))
    }
}
