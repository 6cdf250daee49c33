import Testing

/// Commend's bounded string.find/match/gmatch/gsub (Sources/LuaGlue/
/// pattern.c) against the system liblua5.4's own, case by case: every
/// result and every error message must be the same. The cases are in
/// Corpus/pattern-corpus.lua: hand-written edge cases, then 4,000 generated
/// pattern/subject pairs (11 calls each) with captures, position captures,
/// %b, %f, anchors, malformed items, gsub with string, table and function
/// replacements and counts, init arguments negative and past the end.
@Suite(.serialized) struct PatternDifferentialTests {
    /// Steps allowed to one case of the bounded side: no case needs close
    /// to this, so hitting it means the matcher counts far too much.
    static let caseBudget: Int64 = 1_000_000

    let stock: CorpusState
    let bounded: CorpusState

    init() throws {
        stock = try CorpusState(corpus: "pattern-corpus", bounded: false)
        bounded = try CorpusState(corpus: "pattern-corpus", bounded: true)
    }

    @Test func everyCaseGivesStockLuasResults() {
        let count = stock.integers("count")[0]
        #expect(bounded.integers("count") == stock.integers("count"))
        #expect(count > 50_000)
        let (differences, outcomes) = CorpusState.compare(stock: stock, bounded: bounded, count: count,
                                                          run: "run", describe: "describe", budget: Self.caseBudget)
        let errors = outcomes.filter { $0.hasPrefix("ERR:") }.count
        let differing = differences.count
        #expect(differing == 0, "\(differing) of \(count) cases differ; the first ones:\n\(differences.prefix(10).joined(separator: "\n"))")
        // The corpus exercises the error messages too, not only matches.
        #expect(errors > 1_000)
    }

    /// A run stopped by a tiny budget either finished with the same outcome
    /// or ended with the limit error; run again without a budget it gives
    /// the same outcome; a gmatch iterator stopped mid-way resumes where it
    /// was.
    @Test func abortedCallsLeaveNothingDamaged() {
        let count = stock.integers("count")[1]
        var differences: [String] = []
        var aborted = 0
        for index in 1...count {
            let expected = stock.call("run_sample", index)
            let budget = Int64(index % 41)
            if bounded.call("sample_is_gmatch", index).first == "true" {
                let (got, stops) = resumeGmatch(index, budget: budget)
                aborted += stops
                if got != expected.first { differences.append("gmatch \(index): \(expected.first) / \(got)") }
                continue
            }
            bounded.allow(steps: budget)
            let first = bounded.call("run_sample", index)
            if first.ok {
                if first != expected { differences.append("budgeted \(index): \(expected.description) / \(first.description)") }
            } else if first.first.hasSuffix("instruction limit exceeded") {
                aborted += 1
            } else {
                differences.append("budgeted \(index): \(first.description)")
            }
            bounded.allow(steps: nil)
            let second = bounded.call("run_sample", index)
            if second != expected { differences.append("after abort \(index): \(expected.description) / \(second.description)") }
        }
        let differing = differences.count
        #expect(differing == 0, "\(differences.prefix(10).joined(separator: "\n"))")
        #expect(aborted > count / 2)
    }

    private func resumeGmatch(_ index: Int, budget: Int64) -> (String, Int) {
        bounded.allow(steps: nil)
        let begun = bounded.call("gmatch_begin", index)
        if let error = begun.values.first, let error { return (String(decoding: error, as: UTF8.self), 0) }
        var parts: [String] = []
        var stops = 0
        for _ in 0..<2000 {
            bounded.allow(steps: budget)
            var step = bounded.call("gmatch_step")
            if !step.ok {
                stops += 1
                bounded.allow(steps: nil)
                step = bounded.call("gmatch_step")
            }
            bounded.allow(steps: nil)
            let text = step.first
            if text == "END" { break }
            parts.append(text)
            if text.hasPrefix("ERR:") { break }
        }
        return ("OK:" + parts.joined(separator: ";"), stops)
    }

    /// Method calls (`s:find`), the function names in argument errors,
    /// coroutines around gsub and gmatch, matching nested in a callback.
    @Test func methodsNamesAndCoroutines() {
        let count = stock.integers("count")[2]
        for index in 1...count {
            let expected = stock.call("run_method", index)
            bounded.allow(steps: Self.caseBudget)
            let got = bounded.call("run_method", index)
            bounded.allow(steps: nil)
            #expect(got == expected, "method case \(index)")
        }
    }

    /// Patterns that backtrack exponentially (or scan quadratically) end
    /// with the limit error within the budget; a linear one does not.
    @Test func bombsEndWithTheLimitError() {
        let count = stock.integers("count")[3]
        for index in 1...count {
            let name = bounded.call("bomb_name", index).first
            let expectsLimit = bounded.call("bomb_expects_limit", index).first == "true"
            bounded.allow(steps: 10_000_000)
            let outcome = bounded.call("run_bomb", index)
            let stopped = !outcome.ok && outcome.first.hasSuffix("instruction limit exceeded") && bounded.isTripped
            bounded.allow(steps: nil)
            #expect(stopped == expectsLimit, "\(name): \(outcome.description)")
        }
    }

    /// Work too small to fill a batch of steps is charged all the same.
    @Test func smallCallsAreCharged() {
        bounded.allow(steps: nil)
        let found = bounded.call("small")
        // "o w" starts at the 5th byte of "hello world" and ends at the 7th.
        #expect(found.description == "5, 7")
        #expect(bounded.stepsCharged > 0)
    }
}
