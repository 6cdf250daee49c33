extension Parallel {
    /// `(0..<count).map(make)`, made in parts on every core once `count`
    /// reaches `threshold`, each part initializing its own range of the one
    /// result array (no second copy: the result may hold millions of items).
    static func array<T: Sendable>(count: Int, threshold: Int, parts: Int = cores * 2,
                                   _ make: @escaping @Sendable (Int) -> T) -> [T] {
        guard count >= threshold, parts > 1 else { return (0..<count).map(make) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let target = SharedBuffer(base: buffer.baseAddress!)
            _ = map(parts: parts) { p, _ in
                for i in (0..<count).part(p, of: parts) { (target.base + i).initialize(to: make(i)) }
            }
            initialized = count
        }
    }

    /// The start of an array's storage, written at disjoint places by concurrent parts.
    // @unchecked Sendable: each part initializes only its own range of the storage.
    private struct SharedBuffer<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>
    }
}
