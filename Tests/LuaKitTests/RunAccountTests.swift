import LuaKit
import Testing

/// One run's limits shared by the states of its workers (RULES.md §2.5).
@Suite("Run account: limits per run, not per state")
struct RunAccountTests {
    static func state(_ limits: LuaLimits) throws -> LuaState { try LuaState(limits: limits) }

    /// Two states attached to one account for `limits`.
    static func attachedPair(_ limits: LuaLimits) throws -> (LuaState, LuaState, LuaRunAccount) {
        let a = try state(limits), b = try state(limits)
        let account = LuaRunAccount(limits: limits, loadedBy: a)
        a.attach(to: account)
        b.attach(to: account)
        return (a, b, account)
    }

    @Test func theInstructionBudgetIsSharedByEveryAttachedState() throws {
        let limits = LuaLimits(memory: nil, instructions: 1_000_000, instructionsPerCall: nil, seconds: nil)
        let (a, b, _) = try Self.attachedPair(limits)
        // About 600 000 instructions each: within the budget alone, over it together.
        let spend = "local s = 0 for i = 1, 300000 do s = s + i end return s"
        _ = try a.load(spend, chunkName: "=a").call()
        #expect {
            _ = try b.load(spend, chunkName: "=b").call()
        } throws: { error in
            (error as? LuaError)?.kind == .instructionLimit
        }
        // A state on its own would have run it twice.
        let alone = try Self.state(limits)
        _ = try alone.load(spend, chunkName: "=c").call()
    }

    @Test func theMemoryCapIsSharedAndATripStopsTheOtherStates() throws {
        let limits = LuaLimits(memory: 16 << 20, instructions: nil, instructionsPerCall: nil, seconds: nil)
        let (a, b, account) = try Self.attachedPair(limits)
        // 6 MiB kept by a (12 MiB while string.rep builds it), then as much
        // by b: within the 16 MiB cap alone, over it together.
        let keep = "big = string.rep('x', 6 << 20) return #big"
        _ = try a.load(keep, chunkName: "=a").call()
        #expect(account.memoryInUse > 6 << 20)
        #expect {
            _ = try b.load(keep, chunkName: "=b").call()
        } throws: { error in
            (error as? LuaError)?.kind == .memory
        }
        // The run is over: a stops at its next instructions too.
        #expect {
            _ = try a.load("local s = 0 for i = 1, 100000 do s = s + i end", chunkName: "=a2").call()
        } throws: { error in
            (error as? LuaError)?.kind == .memory
        }
    }
}
