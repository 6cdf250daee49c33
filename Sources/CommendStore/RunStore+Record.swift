import Commend
import Foundation
import GRDB

extension RunStore {
    /// The JSON result is stored in parts of this many bytes.
    static let partSize = 4 << 20

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
        let file = try FileHandle(forReadingFrom: recorder.jsonFile)
        defer { try? file.close() }
        let size = try file.seekToEnd()
        try file.seek(toOffset: 0)
        return try write { db in
            try db.execute(sql: """
                INSERT INTO run (plan, plan_name, year, phase, phase_name, rules_digest, data_digest, options,
                                 engine_version, recorded_at, json_size)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [plan.id, plan.name, plan.year, phase.id, phase.name, recorder.rulesDigest,
                                 recorder.dataDigest, recorder.options, engineVersion, Self.now(), Int64(size)])
            let run = db.lastInsertedRowID
            let part = try db.makeStatement(sql: "INSERT INTO run_json (run, part, bytes) VALUES (?, ?, ?)")
            var index = 0
            while let bytes = try file.read(upToCount: Self.partSize), !bytes.isEmpty {
                try part.execute(arguments: [run, index, bytes])
                index += 1
            }
            let rows = recorder.rows, decisions = recorder.decisions
            let insert = try db.makeStatement(sql: """
                INSERT INTO outcome (run, subject, kind, decision, awarded, rank, grade, total)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var first: Int64?
            for (i, row) in rows.enumerated() {
                if i == rows.count / 2 { midway?() }
                try insert.execute(arguments: [run, row.subject, row.kind == .award ? 0 : 1, decisions[Int(row.decision)],
                                               row.awarded, row.rank, row.grade, row.total])
                if first == nil { first = db.lastInsertedRowID }
            }
            if rows.isEmpty { midway?() }
            try db.execute(sql: "UPDATE run SET first_outcome = ?, last_outcome = ? WHERE id = ?",
                           arguments: [first, first == nil ? nil : db.lastInsertedRowID, run])
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
