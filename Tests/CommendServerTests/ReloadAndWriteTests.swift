import Foundation
import Testing

/// The watched rules directory and the routes that write.
@Suite("Service: rules reload and writes")
struct ReloadAndWriteTests {
    @Test func aBrokenRuleFileKeepsTheLastGoodRules() async throws {
        let rules = try Fixture.rulesFolder()
        let server = try Server(["--rules", rules.path])
        let request: [String: Any] = ["phase": "dot1", "data": Fixture.data, "awards": ["diem"], "subjects": ["U3"]]
        let first = try await server.post("/v1/evaluate", json: request)
        let firstDigest = try #require(first.json["rules_digest"] as? String)
        // A good change (grade label) is served from the next request on.
        let file = rules.appendingPathComponent("diem.lua")
        try Paths.write(Fixture.scoring.replacingOccurrences(of: "\"Đạt\"", with: "\"Đạt yêu cầu\""), to: file)
        let changed = try await server.post("/v1/evaluate", json: request)
        let changedDigest = try #require(changed.json["rules_digest"] as? String)
        #expect(changedDigest != firstDigest)
        #expect(changed.text.contains("\"grade\": \"Đạt yêu cầu\""))
        // A broken change keeps the last good rules and shows in the health.
        try Paths.write("scoring \"diem\" { name = \n", to: file)
        let kept = try await server.post("/v1/evaluate", json: request)
        #expect(kept.status == 200)
        #expect(kept.json["rules_digest"] as? String == changedDigest)
        #expect(kept.text.contains("Đạt yêu cầu"))
        let health = try await server.get("/v1/health")
        #expect(health.json["status"] as? String == "degraded")
        #expect(health.json["rules_digest"] as? String == changedDigest)
        let problems = try #require((health.json["rules_error"] as? [String: Any])?["problems"] as? [[String: Any]])
        #expect(problems.contains { ($0["file"] as? String)?.hasSuffix("diem.lua") == true })
        // Fixed again: served, and the health is ok.
        try Paths.write(Fixture.scoring, to: file)
        let fixed = try await server.get("/v1/health")
        #expect(fixed.json["status"] as? String == "ok")
        #expect(fixed.json["rules_digest"] as? String == firstDigest)
        try server.checkOpenAPI()
    }

    @Test func writesNeedTheBearerToken() async throws {
        let token = try Paths.folder(["token": "s3cret-token\n"]).appendingPathComponent("token")
        let server = try Server(["--rules", try Fixture.rulesFolder().path, "--token-file", token.path])
        let body: [String: Any] = ["phase": "dot1", "data": Fixture.data]
        let none = try await server.post("/v1/runs", json: body)
        #expect(none.status == 401)
        #expect(none.errorKind == "unauthorized")
        let wrong = try await server.post("/v1/runs", json: body, headers: ["Authorization": "Bearer s3cret-tokem"])
        #expect(wrong.status == 401)
        let longer = try await server.post("/v1/runs", json: body, headers: ["Authorization": "Bearer s3cret-token2"])
        #expect(longer.status == 401)
        let finalize = try await server.send("POST", "/v1/runs/1/finalize", route: "/v1/runs/{id}/finalize")
        #expect(finalize.status == 401)
        // With the token, the write passes authorization; this build has no store yet.
        let right = try await server.post("/v1/runs", json: body, headers: ["Authorization": "Bearer s3cret-token"])
        #expect(right.status == 501)
        #expect(right.errorKind == "not_available")
        let list = try await server.get("/v1/runs")
        #expect(list.status == 501)
        let one = try await server.get("/v1/runs/1", route: "/v1/runs/{id}")
        #expect(one.status == 501)
        try server.checkOpenAPI()
    }

    @Test func withoutATokenFileWritesAreRefused() async throws {
        let server = try Server(["--rules", try Fixture.rulesFolder().path])
        let refused = try await server.post("/v1/runs", json: ["phase": "dot1"],
                                            headers: ["Authorization": "Bearer anything"])
        #expect(refused.status == 403)
        #expect(refused.errorKind == "forbidden")
        try server.checkOpenAPI()
    }
}
