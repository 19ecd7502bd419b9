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
            for x in 0..<total {
                var image = 0
                for i in 0..<k { image = image * degree + Int(g.storage[digits[i]]) }
                uf.union(x, image)
                Tuples.advance(&digits, base: degree)
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

extension PermutationGroup {
    /// Whether G's orbits on k-tuples are S_n's — one per set partition of the k places into at most n blocks
    /// (equality patterns; MATH.md §6) — decided without listing the n^k tuples: G was built as S_n, or G is
    /// 2-transitive (so primitive) and a generator is a transposition (Jordan: G = S_n), or a 3-cycle and
    /// n ≥ k + 2 (G ⊇ A_n, which is (n − 2)-transitive). False when undecided this way (not a proof of the
    /// contrary). 2-transitivity is one union-find over the n² pairs.
    public func hasSymmetricTupleOrbits(length k: Int) throws -> Bool {
        let n = degree
        if n <= 1 { return true }
        if let order = knownOrder, order == BigInteger.factorial(UInt(n)) { return true }
        // a permutation moving exactly two points is a transposition, exactly three a 3-cycle
        let moved = generators.map { g in (0..<n).filter { g.storage[$0] != Int32($0) }.count }
        let transposition = moved.contains(2)
        let threeCycle = moved.contains(3)
        guard transposition || (threeCycle && n >= k + 2), n * n <= Self.maximumTuples else { return false }
        return try orbitsOnTuples(length: 2).count == 2
    }

    /// The number of orbits of G on k-tuples by Burnside's lemma, (1/|G|)·Σ_g fix(g)^k, or nil when |G| exceeds
    /// `limit` elements (or the sum overflows): no tuple is listed, so n^k may be astronomically large.
    public func burnsideOrbitCount(length k: Int, limit: Int = 1 << 20) -> Int? {
        guard let elements = elements(limit: limit) else { return nil }
        var total = 0
        for g in elements {
            let fixed = (0..<degree).filter { g.storage[$0] == Int32($0) }.count
            var power = 1
            for _ in 0..<k {
                let (p, o) = power.multipliedReportingOverflow(by: fixed)
                guard !o else { return nil }
                power = p
            }
            let (s, o) = total.addingReportingOverflow(power)
            guard !o else { return nil }
            total = s
        }
        return total / elements.count
    }

    /// The set partitions of k places into at most `maxBlocks` blocks as restricted growth strings (place i in
    /// block r[i], r[0] = 0, r[i] ≤ 1 + max r[0..<i]), in lexicographic order: for S_n acting on k-tuples this is
    /// the order of each orbit's smallest tuple, the tuple r itself.
    public static func setPartitions(places k: Int, maxBlocks: Int) -> [[Int]] {
        guard k > 0 else { return [[]] }
        var result: [[Int]] = []
        var r = [Int](repeating: 0, count: k)
        func extend(_ i: Int, _ blocks: Int) {
            if i == k {
                result.append(r)
                return
            }
            for b in 0...min(blocks, maxBlocks - 1) {
                r[i] = b
                extend(i + 1, max(blocks, b + 1))
            }
        }
        extend(1, 1)
        return result
    }
}
