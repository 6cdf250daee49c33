/// A value before and after a rule change: `old` from the old rules, `new`
/// from the new ones.
public struct Transition<Value: Hashable & Sendable>: Sendable, Hashable {
    /// The value from the old rules.
    public var old: Value
    /// The value from the new rules.
    public var new: Value

    /// A value before and after.
    public init(old: Value, new: Value) {
        self.old = old
        self.new = new
    }

    /// Whether the value differs.
    public var changed: Bool { old != new }
}
