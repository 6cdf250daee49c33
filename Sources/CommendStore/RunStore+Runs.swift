import Commend
import Foundation
import GRDB

extension RunStore {
    private static let columns = """
        id, plan, plan_name, year, phase, phase_name, rules_digest, data_digest, options, engine_version,
        recorded_at, final, finalized_at, replaced_by, json_size
        """

    private static func run(_ row: Row) -> RecordedRun {
        RecordedRun(id: row["id"], plan: row["plan"], planName: row["plan_name"], year: row["year"], phase: row["phase"],
                    phaseName: row["phase_name"], rulesDigest: row["rules_digest"], dataDigest: row["data_digest"],
                    options: row["options"], engineVersion: row["engine_version"], recordedAt: row["recorded_at"],
                    finalized: row["final"], finalizedAt: row["finalized_at"], replacedBy: row["replaced_by"],
                    jsonSize: row["json_size"])
    }

    /// The recorded runs, oldest first, of one plan and/or phase if given.
    public func runs(plan: String? = nil, phase: String? = nil) throws -> [RecordedRun] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.columns) FROM run
                WHERE (?1 IS NULL OR plan = ?1) AND (?2 IS NULL OR phase = ?2) ORDER BY id
                """, arguments: [plan, phase]).map(Self.run)
        }
    }

    /// One run; throws when there is none with that id.
    public func run(_ id: Int64) throws -> RecordedRun {
        guard let run = try read({ db in
            try Row.fetchOne(db, sql: "SELECT \(Self.columns) FROM run WHERE id = ?", arguments: [id]).map(Self.run)
        }) else {
            throw StoreError("\(path): there is no run \(id) (commend runs list shows the recorded runs)")
        }
        return run
    }

    /// Hands the run's JSON result to `body`, part by part, in order.
    private func eachPart(of id: Int64, _ body: ([UInt8]) -> Void) throws {
        _ = try run(id)
        try read { db in
            let parts = try Row.fetchCursor(db, sql: "SELECT size, bytes FROM run_json WHERE run = ? ORDER BY part",
                                            arguments: [id])
            while let part = try parts.next() {
                do {
                    body(try JSONParts.expand(part["bytes"], size: part["size"]))
                } catch let error as StoreError {
                    throw StoreError("\(path): run \(id): \(error.description)")
                }
            }
        }
    }

    /// Writes the run's JSON result, byte for byte as it was recorded.
    public func writeJSON(of id: Int64, to sink: OutputSink) throws {
        try eachPart(of: id) { sink.write(bytes: $0) }
    }

    /// The run's JSON result read back as an `EvaluationResult` (for `Impact`).
    public func result(of id: Int64) throws -> EvaluationResult {
        var data = Data()
        try eachPart(of: id) { data.append(contentsOf: $0) }
        do {
            return try EvaluationResult(json: data)
        } catch {
            throw StoreError("\(path): run \(id): the stored result cannot be read: \(error)")
        }
    }

    /// Makes a run the official decision of its plan, year and phase. When
    /// another run already is, `replace` must be true: that run then stays in
    /// the store, marked as replaced by this one.
    @discardableResult
    public func finalize(run id: Int64, replace: Bool = false) throws -> Finalization {
        let target = try run(id)
        return try write { db in
            let current = try Int64.fetchOne(db, sql: "SELECT id FROM run WHERE final = 1 AND plan = ? AND year = ? AND phase = ?",
                                             arguments: [target.plan, target.year, target.phase])
            if current == id { return Finalization(replaced: nil, alreadyFinal: true) }
            let now = Self.now()
            if let current {
                guard replace else {
                    throw StoreError("run \(current) is already the final decision of plan \(target.plan) (\(target.year)), phase \(target.phase); to make run \(id) the final one instead, add --replace (run \(current) stays in the store, marked as replaced)")
                }
                try db.execute(sql: "UPDATE run SET final = 0, replaced_by = ?, replaced_at = ? WHERE id = ?",
                               arguments: [id, now, current])
            }
            try db.execute(sql: "UPDATE run SET final = 1, finalized_at = ?, replaced_by = NULL, replaced_at = NULL WHERE id = ?",
                           arguments: [now, id])
            return Finalization(replaced: current, alreadyFinal: false)
        }
    }
}
