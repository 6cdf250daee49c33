/// The limits a Lua state enforces on the code it runs.
///
/// Every limit is enforced outside the script's reach: the memory cap by the
/// allocator, the instruction budgets and the deadline by a count hook (and by
/// the pattern functions, which charge their matching steps). Once a limit
/// trips, every further Lua instruction raises again, so `pcall` cannot catch
/// or outlive it.
public struct LuaLimits: Sendable, Hashable {
    /// Memory cap in bytes for everything the state allocates; `nil`: none.
    public var memory: Int?
    /// Instructions for the whole life of the state (one run); `nil`: none.
    public var instructions: Int?
    /// Instructions for one call from Swift into Lua; `nil`: none.
    public var instructionsPerCall: Int?
    /// Wall-clock seconds from the state's creation, or from `restartClock()`.
    public var seconds: Double?
    /// Instructions between two checks of the hook.
    public var hookInterval: Int

    /// Limits; nil means no limit for that resource.
    public init(
        memory: Int? = 256 << 20,
        instructions: Int? = 100_000_000_000,
        instructionsPerCall: Int? = 100_000_000,
        seconds: Double? = 600,
        hookInterval: Int = 1000
    ) {
        self.memory = memory
        self.instructions = instructions
        self.instructionsPerCall = instructionsPerCall
        self.seconds = seconds
        self.hookInterval = hookInterval
    }

    /// Safe defaults: 256 MiB, 10¹¹ instructions per run, 10⁸ per call, 600 s.
    /// A runaway call stops on its 10⁸ instructions (well under a second);
    /// the run-wide limits are backstops sized for a national dataset.
    public static let `default` = LuaLimits()
    /// No limit at all (for trusted code and benchmarks).
    public static let unlimited = LuaLimits(memory: nil, instructions: nil, instructionsPerCall: nil, seconds: nil)
}
