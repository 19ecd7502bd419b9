extension PermutationGroup {
    /// The orbits of G on k-tuples of points, G acting diagonally: g·(i_1, …, i_k) = (g(i_1), …, g(i_k)).
    ///
    /// Tuples are numbered row-major, i_1 most significant: index = Σ (i_t − 1)·n^{k−t}. The result maps
    /// each tuple index to its orbit number; orbits are numbered in order of their smallest tuple index.
    /// Computed by union-find over generator images (iterative, no recursion limits).
    /// - Throws: `PermutationError.tooLarge` when n^k exceeds `maximumTuples`.
    /// - Complexity: O(g·k·n^k) for g generators.
    public func orbitsOnTuples(length k: Int) throws -> (orbitOf: [Int32], count: Int) {
        precondition(k >= 0)
        var total = 1
        for _ in 0..<k {
            let (p, o) = total.multipliedReportingOverflow(by: degree)
            guard !o, p <= Self.maximumTuples else {
                throw PermutationError.tooLarge(
                    "\(degree)^\(k) index tuples (limit \(Self.maximumTuples)); use fewer points or lower tensor powers"
                )
            }
            total = p
        }
        // union-find (two Int arrays) and two Int32 maps per tuple
        try MemoryBudget.require(
            ByteCount.product(total, 24), for: "\(degree)^\(k) index tuples",
            advice: "use fewer points or lower tensor powers")
        var uf = UnionFind(total)
        var digits = [Int](repeating: 0, count: k)
        for g in generators {
            for i in 0..<k { digits[i] = 0 }
            for x in 0..<total {
                var image = 0
                for i in 0..<k { image = image * degree + Int(g.storage[digits[i]]) }
                uf.union(x, image)
                var t = k - 1  // increment the mixed-radix digits of x
                while t >= 0 {
                    digits[t] += 1
                    if digits[t] < degree { break }
                    digits[t] = 0
                    t -= 1
                }
            }
        }
        var number = [Int32](repeating: -1, count: total)
        var orbitOf = [Int32](repeating: 0, count: total)
        var count: Int32 = 0
        for x in 0..<total {
            let r = uf.find(x)
            if number[r] < 0 {
                number[r] = count
                count += 1
            }
            orbitOf[x] = number[r]
        }
        return (orbitOf, Int(count))
    }

    /// Largest number of index tuples `orbitsOnTuples` accepts (2^28).
    public static let maximumTuples = 1 << 28
}
