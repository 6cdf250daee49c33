import LuaGlue

/// The limits of one run, shared by the Lua states of its workers: one
/// instruction budget and one memory account that every attached
/// state charges, so that whether a run stays within its limits, and so its
/// output, does not depend on how many workers share the work.
///
/// Each worker loads the scripts into its own state before it is attached;
/// that loading is charged once: the account starts with what one state
/// spent on it, and each state charges only what it allocates after.
public final class LuaRunAccount: @unchecked Sendable {
    let pointer: OpaquePointer
    /// The memory cap in bytes (nil: none).
    public let memory: Int?

    /// An account for `limits`, of which one state's loading already spent
    /// `instructions` instructions and holds `memory` bytes.
    public convenience init(limits: LuaLimits, loadedBy state: LuaState) {
        self.init(limits: limits, loadInstructions: state.instructionsExecuted, loadMemory: state.memoryInUse)
    }

    /// An account for `limits`, of which loading already spent
    /// `loadInstructions` instructions and `loadMemory` bytes: for a state
    /// used again by a later run, the figures of its loading, not its
    /// counters now (loading counts once per run).
    public init(limits: LuaLimits, loadInstructions: Int, loadMemory: Int) {
        let left = limits.instructions.map { Int64(max(0, $0 - loadInstructions)) } ?? -1
        memory = limits.memory
        pointer = cg_account_new(left, Int64(limits.memory ?? 0), Int64(loadMemory))
    }

    deinit { cg_account_free(pointer) }

    /// Bytes charged to the run now.
    public var memoryInUse: Int { Int(cg_account_used(pointer)) }

    /// Charges `instructions` that the run did not execute but must count (a
    /// result reused from a cache, which took that many to compute), when
    /// that many are left; false, and nothing charged, when they are not.
    public func take(instructions: Int) -> Bool {
        cg_account_take(pointer, Int64(instructions)) != 0
    }
}

extension LuaState {
    /// The run's account this state charges, once attached.
    public var runAccount: LuaRunAccount? { account }

    /// Charges this state's instructions and further memory to `account`
    /// instead of its own limits, from now on.
    public func attach(to account: LuaRunAccount) {
        self.account = account
        cg_account_attach(L, account.pointer)
    }
}
