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

    @Test func writesNeedTheBearerTokenAndRecordRuns() async throws {
        let token = try Paths.folder(["token": "s3cret-token\n"]).appendingPathComponent("token")
        let db = try Paths.folder([:]).appendingPathComponent("runs.db")
        let server = try Server(["--rules", try Fixture.rulesFolder().path, "--data", try Fixture.dataFolder().path,
                                 "--db", db.path, "--token-file", token.path])
        let body: [String: Any] = ["phase": "dot1"]
        let none = try await server.post("/v1/runs", json: body)
        #expect(none.status == 401)
        #expect(none.errorKind == "unauthorized")
        let wrong = try await server.post("/v1/runs", json: body, headers: ["Authorization": "Bearer s3cret-tokem"])
        #expect(wrong.status == 401)
        let longer = try await server.post("/v1/runs", json: body, headers: ["Authorization": "Bearer s3cret-token2"])
        #expect(longer.status == 401)
        let finalizeWithout = try await server.send("POST", "/v1/runs/1/finalize", route: "/v1/runs/{id}/finalize")
        #expect(finalizeWithout.status == 401)
        let empty = try await server.get("/v1/runs")
        #expect(empty.status == 200 && empty.text == "[]")
        let auth = ["Authorization": "Bearer s3cret-token"]
        let recorded = try await server.post("/v1/runs", json: body, headers: auth)
        #expect(recorded.status == 201, "\(recorded.text)")
        #expect(recorded.json["id"] as? Int == 1)
        #expect(recorded.json["finalized"] as? Bool == false)
        let inline = try await server.post("/v1/runs", json: ["phase": "dot1", "data": Fixture.data], headers: auth)
        #expect(inline.status == 400)
        let list = try await server.get("/v1/runs?phase=dot1", route: "/v1/runs")
        let runs = try #require(try JSONSerialization.jsonObject(with: list.body) as? [[String: Any]])
        #expect(runs.compactMap { $0["id"] as? Int } == [1])
        let shown = try await server.get("/v1/runs/1", route: "/v1/runs/{id}")
        let evaluated = try await server.post("/v1/evaluate", json: body)
        #expect(shown.status == 200)
        #expect(shown.body == evaluated.body)
        let finalized = try await server.send("POST", "/v1/runs/1/finalize", route: "/v1/runs/{id}/finalize", headers: auth)
        #expect(finalized.status == 200, "\(finalized.text)")
        #expect((finalized.json["run"] as? [String: Any])?["finalized"] as? Bool == true)
        let missing = try await server.get("/v1/runs/99", route: "/v1/runs/{id}")
        #expect(missing.status == 404)
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
