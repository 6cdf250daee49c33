/// A value before and after a rule change: `old` from the old rules, `new`
/// from the new ones.
public struct Transition<Value: Hashable & Sendable>: Sendable, Hashable {
    public var old: Value
    public var new: Value

    public init(old: Value, new: Value) {
        self.old = old
        self.new = new
    }

    /// Whether the value differs.
    public var changed: Bool { old != new }
}
