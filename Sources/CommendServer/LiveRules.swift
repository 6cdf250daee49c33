import Commend
import Foundation
import LuaKit

/// The rules being served. Loaded once; before each request the rules
/// directory's file stamps (sizes and modification times of every `.lua`)
/// are compared with the last ones, and on a change the rules are loaded
/// again: a change that loads without errors (what `commend check` accepts)
/// is served from that request on; one that fails keeps the last good rules
/// and is reported in `/v1/health` until a later change loads. Each good
/// version of the rules comes with its pool of loaded Lua states, made when
/// it loads and replaced with it.
final class LiveRules: @unchecked Sendable {
    /// A reload that failed: the problems `commend check` would print.
    struct Failure: Sendable {
        var problems: [RuleProblem]
        var stamps: FileStamps
    }

    private let directory: URL
    private let displayName: String
    private let limits: LuaLimits
    private let poolSize: Int
    private let lock = NSLock()
    private var good: RuleSet
    private var pool: RuntimePool
    private var stamps: FileStamps
    private var failure: Failure?
    /// How many times the rules were loaded again after a change.
    private(set) var reloads = 0

    /// Loads the rules; throws when they do not load (the server does not start).
    /// `poolSize` Lua states are kept loaded with the rules.
    init(directory: URL, displayName: String, limits: LuaLimits, poolSize: Int) throws {
        self.directory = directory
        self.displayName = displayName
        self.limits = limits
        self.poolSize = poolSize
        stamps = FileStamps.scan(directory, suffix: ".lua")
        good = try RuleSet.load(directory: directory, displayName: displayName, limits: limits)
        pool = try RuntimePool(rules: good, capacity: poolSize, limits: limits)
    }

    /// The rules to serve now, after loading them again if a file changed.
    func current() -> RuleSet { serving().rules }

    /// The rules to serve now and their loaded states, after loading them
    /// again if a file changed.
    func serving() -> (rules: RuleSet, pool: RuntimePool) {
        let now = FileStamps.scan(directory, suffix: ".lua")
        lock.lock()
        defer { lock.unlock() }
        guard now != stamps else { return (good, pool) }
        stamps = now
        reloads += 1
        do {
            let rules = try RuleSet.load(directory: directory, displayName: displayName, limits: limits)
            pool = try RuntimePool(rules: rules, capacity: poolSize, limits: limits)
            good = rules
            failure = nil
        } catch let error as RuleLoadError {
            failure = Failure(problems: error.problems, stamps: now)
        } catch {
            failure = Failure(problems: [RuleProblem(at: nil, String(describing: error))], stamps: now)
        }
        return (good, pool)
    }

    /// The rules last served and the failure of the last reload, without scanning.
    var state: (rules: RuleSet, failure: Failure?) {
        lock.lock()
        defer { lock.unlock() }
        return (good, failure)
    }
}
