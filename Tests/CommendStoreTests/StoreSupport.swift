import Commend
import CommendStore
import Foundation

/// Real files in a fresh temporary folder, and the built `commend` run as a child process.
enum StoreSupport {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let commend = root.appendingPathComponent(".build/debug/commend")

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

    struct Outcome {
        var status: Int32
        var out: Data
        var err: String
        var text: String { String(decoding: out, as: UTF8.self) }
    }

    /// Runs `commend` with `arguments` in `directory` and waits for it.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Outcome {
        let process = try start(arguments, in: directory, environment: environment)
        return finish(process)
    }

    /// A started `commend` process with pipes for its output.
    static func start(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = commend
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["COMMEND_DB"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        process.standardInput = Pipe()
        try process.run()
        return process
    }

    static func finish(_ process: Process) -> Outcome {
        let out = (process.standardOutput as! Pipe).fileHandleForReading
        let err = (process.standardError as! Pipe).fileHandleForReading
        // Standard error is drained on another thread so that neither pipe fills up.
        let errData = Locked(Data())
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData.set(err.readDataToEndOfFile()) }
        let outData = out.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, out: outData, err: String(decoding: errData.get(), as: UTF8.self))
    }

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
