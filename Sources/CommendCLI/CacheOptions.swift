import ArgumentParser
import Commend
import Foundation

/// `--no-cache`, `--cache DIR`: the result cache of the commands that evaluate.
struct CacheOptions: ParsableArguments {
    @Flag(help: "Evaluate every award and scoring anew: neither read nor write the result cache.")
    var noCache = false

    @Option(help: ArgumentHelp(
        "The result cache folder (default: .commend-cache beside the rules directory). Results of awards and scorings whose rules, data and inputs did not change are reused; the output is the same.",
        valueName: "DIR"))
    var cache: String?

    @Option(name: .customLong("cache-size"), help: ArgumentHelp(
        "Size of the result cache, in MiB; the least recently used results are removed beyond it.", valueName: "MiB"))
    var cacheSize = 1024

    func validate() throws {
        guard cacheSize > 0 else { throw ValidationError("--cache-size must be positive") }
    }

    /// The cache for the rules at `rules`, or nil with --no-cache.
    func resultCache(rules: String) -> ResultCache? {
        guard !noCache else { return nil }
        let directory = cache.map { URL(fileURLWithPath: $0) } ?? ResultCache.beside(rules: URL(fileURLWithPath: rules))
        return ResultCache(directory: directory, maxBytes: cacheSize << 20)
    }

    /// The digest of the data files at `dataDirectory` for the cache, or nil
    /// with --no-cache (or when they cannot be read: no cache then).
    func filesDigest(dataDirectory: String) -> String? {
        noCache ? nil : try? DataFilesDigest.of(URL(fileURLWithPath: dataDirectory))
    }

    /// `options` with the cache for `rules` and the digest of `dataset`,
    /// whose files have the digest `files` (`filesDigest(dataDirectory:)`,
    /// computed once per command).
    func apply(to options: inout EvaluationOptions, rules: String, files: String?, dataset: Dataset) {
        guard let cache = resultCache(rules: rules), let files else { return }
        options.cache = cache
        options.dataDigest = ResultCache.dataDigest(files: files, history: dataset.history)
    }
}

extension ResultCache {
    /// `cache: 7 reused, 1 evaluated (award:x)` for --timings, and starts counting anew.
    func summary() -> String {
        let counts = takeStatistics()
        let evaluated = counts.evaluated.isEmpty ? "" : " (" + counts.evaluated.joined(separator: ", ") + ")"
        return "cache: \(counts.reused.count) reused, \(counts.evaluated.count) evaluated\(evaluated)"
    }
}
