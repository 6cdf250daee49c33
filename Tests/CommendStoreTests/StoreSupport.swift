import Commend
import CommendStore
import CommendTestSupport
import Foundation

/// Real files in a fresh temporary folder, and the built `commend` run as a child process.
enum StoreSupport {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let commend = CommendProcess.binary

    /// A new empty folder under the system's temporary folder.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("commend-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `files` (relative path → text) under `folder`.
    static func write(_ files: [String: String], in folder: URL) throws {
        for (path, text) in files {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    typealias Outcome = CommendProcess.Outcome

    /// Runs `commend` with `arguments` in `directory` (without the caller's `COMMEND_DB`) and waits for it.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Outcome {
        finish(try start(arguments, in: directory, environment: environment))
    }

    /// A started `commend` process with pipes for its output, without the caller's `COMMEND_DB`.
    static func start(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Process {
        var env: [String: String?] = ["COMMEND_DB": nil]
        for (key, value) in environment { env[key] = value }
        return try CommendProcess.start(arguments, in: directory, environment: env)
    }

    static func finish(_ process: Process) -> Outcome { CommendProcess.finish(process) }

    /// The small plan of the library tests: one award with a quota, one scoring, history used by a streak.
    static let rules = [
        "plan.lua": """
            plan { id = "p", name = "P", year = 2021,
              phases = { { id = "dot1", name = "Đợt 1", from = "2021-01-01", to = "2021-06-30" } },
              fields = { members = { initiatives = "int" }, units = { points = "number" } } }
            """,
        "a.lua": """
            award "sk" { name = "Sáng kiến", subject = "member",
              criteria = { { id = "c", text = "Có sáng kiến", check = function(m) return m.initiatives > 0 end } },
              quota = { max = 1, order = function(m, ctx) return m.initiatives + ctx.streak(m.id, "sk") end } }
            scoring "diem" { name = "Điểm", subject = "unit",
              items = { { id = "x", text = "Điểm", max = 10, points = function(u) return u.points end } },
              grades = { { min = 5, label = "Khá" }, { min = 0, label = "Đạt" } } }
            """,
    ]

    static let data = [
        "units.csv": "id,name,kind,parent,cluster,points\nU1,CĐCS A,cdcs,,C1,7\nU2,CĐCS B,cdcs,,C1,3\n",
        "members.csv": "id,name,unit,initiatives\nM1,An,U1,2\nM2,Bình,U1,2\nM3,Chi,U2,0\n",
    ]
}

/// A value shared between threads.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func set(_ new: Value) { lock.withLock { value = new } }
}
