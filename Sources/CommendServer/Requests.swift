import Commend

/// `POST /v1/evaluate`: `{"phase", "data"?, "awards"?, "subjects"?}`.
struct EvaluateRequest: Decodable, Sendable {
    var phase: String
    /// The `data.json` shape (RULES.md §3); without it, the served data directory.
    var data: DataDocument?
    /// Award or scoring ids to keep in the answer.
    var awards: [String]?
    /// Subject ids to keep in the answer.
    var subjects: [String]?
}

/// `POST /v1/explain`: `{"phase", "subject", "data"?, "award"?}`.
struct ExplainRequest: Decodable, Sendable {
    var phase: String
    var subject: String
    var data: DataDocument?
    /// Only this award or scoring.
    var award: String?
}
