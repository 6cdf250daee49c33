import Foundation
import Testing
@testable import LuaKit

@Test func twoStatesOnTwoThreadsAtOnce() async throws {
    let results = try await withThrowingTaskGroup(of: Int.self) { group in
        for seed in [1, 2] {
            group.addTask {
                let box = try TestSandbox()
                let r = try box.run("local s = 0 for i = 1, 2000000 do s = (s + i * \(seed)) % 1000003 end return s")
                guard case .integer(let v) = r[0] else { return -1 }
                return v
            }
        }
        var all: [Int] = []
        for try await v in group { all.append(v) }
        return all.sorted()
    }
    // Worked out independently: sum of i*seed mod 1000003 over 1...2000000.
    func expected(_ seed: Int) -> Int {
        var s = 0
        for i in 1...2_000_000 { s = (s + i * seed) % 1_000_003 }
        return s
    }
    #expect(results == [expected(1), expected(2)].sorted())
}
