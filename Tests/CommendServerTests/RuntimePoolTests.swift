import Foundation
import Testing

/// The server keeps its rules loaded in a pool of Lua states (one with
/// `--concurrent 1`), reused by request after request.
@Suite("Service: pool of loaded rule runtimes")
struct RuntimePoolTests {
    /// A criterion whose cost grows with the member's initiatives.
    static let loop = """
        award "vong" { name = "Vòng", subject = "member", criteria = {
          { id = "l", check = function(m)
              local n = 0
              for i = 1, m.initiatives do n = n + 1 end
              return n > 1
            end } } }
        """

    /// The fixture's data with M1's initiatives replaced.
    static func data(initiatives: Int) -> [String: Any] {
        var data = Fixture.data
        var members = data["members"] as! [[String: Any]]
        members[0]["initiatives"] = initiatives
        data["members"] = members
        return data
    }

    @Test func reusedRuntimesAnswerLikeTheCommandLine() async throws {
        let rules = try Fixture.rulesFolder()
        let data = try Fixture.dataFolder()
        let cli = try commend(["evaluate", "--rules", rules.path, "--data", data.path, "--phase", "dot1", "--format", "json"])
        #expect(cli.status == 0, "\(cli.err)")
        let server = try Server(["--rules", rules.path, "--concurrent", "1"])
        let request: [String: Any] = ["phase": "dot1", "data": Fixture.data]
        // Other data between: nothing of one run is seen by the next.
        for initiatives in [0, 5, 2] {
            let answer = try await server.post("/v1/evaluate", json: request)
            #expect(answer.status == 200)
            #expect(answer.body == cli.out)
            let other = try await server.post("/v1/evaluate", json: ["phase": "dot1", "data": Self.data(initiatives: initiatives)])
            #expect(other.status == 200)
        }
        let body = try JSONSerialization.data(withJSONObject: request)
        let together = try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0..<12 { group.addTask { try await server.send("POST", "/v1/evaluate", body: body).body } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(together.count == 12)
        #expect(together.allSatisfy { $0 == cli.out })
    }

    @Test func aRuntimeStoppedByALimitIsNotReused() async throws {
        let rules = try Fixture.rulesFolder(["vong.lua": Self.loop])
        let data = try Fixture.dataFolder()
        let limit = ["--max-call-instructions", "1000000"]
        let cli = try commend(["evaluate", "--rules", rules.path, "--data", data.path, "--phase", "dot1", "--format", "json"] + limit)
        #expect(cli.status == 0, "\(cli.err)")
        let server = try Server(["--rules", rules.path, "--concurrent", "1"] + limit)
        let good: [String: Any] = ["phase": "dot1", "data": Fixture.data]
        #expect(try await server.post("/v1/evaluate", json: good).body == cli.out)
        // 10⁷ turns of the loop for M1: far over 10⁶ instructions in one call.
        let stopped = try await server.post("/v1/evaluate", json: ["phase": "dot1", "data": Self.data(initiatives: 10_000_000)])
        #expect(stopped.status == 422)
        #expect(stopped.errorKind == "rule_error")
        #expect(stopped.text.contains("instruction"))
        // The next requests get a state that was not stopped, and the same answer as before.
        for _ in 0..<2 {
            let after = try await server.post("/v1/evaluate", json: good)
            #expect(after.status == 200)
            #expect(after.body == cli.out)
        }
    }

    @Test func aRuleChangeReplacesThePool() async throws {
        let rules = try Fixture.rulesFolder()
        let server = try Server(["--rules", rules.path, "--concurrent", "1"])
        let request: [String: Any] = ["phase": "dot1", "data": Fixture.data, "awards": ["sk"]]
        func eligible() async throws -> [String] {
            let reply = try await server.post("/v1/evaluate", json: request)
            let awards = try #require(reply.json["awards"] as? [[String: Any]])
            let results = try #require(awards.first?["results"] as? [[String: Any]])
            return results.filter { $0["eligible"] as? Bool == true }.compactMap { $0["subject"] as? String }
        }
        #expect(try await eligible() == ["M1", "M2"])
        // A criterion's function changes (code the pooled states hold, not a declaration).
        try Paths.write(Fixture.award.replacingOccurrences(of: "m.initiatives > 0,", with: "m.initiatives > 1,"),
                        to: rules.appendingPathComponent("sk.lua"))
        #expect(try await eligible() == ["M1"])
        try Paths.write(Fixture.award, to: rules.appendingPathComponent("sk.lua"))
        #expect(try await eligible() == ["M1", "M2"])
    }
}
