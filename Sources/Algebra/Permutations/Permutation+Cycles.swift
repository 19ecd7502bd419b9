extension Permutation {
    /// All cycles including fixed points, 0-based, each starting at its smallest point, sorted by it.
    var zeroBasedCycles: [[Int32]] {
        var seen = [Bool](repeating: false, count: degree)
        var out: [[Int32]] = []
        for start in 0..<degree where !seen[start] {
            var cycle: [Int32] = []
            var p = start
            while !seen[p] {
                seen[p] = true
                cycle.append(Int32(p))
                p = Int(storage[p])
            }
            out.append(cycle)
        }
        return out
    }

    /// The cycles (1-based), each written from its smallest point, in order of that point.
    /// Fixed points appear as 1-cycles only when `includingFixedPoints` is true.
    public func cycles(includingFixedPoints: Bool = false) -> [[Int]] {
        zeroBasedCycles.filter { includingFixedPoints || $0.count > 1 }.map { $0.map { Int($0) + 1 } }
    }

    /// The partition P(σ) of {1..n} into the point sets of its cycles (fixed points as singletons).
    public var cyclePartition: [[Int]] { cycles(includingFixedPoints: true).map { $0.sorted() } }

    /// The cycle type: the multiset of cycle lengths, fixed points included.
    public var cycleType: CycleType { CycleType(lengths: zeroBasedCycles.map(\.count)) }

    /// The n×n permutation matrix with P e_j = e_σ(j), i.e. P[σ(j), j] = 1 (MATH.md §1).
    public var matrix: IntegerMatrix {
        var m = IntegerMatrix(rows: degree, columns: degree)
        for j in 0..<degree { m[Int(storage[j]), j] = 1 }
        return m
    }
}

extension Permutation: CustomStringConvertible {
    /// Cycle notation without fixed points, `()` for the identity.
    public var description: String {
        let cs = cycles()
        if cs.isEmpty { return "()" }
        return cs.map { "(" + $0.map(String.init).joined(separator: ",") + ")" }.joined()
    }
}
