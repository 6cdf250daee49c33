import Foundation
import LuaKit

/// One run's use of a `ResultCache`: the key of every finished declaration,
/// the lookup before a declaration is evaluated and the entry kept after.
///
/// A declaration's entries are found through its *base key* (everything but
/// what it read), under which a small manifest lists the reads of each
/// stored evaluation (declarations and modules, with the keys they had). A
/// stored evaluation is valid when each read has the same key now; a read
/// declaration not finished yet makes it not valid (yet): the declaration
/// is then evaluated, as without the cache.
final class CacheSession {
    let cache: ResultCache
    private let fingerprints: RuleFingerprints
    private let global: String
    /// The key of each finished declaration of the run.
    private var keys: [DeclarationID: String] = [:]
    /// What each declaration evaluated so far read, over every worker and batch.
    private var pending: [DeclarationID: (reads: Set<ReadLog.Read>, instructions: Int, volatileCalls: Int)] = [:]

    /// A session for `run`, or nil when its options name no cache or data
    /// digest, or the rules cannot be fingerprinted (the run goes on without).
    static func make(for run: Run) -> CacheSession? {
        guard let cache = run.options.cache, let data = run.options.dataDigest,
              let fingerprints = try? cache.fingerprints(run.rules) else { return nil }
        let session = CacheSession(cache: cache, fingerprints: fingerprints, global: globalKey(run, data: data))
        for worker in run.workers {
            worker.reads = ReadLog()
            worker.reads.enabled = true
            worker.runtime.sandbox.onRequire = { [weak worker] name in worker?.reads.note(module: name) }
        }
        return session
    }

    private init(cache: ResultCache, fingerprints: RuleFingerprints, global: String) {
        self.cache = cache
        self.fingerprints = fingerprints
        self.global = global
    }

    /// What every key of the run holds: the engine's build, the format, the
    /// data, the phase, the plan, the ids of every declaration (which `ctx`
    /// and `ctx.history` resolve names against), and the limits a reuse
    /// cannot replay: a run held to a smaller memory cap, wall clock or
    /// per-call budget must fail where an evaluation would, not reuse what a
    /// roomier run computed. (The run's instruction budget and result
    /// memory are charged what a reused result took instead.)
    private static func globalKey(_ run: Run, data: String) -> String {
        let limits = run.options.limits
        let limitText = [limits.memory.map(String.init), limits.instructionsPerCall.map(String.init),
                         limits.seconds.map { String($0) }].map { $0 ?? "-" }.joined(separator: " ")
        var parts = [engineBuild, String(ResultCache.format), data, run.rules.files.displayPrefix,
                     CanonicalText.of(run.data.phase), CanonicalText.of(run.rules.plan), limitText]
        parts += run.rules.declarationIDs.map { "\($0.kind.rawValue):\(run.rules.declaration($0).id):\(run.rules.declaration($0).subject)" }
        return digest(parts)
    }

