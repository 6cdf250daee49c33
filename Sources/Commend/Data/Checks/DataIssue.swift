/// One problem in the data, printed as `path:line: column "x": message`
/// (`:line` and `column "x": ` left out where unknown).
///
/// Rows of a list (data.json, rows built in code) have no line; they are
/// named by `location` instead: `data.json: units[3] (id "U1"): column "x": message`.
public struct DataIssue: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, relative to the data directory (or the builder's source).
    public var path: String
    /// The spreadsheet line (header = 1), where known.
    public var line: Int?
    /// Where in the file, for rows without a line: `units[3] (id "U1")`.
    public var location: String?
    /// The column, where the problem is in one column.
    public var column: String?
    /// What is wrong and what was expected.
    public var message: String

    /// Creates an issue.
    public init(path: String, line: Int? = nil, location: String? = nil,
                column: String? = nil, message: String) {
        self.path = path
        self.line = line
        self.location = location
        self.column = column
        self.message = message
    }

    /// `path:line: location: column "x": message`.
    public var description: String {
        var text = path
        if let line { text += ":\(line)" }
        text += ": "
        if let location { text += "\(location): " }
        if let column { text += "column \"\(column)\": " }
        return text + message
    }
}
