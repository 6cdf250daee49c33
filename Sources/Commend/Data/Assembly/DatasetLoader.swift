import Foundation

/// Loads a data directory (RULES.md §3): CSV files or one data.json.
public enum DatasetLoader {
    /// Loads `directory` (CSV files or one data.json), converts declared
    /// fields, and runs every check.
    /// - Parameters:
    ///   - directory: a folder of CSV files, or a data.json file.
    ///   - schema: the declared columns (`plan.fields`).
    ///   - phases: the phase ids the plan declares.
    /// - Throws: `DataError` with every problem found.
    public static func load(directory: URL, schema: FieldSchema, phases: [String]) throws -> Dataset {
        guard DataDirectory.exists(directory) else {
            throw DataError(issues: [DataIssue(path: directory.path, message: "data directory not found")])
        }
        let top = DataDirectory(url: directory, relativePath: "")
        if !top.ambiguityIssues.isEmpty { throw DataError(issues: top.ambiguityIssues) }
        let csvNames = ["units.csv", "members.csv", "history.csv"].compactMap { top.file($0) }
            + [top.folder("phases")].compactMap { $0 }
        if let json = top.file("data.json") {
            guard csvNames.isEmpty else {
                throw DataError(issues: [DataIssue(path: json, message:
                    "the data directory has both data.json and CSV data (\(csvNames.joined(separator: ", "))); keep only one of them")])
            }
            return try JSONDataReader.load(url: top.url(json), file: json, schema: schema, phases: phases)
        }
        return try CSVDataReader.load(top, schema: schema, phases: phases)
    }

    /// Loads a data.json document decoded inside another one (the `data` of
    /// a request to `commend serve`), with the same conversions and checks;
    /// `name` stands for it in errors.
    public static func load(document: DataDocument, name: String, schema: FieldSchema, phases: [String]) throws -> Dataset {
        try JSONDataReader.load(root: document.root, file: name, schema: schema, phases: phases)
    }
}
