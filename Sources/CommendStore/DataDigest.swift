import Commend
import Foundation

/// The digest of a data directory recorded with each run (RULES.md §8):
/// `DataFilesDigest` (in the engine, where the result cache uses it too).
public enum DataDigest {
    /// The digest of the folder or file at `url` (`DataFilesDigest.of`).
    public static func of(_ url: URL) throws -> String {
        do {
            return try DataFilesDigest.of(url)
        } catch is NoSuchDirectory {
            throw StoreError("\(url.path): no such data directory")
        }
    }
}
