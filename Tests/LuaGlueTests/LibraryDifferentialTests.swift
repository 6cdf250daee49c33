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
        let (differences, outcomes) = CorpusState.compare(stock: stock, bounded: bounded, count: count,
                                                          run: "run", describe: "name", budget: 1_000_000)
        let errors = outcomes.filter { $0.hasPrefix("(false") }.count
        let differing = differences.count
        #expect(differing == 0, "\(differing) of \(count) cases differ; the first ones:\n\(differences.prefix(10).joined(separator: "\n"))")
        #expect(errors > 100)
    }
}
