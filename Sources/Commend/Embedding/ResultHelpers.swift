import Foundation
import Synchronization

extension ScoringResult {
    /// The outcomes of one group (the value of the scoring's `group`; nil:
    /// the subjects without one, or everyone when the scoring has no
    /// groups), best first: by rank, then subject id.
    ///
    ///     let topThree = result.scoring("diem")!.ranking(in: "U1").prefix(3)
    public func ranking(in group: String?) -> [ScoreOutcome] {
        // `results` is already by group, then rank, then subject id.
        results.filter { $0.group == group }
    }

    /// The groups in the order of `results`.
    public var groups: [String?] {
        var seen: [String?] = []
        for outcome in results where seen.last != outcome.group && !seen.contains(outcome.group) {
            seen.append(outcome.group)
        }
        return seen
    }
}

extension EvaluationResult {
    /// The result as the JSON of `commend evaluate --format json` (RULES.md
    /// §5), byte for byte.
    public func jsonData() -> Data {
        let bytes = Mutex<[UInt8]>([])
        let sink = OutputSink(consumer: { chunk in bytes.withLock { $0 += chunk } })
        JSONFormat.write(self, to: sink)
        // A consumer sink writes no file: committing only waits for the bytes.
        try? sink.commit()
        return bytes.withLock { Data($0) }
    }
}
