import Algebra

extension InvariantVariety {
    /// The invariant autoencoder R^n → R^r → R^m (MATH.md §3): encoder r×n with each row constant on
    /// orbits (one parameter per (row, orbit)), dense decoder m×r.
    /// - Throws: `MemoryLimitError` when the patterns and their dense index maps (about 82 bytes per
    ///   entry of E and D) exceed the memory budget.
    public func architecture() throws -> (encoder: WeightSharingPattern, decoder: WeightSharingPattern) {
        let entries = ByteCount.sum(ByteCount.product(rank, columns), ByteCount.product(rows, rank))
        try MemoryBudget.require(
            ByteCount.product(entries, 82), for: "the invariant autoencoder's patterns (\(rows)×\(rank) decoder)",
            advice: "use fewer rows or a smaller rank")
        typealias O = WeightSharingPattern.Occurrence
        var enc: [[O]] = []
        for i in 0..<rank { for orbit in orbits { enc.append(orbit.map { O(row: i, column: $0 - 1, sign: 1) }) } }
        var dec: [[O]] = []
        for i in 0..<rows { for j in 0..<rank { dec.append([O(row: i, column: j, sign: 1)]) } }
        return (
            WeightSharingPattern(rows: rank, columns: columns, parameters: enc),
            WeightSharingPattern(rows: rows, columns: rank, parameters: dec)
        )
    }
}
