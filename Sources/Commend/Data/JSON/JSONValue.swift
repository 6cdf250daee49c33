/// Any JSON value, as decoded from data.json.
enum JSONValue: Decodable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int.self) {
            self = .int(i)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    /// How the value is named in messages: `an array`, `an object`, ...
    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "true/false"
        case .int, .number: return "a number"
        case .string: return "a text"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// The `data.json` shape (RULES.md §3) decoded as part of a larger JSON
/// document, for example the `data` of a request to `commend serve`; give it
/// to `DatasetLoader.load(document:)`.
public struct DataDocument: Decodable, Sendable {
    let root: JSONValue

    /// Decodes any JSON value; `DatasetLoader` checks its shape.
    /// - Throws: `DecodingError` when it is not JSON.
    public init(from decoder: Decoder) throws {
        root = try JSONValue(from: decoder)
    }
}
