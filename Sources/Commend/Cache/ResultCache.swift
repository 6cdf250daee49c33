import Foundation

/// Award and scoring results kept on disk between runs, so that a run
/// evaluates only what changed (the administrator's loop: edit a criterion,
/// run again). Give one to `EvaluationOptions.cache`, with the digest of the
/// data in `EvaluationOptions.dataDigest`.
///
/// A declaration's result is kept under a key made of the engine's build,
/// the data digest, the phase, the plan, the ids of every declaration, the
/// declaration's own fields and functions (bytecode and captured values,
/// recursively: see `RuleFingerprints`), the key of its quota base, and the
/// keys of the declarations and modules it read while evaluating
/// (`ctx.awarded`, `ctx.total`, ... and `require` at evaluation time). A run
/// reuses a result only when all of these are as they were, so its output is
/// byte-identical to a run without the cache. Failed evaluations are never
/// kept.
///
/// Entries are files written whole (a temporary file, then a rename), so
/// concurrent runs never see half an entry; an entry that does not read
/// (corrupt, truncated, another format version) is ignored and evaluated
/// anew. When the folder holds more than `maxBytes`, the least recently
/// used entries are removed.
public final class ResultCache: @unchecked Sendable {
    /// The folder of the cache.
    public let directory: URL
    /// The size above which the least recently used entries are removed.
    public let maxBytes: Int
    /// The version of the entries' format: another version's entries are not read.
    static let format = 1

    private let lock = NSLock()
    private var fingerprints: (digest: String, value: RuleFingerprints)?
    private var counts = Statistics()

    /// What a cache did so far.
    public struct Statistics: Sendable, Equatable {
        /// Awards and scorings whose result was reused.
        public var reused: [String] = []
        /// Awards and scorings evaluated (and kept, when they did not fail).
        public var evaluated: [String] = []
    }

    /// A cache in `directory` (created when first written), at most `maxBytes` large.
    public init(directory: URL, maxBytes: Int = 1 << 30) {
        self.directory = directory
        self.maxBytes = maxBytes
    }

    /// `.commend-cache` in the folder that holds `rules` (beside it).
    public static func beside(rules: URL) -> URL {
        rules.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".commend-cache")
    }

    /// What was reused and evaluated since the last call, as `award:id` and `scoring:id`.
    public func takeStatistics() -> Statistics {
        lock.withLock {
            defer { counts = Statistics() }
            return counts
        }
    }

    func note(_ name: String, reused: Bool) {
        lock.withLock {
            if reused { counts.reused.append(name) } else { counts.evaluated.append(name) }
        }
    }

    /// The fingerprints of `rules`' declarations, made once per rule set.
    func fingerprints(_ rules: RuleSet) throws -> RuleFingerprints {
        try lock.withLock {
            if let known = fingerprints, known.digest == rules.digest + rules.files.displayPrefix { return known.value }
            let made = try RuleFingerprints(files: rules.files)
            fingerprints = (rules.digest + rules.files.displayPrefix, made)
            return made
        }
    }

    // MARK: Files

    private var root: URL { directory.appendingPathComponent("v\(Self.format)") }

    private func file(_ key: String, _ suffix: String) -> URL {
        let hex = key.hasPrefix("sha256:") ? String(key.dropFirst(7)) : key
        return root.appendingPathComponent(String(hex.prefix(2))).appendingPathComponent(hex + suffix)
    }

    private static let magic = Array("commend-cache\n".utf8)

    /// Whether a file is stored under `key` (whole or not: `read` tells).
    func has(_ key: String, suffix: String) -> Bool {
        FileManager.default.fileExists(atPath: file(key, suffix).path)
    }

    /// The payload stored under `key`, if it is there and whole; marks it used.
    func read(_ key: String, suffix: String) -> [UInt8]? {
        let url = file(key, suffix)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let bytes = [UInt8](data)
        var r = CacheReader(bytes)
        guard bytes.starts(with: Self.magic) else { return nil }
        for _ in Self.magic { _ = try? r.byte() }
        guard (try? r.count()) == Self.format, (try? r.string()) == key,
              let length = try? r.count(below: bytes.count + 1) else { return nil }
        let start = bytes.count - 32 - length
        guard start >= 0 else { return nil }
        let payload = Array(bytes[start..<(start + length)])
        let hasher = SHA256Hasher()
        hasher.update(payload)
        guard hasher.finishBytes() == Array(bytes[(start + length)...]) else { return nil }
        // Recently used: what eviction keeps.
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: url.path)
        return payload
    }

    /// Stores `payload` under `key`: written to a temporary file, then renamed.
    func write(_ key: String, suffix: String, _ payload: [UInt8]) {
        let url = file(key, suffix)
        var header = CacheWriter()
        header.raw(Self.magic)
        header.count(Self.format)
        header.string(key)
        header.count(payload.count)
        let hasher = SHA256Hasher()
        hasher.update(payload)
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt64.random(in: 0...UInt64.max)).tmp")
            var data = Data(header.bytes)
            data.append(contentsOf: payload)
            data.append(contentsOf: hasher.finishBytes())
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 { try? fm.removeItem(at: temporary) }
        } catch {
            // A cache that cannot be written is a cache that misses: the run goes on.
        }
    }

    /// Removes the least recently used files until the cache is within
    /// `maxBytes` (down to nine tenths of it, so that it is not done at every run).
    func evict() {
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]) else { return }
        var files: [(url: URL, size: Int, used: Date)] = []
        var total = 0
        for case let url as URL in walker {
            guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]),
                  values.isRegularFile == true else { continue }
            let size = values.fileSize ?? 0
            total += size
            files.append((url, size, values.contentModificationDate ?? .distantPast))
        }
        guard total > maxBytes else { return }
        for file in files.sorted(by: { $0.used < $1.used }) {
            guard total > maxBytes / 10 * 9 else { break }
            if (try? fm.removeItem(at: file.url)) != nil { total -= file.size }
        }
    }
}

extension ResultCache {
    /// What identifies a dataset loaded from `directory` for `EvaluationOptions.dataDigest`:
    /// the digest of its files and the history entries it holds (the recorded
    /// history a command adds to the files' own).
    public static func dataDigest(directory: URL, dataset: Dataset) throws -> String {
        dataDigest(files: try DataFilesDigest.of(directory), history: dataset.history)
    }

    /// The same from the files' digest (`DataFilesDigest.of`).
    public static func dataDigest(files: String, history: [HistoryEntry]) -> String {
        let hasher = SHA256Hasher()
        hasher.update(Array(files.utf8) + [0])
        for entry in history {
            hasher.update(Array("\(entry.subject)\u{0}\(entry.award)\u{0}\(entry.year)\u{0}".utf8))
        }
        return hasher.finish()
    }
}
