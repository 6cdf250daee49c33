import Commend

/// A problem with the store of recorded runs: a database that cannot be
/// opened, written or understood, or a request it cannot answer (an unknown
/// run, a second final decision without `--replace`). The command line
/// reports it as bad usage (exit 2).
public struct StoreError: CommendError {
    public var description: String
    public init(_ description: String) { self.description = description }
}
