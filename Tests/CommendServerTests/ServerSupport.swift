import CommendTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The repository, the built `commend`, and temporary folders.
enum Paths {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = CommendProcess.binary
    static let openAPI = root.appendingPathComponent("Sources/CommendServer/Resources/openapi.json")
    static let checker = root.appendingPathComponent("Tests/CommendServerTests/Fixtures/openapi_check.py")

    /// A new temporary folder holding `files` (relative path → text).
    static func folder(_ files: [String: String]) throws -> URL { try TemporaryFolder.make("serve", files) }

    static func write(_ text: String, to file: URL) throws { try TemporaryFolder.write(text, to: file) }
}

/// A response as the tests look at it.
struct Reply: Sendable {
    var status: Int
    var type: String
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    /// `error.kind` of an error reply.
    var errorKind: String? { (json["error"] as? [String: Any])?["kind"] as? String }
}

/// `commend serve` as a child process on a free loopback port; every reply
/// is kept, to be checked against the OpenAPI document by `checkOpenAPI()`.
final class Server: @unchecked Sendable {
    let process = Process()
    let base: URL
    private let lock = NSLock()
    private var exchanges: [[String: Any]] = []
    private let session: URLSession

    init(_ arguments: [String]) throws {
        process.executableURL = Paths.binary
        process.arguments = ["serve", "--port", "0"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line says where it listens (or the process ends, on a start error).
        var line = Data()
        while !line.contains(10) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "listening on ") else {
            process.waitUntilExit()
            throw ServerStartError(message: "commend serve did not start (status \(process.terminationStatus)): \(text)")
        }
        base = URL(string: String(text[range.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines))!
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 120
        configuration.httpMaximumConnectionsPerHost = 64
        session = URLSession(configuration: configuration)
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    struct ServerStartError: Error, CustomStringConvertible { var message: String; var description: String { message } }

    /// Sends a request; `route` is the document's path template the reply is checked under.
    func send(_ method: String, _ path: String, route: String? = nil, body: Data? = nil,
              headers: [String: String] = [:]) async throws -> Reply {
        var request = URLRequest(url: URL(string: path, relativeTo: base)!)
        request.httpMethod = method
        request.httpBody = body
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        let reply = Reply(status: http.statusCode, type: http.value(forHTTPHeaderField: "Content-Type") ?? "", body: data)
        lock.withLock {
            exchanges.append(["method": method, "route": route ?? path, "status": reply.status, "type": reply.type,
                              "body": reply.text])
        }
        return reply
    }

    func get(_ path: String, route: String? = nil, headers: [String: String] = [:]) async throws -> Reply {
        try await send("GET", path, route: route, headers: headers)
    }

    func post(_ path: String, json: Any, route: String? = nil, headers: [String: String] = [:]) async throws -> Reply {
        try await send("POST", path, route: route, body: try JSONSerialization.data(withJSONObject: json), headers: headers)
    }

    /// Checks every reply so far against the OpenAPI document (python3 openapi-schema-validator).
    func checkOpenAPI() throws {
        let all = lock.withLock { exchanges }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("commend-exchanges-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: all).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", Paths.checker.path, Paths.openAPI.path, file.path]
        let out = Pipe()
        python.standardOutput = out
        python.standardError = out
        try python.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(python.terminationStatus == 0, "responses that do not fit the OpenAPI document:\n\(text)")
    }
}

/// Runs `commend` to the end.
func commend(_ arguments: [String]) throws -> (status: Int32, out: Data, err: String) {
    let outcome = try CommendProcess.run(arguments)
    return (outcome.status, outcome.out, outcome.err)
}
