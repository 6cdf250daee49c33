/// What finished awards and scorings published for the `ctx` functions of
/// later ones. Written by the coordinator between parallel passes only.
final class ResultStore: @unchecked Sendable {
    struct AwardState {
        /// Per subject row of the award's kind: nil when it does not apply.
        var eligible: [Bool?]
        var awarded: [Bool]
    }
    struct ScoringState {
        var total: [Double?]
        var rank: [Int?]
        var grade: [String?]
    }
    var awards: [String: AwardState] = [:]
    var scorings: [String: ScoringState] = [:]
    /// The host memory the run's results may take (shared by every worker).
    var budget = ResultBudget(limit: nil)
}

/// An award or scoring needs another one that is not finished yet.
struct DependencyNeeded: Error, Sendable {
    var key: String
}

/// Byte order of UTF-8, the order of ids in every result.
@inline(__always)
func idPrecedes(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}
