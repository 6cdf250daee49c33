import Commend
import CommendStore
import Foundation

/// The recorded runs (RULES.md §8) as the server uses them: the database of
/// `--db`, opened on first use; its history of earlier years joins every
/// evaluation's data, as it does for `commend evaluate`.
final class RecordedRuns: @unchecked Sendable {
    let path: String
    private let lock = NSLock()
    private var opened: RunStore?

    init(path: String) { self.path = path }

    /// The store; created when `create` and the file does not exist yet, else nil then.
    func store(create: Bool) throws -> RunStore? {
        try lock.withLock {
            if let opened { return opened }
            guard create || FileManager.default.fileExists(atPath: path) else { return nil }
            opened = try RunStore(path: path)
            return opened
        }
    }

    /// `data` with the store's history of the years before the plan's, when the database exists.
    func addingHistory(to data: Dataset, plan: Plan) throws -> Dataset {
        guard let store = try store(create: false) else { return data }
        var data = data
        data.history += try store.history(before: plan.year)
        return data
    }

    /// One run, or 404.
    func run(_ id: Int64, in store: RunStore) throws -> RecordedRun {
        guard id > 0, let run = try store.runs().first(where: { $0.id == id }) else {
            throw APIError(.notFound, "there is no run \(id) in \(path)")
        }
        return run
    }
}

/// A run as `GET /v1/runs` lists it: the fields of `commend runs list --format json`.
struct RunSummary: Encodable, Sendable {
    var id: Int64
    var plan: String
    var phase: String
    var rulesDigest: String
    var dataDigest: String
    var recordedAt: String
    var finalized: Bool
    var year: Int
    var engineVersion: String
    var replacedBy: Int64?

    init(_ run: RecordedRun) {
        id = run.id
        plan = run.plan
        phase = run.phase
        rulesDigest = run.rulesDigest
        dataDigest = run.dataDigest
        recordedAt = run.recordedAt
        finalized = run.finalized
        year = run.year
        engineVersion = run.engineVersion
        replacedBy = run.replacedBy
    }
}

/// `POST /v1/runs/{id}/finalize`: `{"replace": true}` makes it final over another run.
struct FinalizeRequest: Decodable, Sendable {
    var replace: Bool?
}

/// What finalizing did.
struct FinalizeAnswer: Encodable, Sendable {
    var run: RunSummary
    var replaced: Int64?
    var alreadyFinal: Bool
}
