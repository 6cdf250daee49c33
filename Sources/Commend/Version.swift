/// The version of the engine: printed by `commend --version` and recorded
/// with every stored run (RULES.md §8), so that a decision can be traced to
/// the code that made it.
public enum CommendVersion {
    /// The version, `MAJOR.MINOR.PATCH`.
    public static let current = "0.8.0"
}
