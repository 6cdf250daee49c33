import Testing

/// Commend's bounded table.move/insert/remove/concat and string.rep
/// (Sources/LuaGlue/library.c) against the system liblua5.4's own: results,
/// error messages and the tables they leave must be the same. Cases are in
/// Corpus/library-corpus.lua (hand-written, then 1,500 generated).
@Suite(.serialized) struct LibraryDifferentialTests {
    @Test func everyCaseGivesStockLuasResults() throws {
        let stock = try CorpusState(corpus: "library-corpus", bounded: false)
        let bounded = try CorpusState(corpus: "library-corpus", bounded: true)
        let count = stock.integers("count")[0]
        #expect(count > 2_000)
        #expect(bounded.integers("count") == [count])
        var differences: [String] = []
        var errors = 0
        for index in 1...count {
            let expected = stock.call("run", index)
            bounded.allow(steps: 1_000_000)
            let got = bounded.call("run", index)
            bounded.allow(steps: nil)
            if expected.first.hasPrefix("(false") { errors += 1 }
            if got != expected {
                differences.append("\(stock.call("name", index).first)\n  stock:   \(expected.description)\n  bounded: \(got.description)")
            }
        }
        let differing = differences.count
        #expect(differing == 0, "\(differing) of \(count) cases differ; the first ones:\n\(differences.prefix(10).joined(separator: "\n"))")
        #expect(errors > 100)
    }
}
