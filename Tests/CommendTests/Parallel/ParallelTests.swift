import Synchronization
import Testing
@testable import Commend

@Suite("Parallel: work in parts")
struct ParallelTests {
    @Test func partsMakeTheSameArrayAsMap() {
        for count in [0, 1, 16_383, 16_384, 50_001] {
            let made = Parallel.array(count: count, threshold: 16_384) { i in "r\(i)" }
            #expect(made == (0..<count).map { "r\($0)" }, "\(count)")
        }
    }

    @Test func resultsComeInPartOrderWhateverTheThreads() {
        for threads in [1, 2, 4, 16] {
            let squares = Parallel.map(parts: 100, threads: threads) { p, _ in p * p }
            #expect(squares == (0..<100).map { $0 * $0 }, "\(threads) threads")
        }
    }

    struct Failed: Error, Equatable { var part: Int }

    @Test func theFirstFailingPartWinsAndEveryPartBeforeItRan() {
        let ran = Mutex<Set<Int>>([])
        #expect(throws: Failed(part: 7)) {
            try Parallel.map(parts: 40, threads: 4) { p, _ throws(Failed) -> Int in
                ran.withLock { _ = $0.insert(p) }
                if p == 7 || p == 20 { throw Failed(part: p) }
                return p
            }
        }
        ran.withLock { #expect($0.isSuperset(of: 0...7)) }
    }

    @Test func aThreadRunsItsPartsOneAfterTheOther() {
        // Per thread number: how many of its parts are running now; never more than one.
        let running = Mutex<[Int: Int]>([:])
        let overlaps = Mutex(0)
        _ = Parallel.map(parts: 200, threads: 3) { _, thread in
            running.withLock { $0[thread, default: 0] += 1; if $0[thread]! > 1 { overlaps.withLock { $0 += 1 } } }
            var x = 0
            for i in 0..<1000 { x &+= i }
            running.withLock { $0[thread]! -= 1 }
            return x
        }
        overlaps.withLock { #expect($0 == 0) }
    }

    @Test func bothRunsBothSides() {
        let (a, b) = Parallel.both({ (1...100).reduce(0, +) }, { "b" })
        #expect(a == 5050)
        #expect(b == "b")
    }
}
