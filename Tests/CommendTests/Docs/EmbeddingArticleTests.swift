import Commend
import Foundation
import Testing

/// The code example of the DocC article "Embedding Commend" is the code
/// between the markers below, indented: it compiles and runs here.
@Suite("Docs: the Embedding Commend article")
struct EmbeddingArticleTests {
    static func articleExample() async throws -> [(String, [String])] {
        // article-begin
        let rules = try RuleSet(sources: [
            "plan.lua": """
                plan {
                  id = "vi-du", name = "Thi đua 2021", year = 2021,
                  phases = { { id = "dot1", name = "Đợt 1", from = "2021-01-01", to = "2021-06-30" } },
                  fields = { members = { rating = enum { "xuat_sac", "tot", "hoan_thanh" } },
                             units = { cluster = "string" } },
                }
                """,
            "awards.lua": """
                award "tien-tien" {
                  name = "Lao động tiên tiến", subject = "member",
                  criteria = { { id = "rating", text = "Tốt trở lên",
                                 check = function(m) return m.rating == "xuat_sac" or m.rating == "tot" end } },
                }
                """,
        ])
        var data = DatasetBuilder(rules: rules)
        data.addUnit(["id": "U1", "name": "Tổ 1", "cluster": "A"])
        data.addMember(["id": "M1", "unit": "U1", "rating": "Tốt"])
        data.addMember(["id": "M2", "unit": "U1", "rating": "hoan_thanh"])
        let result = try await rules.evaluate(data.build(), phase: "dot1")
        let failed = result.award("tien-tien")!.results.map { ($0.subject, $0.failed) }
        // [("M1", []), ("M2", ["rating"])]
        // article-end
        return failed
    }

    @Test("the article's example runs and gives what its comment says")
    func exampleRuns() async throws {
        let failed = try await Self.articleExample()
        #expect(failed.map(\.0) == ["M1", "M2"])
        #expect(failed.map(\.1) == [[], ["rating"]])
    }

    @Test("the article's code block is the code of this test")
    func articleShowsThisCode() throws {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let article = try String(contentsOf: root.appendingPathComponent("Sources/Commend/Commend.docc/Embedding-Commend.md"),
                                 encoding: .utf8)
        let source = try String(contentsOf: here, encoding: .utf8)
        let block = try #require(article.components(separatedBy: "```swift\n").dropFirst().first?
            .components(separatedBy: "```").first)
        let marked = try #require(source.components(separatedBy: "        // article-begin\n").dropFirst().first?
            .components(separatedBy: "        // article-end").first)
        let dedented = marked.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : String($0) }
            .joined(separator: "\n")
        #expect(block == dedented)
    }
}
