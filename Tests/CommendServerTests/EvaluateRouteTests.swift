import Foundation
import Testing

/// POST /v1/evaluate, /v1/explain, /v1/check, GET /v1/health, /v1/plan, the
/// OpenAPI document and the page, against a real `commend serve`.
@Suite("Service: evaluate, explain, check, health")
struct EvaluateRouteTests {
    @Test func healthNamesTheRulesDigestServed() async throws {
        let rules = try Fixture.rulesFolder()
        let server = try Server(["--rules", rules.path])
        let health = try await server.get("/v1/health")
        #expect(health.status == 200)
        #expect(health.json["status"] as? String == "ok")
        #expect(health.json["plan"] as? String == "p")
        let evaluated = try await server.post("/v1/evaluate", json: ["phase": "dot1", "data": Fixture.data])
        #expect((health.json["rules_digest"] as? String)?.hasPrefix("sha256:") == true)
        #expect(health.json["rules_digest"] as? String == evaluated.json["rules_digest"] as? String)
        let plan = try await server.get("/v1/plan")
        #expect(plan.status == 200)
        let ids = (plan.json["declarations"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == ["sk", "diem"])
        try server.checkOpenAPI()
    }

    @Test func inlineDataGivesTheHandWorkedResult() async throws {
        let server = try Server(["--rules", try Fixture.rulesFolder().path])
        let reply = try await server.post("/v1/evaluate", json: ["phase": "dot1", "data": Fixture.data])
        #expect(reply.status == 200, "\(reply.text)")
        let awards = try #require(reply.json["awards"] as? [[String: Any]])
        let results = try #require(awards.first?["results"] as? [[String: Any]])
        let awarded = results.filter { $0["awarded"] as? Bool == true }.compactMap { $0["subject"] as? String }
        let eligible = results.filter { $0["eligible"] as? Bool == true }.compactMap { $0["subject"] as? String }
        #expect(awarded == ["M1"])
        #expect(eligible == ["M1", "M2"])
        let scorings = try #require(reply.json["scorings"] as? [[String: Any]])
        let rows = try #require(scorings.first?["results"] as? [[String: Any]])
        let ranking = rows.map { "\($0["group"] as? String ?? "-") \($0["subject"] as? String ?? "") \($0["total"] as? Double ?? -1) \($0["rank"] as? Int ?? 0) \($0["grade"] as? String ?? "-")" }
        #expect(ranking == ["C1 U2 10.0 1 Tốt", "C1 U1 9.0 2 Tốt", "C2 U3 5.0 1 Đạt"])
        try server.checkOpenAPI()
    }

    @Test func answersAreByteIdenticalToTheCommandLine() async throws {
        let rules = try Fixture.rulesFolder()
        let data = try Fixture.dataFolder()
        let cli = try commend(["evaluate", "--rules", rules.path, "--data", data.path, "--phase", "dot1", "--format", "json"])
        #expect(cli.status == 0, "\(cli.err)")
        let server = try Server(["--rules", rules.path, "--data", data.path])
        let inline = try await server.post("/v1/evaluate", json: ["phase": "dot1", "data": Fixture.data])
        let served = try await server.post("/v1/evaluate", json: ["phase": "dot1"])
        #expect(inline.status == 200 && served.status == 200)
        #expect(inline.body == cli.out)
        #expect(served.body == cli.out)
        try server.checkOpenAPI()
    }

    @Test func awardsAndSubjectsNarrowTheResult() async throws {
        let server = try Server(["--rules", try Fixture.rulesFolder().path])
        let reply = try await server.post("/v1/evaluate", json: [
            "phase": "dot1", "data": Fixture.data, "awards": ["sk"], "subjects": ["M2"]])
        #expect(reply.status == 200, "\(reply.text)")
        let awards = try #require(reply.json["awards"] as? [[String: Any]])
        #expect(awards.compactMap { $0["id"] as? String } == ["sk"])
        #expect((reply.json["scorings"] as? [Any])?.isEmpty == true)
        let results = try #require(awards.first?["results"] as? [[String: Any]])
        #expect(results.compactMap { $0["subject"] as? String } == ["M2"])
        let quota = try #require(results.first?["quota"] as? [String: Any])
        #expect(quota["place"] as? Int == 2)
        #expect(quota["limit"] as? Int == 1)
        let unknown = try await server.post("/v1/evaluate", json: ["phase": "dot1", "data": Fixture.data, "awards": ["sx"]])
        #expect(unknown.status == 400)
        #expect(unknown.errorKind == "bad_request")
        try server.checkOpenAPI()
    }

    @Test func badRequestsAndBadDataAre400RuleErrors422() async throws {
        let rules = try Fixture.rulesFolder(["boom.lua": """
            award "boom" { name = "Lỗi", subject = "unit",
              criteria = { { id = "x", text = "x", check = function(u)
                if u.id == "U3" then error("điểm không hợp lệ") end
                return true end } } }
            """])
        let server = try Server(["--rules", rules.path])
        let notJSON = try await server.send("POST", "/v1/evaluate", body: Data("{phase: dot1".utf8))
        #expect(notJSON.status == 400)
        #expect(notJSON.errorKind == "bad_request")
        let noPhase = try await server.post("/v1/evaluate", json: ["data": Fixture.data])
        #expect(noPhase.status == 400)
        #expect((noPhase.json["error"] as? [String: Any])?["message"] as? String == "the request body is not the expected JSON: .phase is missing")
        let unknownPhase = try await server.post("/v1/evaluate", json: ["phase": "dot9", "data": Fixture.data])
        #expect(unknownPhase.status == 400)
        #expect(unknownPhase.text.contains("dot9"))
        var bad = Fixture.data
        bad["members"] = [["id": "M1", "name": "An", "unit": "U1", "initiatives": "hai", "rating": "tot"]]
        let badData = try await server.post("/v1/evaluate", json: ["phase": "dot1", "data": bad])
        #expect(badData.status == 400)
        #expect(badData.errorKind == "bad_data")
        let error = try #require(badData.json["error"] as? [String: Any])
        #expect(error["file"] as? String == "data")
        #expect((error["message"] as? String)?.contains("initiatives") == true)
        let noServedData = try await server.post("/v1/evaluate", json: ["phase": "dot1"])
        #expect(noServedData.status == 400)
        let ruleError = try await server.post("/v1/evaluate", json: ["phase": "dot1", "data": Fixture.data])
        #expect(ruleError.status == 422, "\(ruleError.text)")
        #expect(ruleError.errorKind == "rule_error")
        let location = try #require(ruleError.json["error"] as? [String: Any])
        #expect((location["file"] as? String)?.hasSuffix("boom.lua") == true)
        #expect(location["line"] as? Int == 3)
        #expect((location["message"] as? String)?.contains("U3") == true)
        let health = try await server.get("/v1/health")
        #expect(health.status == 200)
        try server.checkOpenAPI()
    }

    @Test func explainGivesEveryCriterionItemAndQuotaPlace() async throws {
        let server = try Server(["--rules", try Fixture.rulesFolder().path])
        let member = try await server.post("/v1/explain", json: ["phase": "dot1", "subject": "M2", "data": Fixture.data])
        #expect(member.status == 200, "\(member.text)")
        #expect(member.json["kind"] as? String == "member")
        #expect(member.json["name"] as? String == "Bình")
        let award = try #require((member.json["awards"] as? [[String: Any]])?.first)
        #expect(award["eligible"] as? Bool == true)
        #expect(award["awarded"] as? Bool == false)
        #expect((award["criteria"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["c1", "c2"])
        let quota = try #require(award["quota"] as? [String: Any])
        #expect(quota["place"] as? Int == 2 && quota["limit"] as? Int == 1 && quota["within"] as? Bool == false)
        let failing = try await server.post("/v1/explain", json: ["phase": "dot1", "subject": "M3", "data": Fixture.data])
        let c1 = try #require(((failing.json["awards"] as? [[String: Any]])?.first?["criteria"] as? [[String: Any]])?.first)
        #expect(c1["passed"] as? Bool == false)
        #expect(c1["detail"] as? String == "không có sáng kiến")
        let unit = try await server.post("/v1/explain", json: ["phase": "dot1", "subject": "U2", "data": Fixture.data])
        let scoring = try #require((unit.json["scorings"] as? [[String: Any]])?.first)
        #expect(scoring["rank"] as? Int == 1 && scoring["group_size"] as? Int == 2 && scoring["grade"] as? String == "Tốt")
        let item = try #require((scoring["items"] as? [[String: Any]])?.first)
        #expect(item["raw"] as? Double == 12 && item["points"] as? Double == 10 && item["clamped"] as? Bool == true)
        let nobody = try await server.post("/v1/explain", json: ["phase": "dot1", "subject": "M9", "data": Fixture.data])
        #expect(nobody.status == 404)
        #expect(nobody.errorKind == "not_found")
        let noSubject = try await server.post("/v1/explain", json: ["phase": "dot1", "data": Fixture.data])
        #expect(noSubject.status == 400)
        try server.checkOpenAPI()
    }

    @Test func checkReportsTheProblemsOfTheServedRules() async throws {
        let rules = try Fixture.rulesFolder()
        let server = try Server(["--rules", rules.path])
        let good = try await server.send("POST", "/v1/check")
        #expect(good.status == 200)
        #expect(good.json["errors"] as? Int == 0)
        try Paths.write("award \"x\" { name = \"X\", subject = \"member\", criteria = { { id = \"c\", text = \"c\" } } }\n",
                        to: rules.appendingPathComponent("x.lua"))
        let bad = try await server.send("POST", "/v1/check")
        #expect(bad.status == 200)
        #expect(bad.json["errors"] as? Int == 1)
        let problem = try #require((bad.json["problems"] as? [[String: Any]])?.first)
        #expect((problem["file"] as? String)?.hasSuffix("x.lua") == true)
        #expect(problem["line"] as? Int == 1)
        try server.checkOpenAPI()
    }

    @Test func documentPageAndUnknownRoutes() async throws {
        let server = try Server(["--rules", try Fixture.rulesFolder().path])
        let document = try await server.get("/openapi.json")
        #expect(document.status == 200)
        #expect(document.json["openapi"] as? String == "3.1.0")
        let page = try await server.get("/")
        #expect(page.status == 200)
        #expect(page.type.hasPrefix("text/html"))
        #expect(page.text.contains("<table") || page.text.contains("page.js"))
        let missing = try await server.get("/v1/nothing")
        #expect(missing.status == 404)
        #expect(missing.errorKind == "not_found")
        try server.checkOpenAPI()
    }
}
