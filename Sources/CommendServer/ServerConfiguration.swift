import Commend
import Foundation
import LuaKit

/// What `commend serve` serves and under which limits (RULES.md §10).
public struct ServerConfiguration: Sendable {
    /// The rules directory, and how its paths are shown in messages (`rules/x.lua:3`).
    public var rules: URL
    public var rulesDisplayName: String
    /// The served data directory, evaluated when a request has no `data`.
    public var data: URL?
    /// The recorded runs' database (RULES.md §8): opened on first use, created
    /// by the first recorded run; its history joins every evaluation's data.
    public var database = "commend.db"
    public var host = "127.0.0.1"
    /// 0 lets the system choose a free port (see `CommendService.run(onListening:)`).
    public var port = 8080
    /// The bearer token that writes need; nil refuses every write.
    public var token: String?
    /// Largest request body, in bytes (413 beyond).
    public var maxBody = 64 << 20
    /// Evaluations allowed to wait for a free slot (503 beyond).
    public var maxQueue = 16
    /// Evaluations running at once.
    public var concurrent = ProcessInfo.processInfo.activeProcessorCount
    /// Limits of every evaluation; `limits.seconds` is also each request's wall-clock limit.
    public var evaluation: EvaluationOptions

    public init(rules: URL, rulesDisplayName: String? = nil, data: URL? = nil,
                evaluation: EvaluationOptions = EvaluationOptions()) {
        self.rules = rules
        self.rulesDisplayName = rulesDisplayName ?? rules.path
        self.data = data
        self.evaluation = evaluation
    }

    /// Reads the token from `file`: its first line, without surrounding blanks.
    public static func readToken(file: String) throws -> String {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw EvaluationError("\(file): cannot read the token file")
        }
        let token = text.split(separator: "\n", omittingEmptySubsequences: false).first
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        guard !token.isEmpty else { throw EvaluationError("\(file): the token file is empty") }
        return token
    }
}
