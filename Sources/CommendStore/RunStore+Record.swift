import Commend
import Foundation
import GRDB

extension RunStore {
    /// Stores a finished evaluation in one transaction and returns its run id.
    /// Throws, recording nothing, if the evaluation did not finish.
    ///
    /// - Parameter midway: called inside the transaction once the run, its
    ///   JSON and half of its subject rows are written (a test hook: the
    ///   command line uses it to show that a process killed there leaves no
    ///   half run).
    @discardableResult
    public func record(_ recorder: RunRecorder, engineVersion: String = CommendVersion.current,
                       midway: (() -> Void)? = nil) throws -> Int64 {
        guard recorder.finished, let plan = recorder.plan, let phase = recorder.phase else {
            throw StoreError("the evaluation did not finish; nothing was recorded")
        }
        let (parts, size) = recorder.parts.finish()
        return try write { db in
            // A national run adds millions of index entries: room to keep the index's pages in memory.
            try db.execute(sql: "PRAGMA cache_size = -262144")
            try db.execute(sql: """
                INSERT INTO run (plan, plan_name, year, phase, phase_name, rules_digest, data_digest, options,
                                 engine_version, recorded_at, json_size)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [plan.id, plan.name, plan.year, phase.id, phase.name, recorder.rulesDigest,
                                 recorder.dataDigest, recorder.options, engineVersion, Self.now(), size])
            let run = db.lastInsertedRowID
            let insertPart = try db.makeStatement(sql: "INSERT INTO run_json (run, part, size, bytes) VALUES (?, ?, ?, ?)")
            for (index, part) in parts.enumerated() {
                try insertPart.execute(arguments: [run, index, part.size, part.bytes])
            }
            let range = try OutcomeRows.insert(recorder.rows, decisions: recorder.decisions, run: run, db: db,
                                               midway: midway)
            try db.execute(sql: "UPDATE run SET first_outcome = ?, last_outcome = ? WHERE id = ?",
                           arguments: [range?.lowerBound, range?.upperBound, run])
            return run
        }
    }

    /// Records a whole result (for an embedder that evaluated without a recorder).
    @discardableResult
    public func record(_ result: EvaluationResult, dataDigest: String, options: [String: String] = [:]) throws -> Int64 {
        let recorder = try RunRecorder(dataDigest: dataDigest, options: options)
        try result.replay(into: recorder)
        return try record(recorder)
    }
}
