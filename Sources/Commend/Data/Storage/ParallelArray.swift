extension Parallel {
    /// `(0..<count).map(make)`, made in parts on every core once `count`
    /// reaches `threshold`, each part initializing its own range of the one
    /// result array (no second copy: the result may hold millions of items).
    static func array<T: Sendable>(count: Int, threshold: Int, parts: Int = cores * 2,
                                   _ make: @escaping @Sendable (Int) -> T) -> [T] {
        guard count >= threshold, parts > 1 else { return (0..<count).map(make) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let target = SharedBuffer(base: buffer.baseAddress)
            _ = map(parts: parts) { p, _ in
                for i in (0..<count).part(p, of: parts) { (target.base! + i).initialize(to: make(i)) }
            }
            initialized = count
        }
    }

    /// An array of `count` elements made in place by consecutive ranges,
    /// `ranges[p]` by part `p` on the cores: `maker(p)` is called once per
    /// part (for copies of what its elements share, so that the cores do not
    /// contend for one reference count) and gives the maker of each element.
    /// The ranges must cover `0..<count` exactly.
    static func array<T: Sendable>(count: Int, ranges: [Range<Int>],
                                   _ maker: @escaping @Sendable (Int) -> (Int) -> T) -> [T] {
        precondition(ranges.reduce(0) { $0 + $1.count } == count, "ranges must cover the array")
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let target = SharedBuffer(base: buffer.baseAddress)
            _ = map(parts: ranges.count) { p, _ in
                let make = maker(p)
                for i in ranges[p] { (target.base! + i).initialize(to: make(i)) }
            }
            initialized = count
        }
    }

    /// The start of an array's storage, written at disjoint places by concurrent parts.
    // @unchecked Sendable: each part initializes only its own range of the storage.
    private struct SharedBuffer<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>?
    }
}
