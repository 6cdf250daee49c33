extension FieldConverter {
    /// Checks a typed value (JSON, rows built in code) against the column's
    /// type: strings are read like file cells, integral numbers may fill
    /// `int` fields, 0/1 `bool` fields, and anything fills a `string` field
    /// as its text.
    mutating func convert(value: Value) -> Result<Value?, Problem> {
        switch (type, value) {
        case (.string, .string(let s)):
            return convert(text: s)
        case (.string, _):
            return .success(.string(value.description))
        case (_, .string(let s)):
            return convert(text: s)
        case (.int, .int), (.number, .number), (.bool, .bool):
            return .success(value)
        case (.int, .number(let d)):
            if let i = Int(exactly: d) { return .success(.int(i)) }
            return .failure(Problem(message: "expected an integer, found \(value)"))
        case (.number, .int(let i)):
            return .success(.number(Double(i)))
        case (.bool, .int(let i)) where i == 0 || i == 1:
            return .success(.bool(i == 1))
        case (.bool, .number(let d)) where d == 0 || d == 1:
            return .success(.bool(d == 1))
        case (.enumeration, _):
            return convert(text: value.description)
        case (.int, _):
            return .failure(Problem(message: "expected an integer, found \(value)"))
        case (.number, _):
            return .failure(Problem(message: "expected a number, found \(value)"))
        case (.bool, _):
            return .failure(Problem(message: "\(BoolSpelling.expected), found \(value)"))
        case (.date, _):
            return .failure(Problem(message: "\(DateParsing.expected), found \(value)"))
        }
    }
}
