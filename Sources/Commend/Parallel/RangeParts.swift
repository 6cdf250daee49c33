extension Range where Bound == Int {
    /// Part `p` (from 0) of `parts` consecutive parts of nearly equal size:
    /// the last parts may be shorter, or empty when there are more parts
    /// than elements. Work split this way over cores keeps its order.
    func part(_ p: Int, of parts: Int) -> Range<Int> {
        let size = (count + parts - 1) / Swift.max(parts, 1)
        return Swift.min(upperBound, lowerBound + p * size)..<Swift.min(upperBound, lowerBound + (p + 1) * size)
    }
}
