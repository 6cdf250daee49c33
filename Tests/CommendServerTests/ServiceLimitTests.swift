import Foundation
import Testing

/// What keeps the service serving: the body limit, the queue, the
/// wall-clock limit, many requests at once.
@Suite("Service: limits and load")
struct ServiceLimitTests {
    /// A body of exactly `size` bytes: the request's JSON padded with spaces.
    static func body(_ json: [String: Any], size: Int) throws -> Data {
        var data = try JSONSerialization.data(withJSONObject: json)
        precondition(data.count <= size)
        data += Data(repeating: 0x20, count: size - data.count)
        return data
    }

    @Test func aBodyOneByteOverTheLimitIs413AndTheServerGoesOn() async throws {
        let server = try Server(["--rules", try Fixture.rulesFolder().path, "--max-body", "4000"])
        let request: [String: Any] = ["phase": "dot1", "data": Fixture.data]
        let atLimit = try await server.send("POST", "/v1/evaluate", route: "/v1/evaluate", body: try Self.body(request, size: 4000))
        #expect(atLimit.status == 200, "\(atLimit.text)")
        let over = try await server.send("POST", "/v1/evaluate", route: "/v1/evaluate", body: try Self.body(request, size: 4001))
        #expect(over.status == 413)
        #expect(over.errorKind == "too_large")
        let next = try await server.post("/v1/evaluate", json: request)
        #expect(next.status == 200)
        #expect(next.body == atLimit.body)
        try server.checkOpenAPI()
    }

    @Test func fiftyConcurrentRequestsAllMatchTheCommandLine() async throws {
        let rules = try Fixture.rulesFolder()
        let data = try Fixture.dataFolder()
        let cli = try commend(["evaluate", "--rules", rules.path, "--data", data.path, "--phase", "dot1", "--format", "json"])
        #expect(cli.status == 0)
        let server = try Server(["--rules", rules.path, "--max-queue", "64"])
        let replies = try await withThrowingTaskGroup(of: Reply.self) { group in
            for _ in 0..<50 {
                group.addTask { try await server.post("/v1/evaluate", json: ["phase": "dot1", "data": Fixture.data]) }
            }
            return try await group.reduce(into: [Reply]()) { $0.append($1) }
        }
        #expect(replies.count == 50)
        #expect(replies.filter { $0.status == 200 && $0.body == cli.out }.count == 50)
        try server.checkOpenAPI()
    }

    /// One evaluation loops until the wall-clock limit while holding the only
    /// slot (15 s: ample time for the next request to arrive, even on a
    /// loaded machine): with no room to wait, another is refused with 503; the looping
    /// one ends as a rule error naming the limit; then the server answers again.
    @Test func aFullQueueIs503AndTheWallClockLimitIs422() async throws {
        let rules = try Fixture.rulesFolder(["slow.lua": """
            award "slow" { name = "Chậm", subject = "member",
              criteria = { { id = "c", text = "c", check = function(m)
                if m.id == "SLOW" then while true do end end
                return true end } } }
            """])
        let server = try Server(["--rules", rules.path, "--concurrent", "1", "--max-queue", "0",
                                 "--timeout", "40", "--max-call-instructions", "1000000000000"])
        var slowData = Fixture.data
        slowData["members"] = (Fixture.data["members"] as! [[String: Any]]) + [["id": "SLOW", "name": "Chậm", "unit": "U1", "initiatives": 1, "rating": "kha"]]
        let slowBody = try JSONSerialization.data(withJSONObject: ["phase": "dot1", "data": slowData])
        // The slow evaluation holds the one slot until its wall-clock limit (40 s: long
        // enough that a loaded machine still asks the second question while it runs).
        let slow = Task { try await server.send("POST", "/v1/evaluate", body: slowBody) }
        // Waits until the slow evaluation holds the slot (health is not an evaluation).
        while true {
            let health = try await server.get("/v1/health")
            if (health.json["queue"] as? [String: Any])?["running"] as? Int == 1 { break }
        }
        let refused = try await server.post("/v1/evaluate", json: ["phase": "dot1", "data": Fixture.data])
        #expect(refused.status == 503)
        #expect(refused.errorKind == "busy")
        let stopped = try await slow.value
        #expect(stopped.status == 422, "\(stopped.text)")
        #expect(stopped.errorKind == "rule_error")
        #expect((stopped.json["error"] as? [String: Any])?["message"] as? String != nil)
        let after = try await server.post("/v1/evaluate", json: ["phase": "dot1", "data": Fixture.data])
        #expect(after.status == 200)
        try server.checkOpenAPI()
    }
}