    /// The running engine: its version and its executable's size and time,
    /// so that a rebuilt engine does not reuse what an older one computed.
    private static let engineBuild: String = {
        var text = CommendVersion.current
        if let path = Bundle.main.executablePath, let attributes = try? FileManager.default.attributesOfItem(atPath: path) {
            text += " \(attributes[.size] ?? 0) \((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        }
        return text
    }()

    private static func digest(_ parts: [String]) -> String {
        let hasher = SHA256Hasher()
        for part in parts { hasher.update(Array(part.utf8) + [0]) }
        return hasher.finish()
    }

    // MARK: Lookup

    /// The key of a stored evaluation of `id` valid now, if any.
    private func valid(_ id: DeclarationID, in run: Run) -> String? {
        // Without a base key (its quota base not finished), evaluating asks for the base.
        guard let base = baseKey(id, in: run) else { return nil }
        variants: for variant in Self.manifest(base, in: cache) {
            var current: [(token: String, key: String)] = []
            for (token, recorded) in variant {
                guard let read = resolve(token, in: run) else { continue variants }
                if case .declaration(let other) = read, run.store.applies(other), keys[other] == nil { continue variants }
                let key = self.key(of: read, in: run)
                guard key == recorded else { continue variants }
                current.append((token, key))
            }
            let full = entryKey(base, current)
            if cache.has(full, suffix: ".entry") { return full }
        }
        return nil
    }

    /// Whether `id` will probably be reused: it is left out of the batches
    /// evaluated before its turn.
    func mayReuse(_ id: DeclarationID, in run: Run) -> Bool {
        valid(id, in: run) != nil
    }

    /// Reuses a stored result of `id` when one is valid: its result, state,
    /// printed messages and what it charged to the run's limits.
    func reuse(_ id: DeclarationID, in run: Run) -> Bool {
        guard let full = valid(id, in: run), let bytes = cache.read(full, suffix: ".entry"),
              let entry = try? CachedDeclaration.decode(bytes, declaration: id, rules: run.rules, data: run.data)
        else { return false }
        // The result memory and instructions it took are charged as
        // evaluating would; past a limit, evaluating finds where it stops.
        if let limit = run.store.budget.limit, run.store.budget.used + entry.resultBytes > limit { return false }
        if let account = run.workers.first?.state.runAccount, !account.take(instructions: entry.instructions) { return false }
        _ = run.store.budget.charge(entry.resultBytes)
        let view = run.data.view(run.rules.declaration(id).subject)
        run.results[id] = entry.result
        run.store.publish(id, entry.state, index: view.rowIndex)
        run.subjects += view.count
        run.printed.add(entry.printed, dropped: entry.printedTotal - entry.printed.count)
        keys[id] = full
        cache.note(name(id, in: run), reused: true)
        return true
    }

    /// The applicable award `id`'s quota counts from, if any.
    private func quotaBase(_ id: DeclarationID, in run: Run) -> DeclarationID? {
        guard id.kind == .award, let base = run.rules.awards[id.index].quota?.base,
              let index = run.rules.awards.firstIndex(where: { $0.id == base }) else { return nil }
        let baseID = DeclarationID.award(index)
        return run.store.applies(baseID) ? baseID : nil
    }

    /// The global key, the declaration's fingerprint and its quota base's
    /// key; nil while that base is not finished.
    private func baseKey(_ id: DeclarationID, in run: Run) -> String? {
        guard let fingerprint = try? fingerprints.declaration(id) else { return nil }
        var parts = [global, fingerprint]
        if let base = quotaBase(id, in: run) {
            guard let key = keys[base] else { return nil }
            parts.append(key)
        }
        return Self.digest(parts)
    }

    private func entryKey(_ base: String, _ reads: [(token: String, key: String)]) -> String {
        Self.digest([base] + reads.flatMap { [$0.token, $0.key] })
    }

    // MARK: Reads

    private func token(_ read: ReadLog.Read, in run: Run) -> String {
        switch read {
        case .declaration(let id): "\(id.kind.rawValue):\(run.rules.declaration(id).id)"
        case .module(let name): "module:\(name)"
        }
    }

    private func resolve(_ token: String, in run: Run) -> ReadLog.Read? {
        guard let colon = token.firstIndex(of: ":") else { return nil }
        let kind = token[..<colon], name = String(token[token.index(after: colon)...])
        switch kind {
        case "module": return .module(name)
        case "award": return run.rules.awards.firstIndex { $0.id == name }.map { .declaration(.award($0)) }
        case "scoring": return run.rules.scorings.firstIndex { $0.id == name }.map { .declaration(.scoring($0)) }
        default: return nil
        }
    }

    /// The key a read has now: a finished declaration's key, `n/a` for one
    /// that does not apply in the phase, a module's digest.
    private func key(of read: ReadLog.Read, in run: Run) -> String {
        switch read {
        case .declaration(let id): run.store.applies(id) ? (keys[id] ?? "unfinished") : "n/a"
        case .module(let name): fingerprints.module(name) ?? "missing"
        }
    }

    private func name(_ id: DeclarationID, in run: Run) -> String {
        "\(id.kind.rawValue):\(run.rules.declaration(id).id)"
    }

    // MARK: Keeping

    /// Takes what each worker's declarations read in the batch just run.
    func collectReads(from workers: [Worker]) {
        for worker in workers {
            for (id, marks) in worker.reads.take() {
                var entry = pending[id] ?? ([], 0, 0)
                entry.reads.formUnion(marks.declarations.map(ReadLog.Read.declaration))
                entry.reads.formUnion(marks.modules.map(ReadLog.Read.module))
                entry.instructions += marks.instructions
                entry.volatileCalls += marks.volatileCalls
                pending[id] = entry
            }
        }
    }

    /// Keeps the result of `id`, just evaluated without error, with what it printed.
    func keep(_ id: DeclarationID, in run: Run, printed messages: PrintedMessages) {
        let done = pending.removeValue(forKey: id) ?? ([], 0, 0)
        guard done.volatileCalls == 0 else {
            // It asked the clock: not kept, and a key of its own for this
            // run, so that nothing that read it is reused either.
            keys[id] = "volatile:" + UUID().uuidString
            cache.note(name(id, in: run), reused: false)
            return
        }
        guard let base = baseKey(id, in: run), let result = run.results[id] else { return }
        let current = done.reads.map { (token: token($0, in: run), key: key(of: $0, in: run)) }.sorted { $0.token < $1.token }
        let full = entryKey(base, current)
        keys[id] = full
        cache.note(name(id, in: run), reused: false)
        let printed = Array(messages.kept.prefix(Diagnostic.cap)), printedTotal = messages.kept.count + messages.dropped
        let cache = self.cache, instructions = done.instructions
        let view = run.data.view(run.rules.declaration(id).subject)
        // Written while the run goes on (on a core the workers leave idle
        // while the next results are reused); `deinit` waits for the writes.
        // Held to one thread, the run writes them itself.
        let write: @Sendable () -> Void = {
            let payload = CachedDeclaration.encode(result, printed: printed, printedTotal: printedTotal,
                                                   instructions: instructions, view: view)
            cache.write(full, suffix: ".entry", payload)
            var variants = Self.manifest(base, in: cache).filter { $0.map(\.token) != current.map(\.token) || $0.map(\.key) != current.map(\.key) }
            variants.insert(current, at: 0)
            cache.write(base, suffix: ".manifest", Self.encodeManifest(Array(variants.prefix(8))))
        }
        wrote = true
        if Parallel.cores > 1 { writes.async(group: writing, execute: write) } else { write() }
    }

    private let writes = DispatchQueue(label: "commend.cache.writes")
    private let writing = DispatchGroup()
    /// Whether this run kept anything (the cache may have grown past its size).
    private var wrote = false

    /// Waits for the writes, then holds the cache to its size once for the
    /// run (walking the whole folder after every result kept was the same
    /// work again and again).
    deinit {
        writing.wait()
        if wrote { cache.evict() }
    }

    // MARK: Manifests

    private static func manifest(_ base: String, in cache: ResultCache) -> [[(token: String, key: String)]] {
        guard let bytes = cache.read(base, suffix: ".manifest") else { return [] }
        var r = CacheReader(bytes)
        guard let count = try? r.count(below: 64) else { return [] }
        var variants: [[(token: String, key: String)]] = []
        for _ in 0..<count {
            guard let n = try? r.count(below: 1 << 16) else { return [] }
            var variant: [(token: String, key: String)] = []
            for _ in 0..<n {
                guard let token = try? r.string(), let key = try? r.string() else { return [] }
                variant.append((token, key))
            }
            variants.append(variant)
        }
        return variants
    }

    private static func encodeManifest(_ variants: [[(token: String, key: String)]]) -> [UInt8] {
        var w = CacheWriter()
        w.count(variants.count)
        for variant in variants {
            w.count(variant.count)
            for (token, key) in variant { w.string(token); w.string(key) }
        }
        return w.bytes
    }
}
