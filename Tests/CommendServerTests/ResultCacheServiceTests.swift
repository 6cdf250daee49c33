import CommendTestSupport
import Foundation
import Testing

/// `commend serve` with the result cache: the served data directory's
/// evaluations reuse kept results and answer the same bytes.
@Suite("Service: the result cache")
struct ResultCacheServiceTests {
    @Test func theServedDataReusesKeptResultsAndAnswersTheSame() async throws {
        let rules = try Fixture.rulesFolder()
        let data = try Fixture.dataFolder()
        let cache = try TemporaryFolder.make("serve-cache")
        let cli = try commend(["evaluate", "--rules", rules.path, "--data", data.path, "--phase", "dot1", "--format", "json",
                               "--no-cache"])
        #expect(cli.status == 0, "\(cli.err)")
        let server = try Server(["--rules", rules.path, "--data", data.path, "--cache", cache.path])
        let first = try await server.post("/v1/evaluate", json: ["phase": "dot1"])
        #expect(first.body == cli.out)
        let entries = (FileManager.default.enumerator(at: cache, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
            .filter { $0.pathExtension == "entry" }
        // One per award and scoring of the fixture (sk, diem).
        #expect(entries.count == 2)
        // A reused entry is marked as used: set back to 2001, it is newer after the second request.
        let old = Date(timeIntervalSince1970: 978_307_200)
        for entry in entries { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: entry.path) }
        let second = try await server.post("/v1/evaluate", json: ["phase": "dot1"])
        #expect(second.body == cli.out)
        for entry in entries {
            let used = try FileManager.default.attributesOfItem(atPath: entry.path)[.modificationDate] as? Date
            #expect((used ?? old) > old)
        }
        // A request's own data is evaluated without the cache, with the same answer.
        let inline = try await server.post("/v1/evaluate", json: ["phase": "dot1", "data": Fixture.data])
        #expect(inline.body == cli.out)
        try server.checkOpenAPI()
    }
}
