import Foundation

/// `--timings`: the wall-clock time of each step, on standard error.
struct StepClock {
    let enabled: Bool
    private var last = DispatchTime.now().uptimeNanoseconds

    init(enabled: Bool) { self.enabled = enabled }

    mutating func step(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        if enabled {
            let padded = name.padding(toLength: max(14, name.count), withPad: " ", startingAt: 0)
            let line = padded + String(format: " %8.3f s\n", Double(now - last) / 1e9)
            FileHandle.standardError.write(Data(line.utf8))
        }
        last = now
    }
}


/// A value shared with a `@Sendable` callback.
final class Locked<T>: @unchecked Sendable {
    private var value: T
    private let lock = NSLock()
    init(_ value: T) { self.value = value }
    /// Stores `new` and returns the previous value.
    func exchange(_ new: T) -> T {
        lock.lock()
        defer { lock.unlock() }
        let old = value
        value = new
        return old
    }
}
