import Algebra

/// The integer tuples t with lower_b ≤ t_b ≤ upper_b and Σ w_b t_b = target, in lexicographic order.
/// Components of E^G_r are a union of such spaces, one per slack (MATH.md §4.3, §8). Not API.
///
/// Feasibility of a suffix needs no big numbers. With weights 1 and 2 (one permutation) the sums
/// reachable by the blocks from b on are {a + 2c : a ∈ [realLow, realHigh], c ∈ [complexLow, complexHigh]};
/// with heavier weights eqgeom keeps, per suffix, the set of reachable sums ≤ target as a bit set.
/// Counting, ranking and unranking use the suffix generating functions
/// S_b(x) = ∏_{b' ≥ b} Σ_t x^{w_b' t} mod x^{target+1}. A class: immutable, and shared by the enumeration
/// loop without retaining each of its arrays per step.
final class WeightedTupleSpace: Sendable {
    let weights: [Int]
    let lower: [Int]
    let upper: [Int]
    let target: Int
    /// For each b (and b = count): sums of lower/upper bounds of weight-1 and weight-2 blocks from b on.
    private let realLow: [Int], realHigh: [Int], complexLow: [Int], complexHigh: [Int]
    /// For weights above 2: reachable[b] holds the sums ≤ target that the blocks from b on can reach.
    private let reachable: [[UInt64]]?

    init(weights: [Int], lower: [Int], upper: [Int], target: Int) {
        self.weights = weights
        self.lower = lower
        self.upper = upper
        self.target = target
        let n = weights.count
        var rl = [Int](repeating: 0, count: n + 1)
        var rh = rl
        var cl = rl
        var ch = rl
        for b in stride(from: n - 1, through: 0, by: -1) {
            let real = weights[b] == 1
            rl[b] = rl[b + 1] + (real ? lower[b] : 0)
            rh[b] = rh[b + 1] + (real ? upper[b] : 0)
            cl[b] = cl[b + 1] + (real ? 0 : lower[b])
            ch[b] = ch[b + 1] + (real ? 0 : upper[b])
        }
        realLow = rl
        realHigh = rh
        complexLow = cl
        complexHigh = ch
        reachable = weights.allSatisfy { $0 <= 2 } ? nil : Self.reachableSums(weights, lower, upper, target)
    }

    /// Per suffix, the reachable sums in [0, target] as bit sets (blocks·μ·target/64 word operations).
    private static func reachableSums(_ weights: [Int], _ lower: [Int], _ upper: [Int], _ target: Int) -> [[UInt64]] {
        let words = max(target, 0) / 64 + 1
        var table = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: weights.count + 1)
        if target >= 0 { table[weights.count][0] = 1 }
        for b in stride(from: weights.count - 1, through: 0, by: -1) where target >= 0 {
            var set = [UInt64](repeating: 0, count: words)
            for t in lower[b]...max(lower[b], upper[b]) where t <= upper[b] {
                let shift = weights[b] * t
                if shift > target { break }
                let (wordShift, bitShift) = (shift / 64, shift % 64)
                for i in stride(from: words - 1, through: wordShift, by: -1) {
                    var v = table[b + 1][i - wordShift] << UInt64(bitShift)
                    if bitShift > 0 && i - wordShift - 1 >= 0 {
                        v |= table[b + 1][i - wordShift - 1] >> UInt64(64 - bitShift)
                    }
                    set[i] |= v
                }
            }
            let extra = words * 64 - (target + 1)
            if extra > 0 { set[words - 1] &= UInt64.max >> UInt64(extra) }
            table[b] = set
        }
        return table
    }

    var blockCount: Int { weights.count }

    /// Whether the blocks from b on can sum to exactly s.
    func feasible(_ s: Int, from b: Int) -> Bool {
        if let sets = reachable {
            guard s >= 0, s <= target else { return false }
            return sets[b][s / 64] >> UInt64(s % 64) & 1 == 1
        }
        let cMin = max(complexLow[b], ceilDiv(s - realHigh[b], 2))
        let cMax = min(complexHigh[b], floorDiv(s - realLow[b], 2))
        return cMin <= cMax
    }

    /// The smallest t_b ≥ atLeast (within bounds) that leaves a feasible remainder, given that the
    /// blocks from b on must sum to s.
    private func smallestChoice(_ b: Int, sum s: Int, atLeast: Int) -> Int? {
        let w = weights[b]
        if reachable != nil {
            for t in max(atLeast, lower[b])...max(atLeast, lower[b], upper[b])
            where t <= upper[b] && feasible(s - w * t, from: b + 1) {
                return t
            }
            return nil
        }
        let maxRest = realHigh[b + 1] + 2 * complexHigh[b + 1]
        let t0 = max(atLeast, lower[b], ceilDiv(s - maxRest, w))
        for t in t0...(t0 + 1) where t <= upper[b] && feasible(s - w * t, from: b + 1) { return t }
        return nil
    }

    /// Fills t[b...] with the lexicographically smallest completion summing to s; false if none.
    private func fillSmallest(_ t: inout [Int], from b: Int, sum s: Int) -> Bool {
        var s = s
        for i in b..<blockCount {
            guard let v = smallestChoice(i, sum: s, atLeast: lower[i]) else { return false }
            t[i] = v
            s -= weights[i] * v
        }
        return s == 0
    }

    /// The lexicographically first tuple, or `nil` if the space is empty.
    func first() -> [Int]? {
        guard target >= 0, feasible(target, from: 0) else { return nil }
        var t = [Int](repeating: 0, count: blockCount)
        return fillSmallest(&t, from: 0, sum: target) ? t : nil
    }

    /// Advances t to the next tuple in lexicographic order; false when t was the last.
    /// - Complexity: O(number of blocks).
    func advance(_ t: inout [Int]) -> Bool {
        if reachable == nil { return t.withUnsafeMutableBufferPointer { advanceByBounds($0) } }
        return advanceGeneral(&t)
    }

    /// `advance` for weights 1 and 2 (one permutation): the same successor on raw buffers, feasibility from
    /// the suffix bound sums, no optionals or array copies in the loop (the hot path of enumeration).
    private func advanceByBounds(_ t: UnsafeMutableBufferPointer<Int>) -> Bool {
        weights.withUnsafeBufferPointer { w in
            lower.withUnsafeBufferPointer { lo in
                upper.withUnsafeBufferPointer { hi in
                    realLow.withUnsafeBufferPointer { rl in
                        realHigh.withUnsafeBufferPointer { rh in
                            complexLow.withUnsafeBufferPointer { cl in
                                complexHigh.withUnsafeBufferPointer { ch in
                                    let count = w.count
                                    func fits(_ s: Int, _ b: Int) -> Bool {
                                        max(cl[b], ceilDiv(s - rh[b], 2)) <= min(ch[b], floorDiv(s - rl[b], 2))
                                    }
                                    func smallest(_ b: Int, _ s: Int, _ atLeast: Int) -> Int {
                                        let t0 = max(atLeast, lo[b], ceilDiv(s - rh[b + 1] - 2 * ch[b + 1], w[b]))
                                        if t0 <= hi[b] && fits(s - w[b] * t0, b + 1) { return t0 }
                                        if t0 + 1 <= hi[b] && fits(s - w[b] * (t0 + 1), b + 1) { return t0 + 1 }
                                        return -1
                                    }
                                    var prefix = 0
                                    for b in 0..<count { prefix += w[b] * t[b] }
                                    for b in stride(from: count - 1, through: 0, by: -1) {
                                        prefix -= w[b] * t[b]
                                        var s = target - prefix
                                        let v = smallest(b, s, t[b] + 1)
                                        guard v >= 0 else { continue }
                                        t[b] = v
                                        s -= w[b] * v
                                        for i in (b + 1)..<count {
                                            let u = smallest(i, s, lo[i])
                                            guard u >= 0 else { return false }
                                            t[i] = u
                                            s -= w[i] * u
                                        }
                                        return s == 0
                                    }
                                    return false
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private func advanceGeneral(_ t: inout [Int]) -> Bool {
        var prefix = 0  // Σ_{i < b} w_i t_i, walked down from the whole sum without a table
        for b in 0..<blockCount { prefix += weights[b] * t[b] }
        for b in stride(from: blockCount - 1, through: 0, by: -1) {
            prefix -= weights[b] * t[b]
            let s = target - prefix
            if let v = smallestChoice(b, sum: s, atLeast: t[b] + 1) {
                t[b] = v
                return fillSmallest(&t, from: b + 1, sum: s - weights[b] * v)
            }
        }
        return false
    }

    /// Number of big-integer table entries that counting/ranking needs.
    var tableEntries: Int { (blockCount + 1) * (max(target, 0) + 1) }

    /// S_b for b = 0…count (S_count = 1), each mod x^{target+1}.
    func suffixSeries() -> [IntegerPolynomial] {
        guard target >= 0 else { return [] }
        let length = target + 1
        var table = [IntegerPolynomial](repeating: IntegerPolynomial(coefficients: [1]), count: blockCount + 1)
        for b in stride(from: blockCount - 1, through: 0, by: -1) {
            var g = IntegerPolynomial()
            for t in lower[b]...upper[b] where weights[b] * t < length { g.setCoefficient(weights[b] * t, 1) }
            table[b] = g.multipliedTruncated(by: table[b + 1], length: length)
        }
        return table
    }
}

/// Ranking and unranking in a `WeightedTupleSpace` with its table of suffix series. Not API.
struct RankedTupleSpace: Sendable {
    let space: WeightedTupleSpace
    let series: [IntegerPolynomial]
    /// The same table as machine words (row b at b·(target + 1)) when every entry fits in an Int, so that
    /// unranking walks it without a big integer per step; nil otherwise.
    let words: [Int]?

    init(_ space: WeightedTupleSpace) {
        self.space = space
        series = space.suffixSeries()
        let width = max(space.target, -1) + 1
        var words: [Int]? = []
        words?.reserveCapacity(series.count * width)
        outer: for poly in series {
            for s in 0..<width {
                guard let v = Int(exactly: poly.coefficient(s)) else {
                    words = nil
                    break outer
                }
                words?.append(v)
            }
        }
        self.words = words
    }

    var count: BigInteger { space.target < 0 ? 0 : series[0].coefficient(space.target) }

    /// The tuple at a 0-based index below `count`, on the machine-word table.
    /// - Precondition: `words != nil`, 0 ≤ index < count.
    func tuple(atWord index: Int, table: [Int]) -> [Int] {
        let width = space.target + 1
        return table.withUnsafeBufferPointer { table in
            unrank(index) { b, rest in rest >= 0 ? table[(b + 1) * width + rest] : 0 }
        }
    }

    /// The tuple at 0-based lexicographic index.
    /// - Precondition: 0 ≤ index < count.
    func tuple(at index: BigInteger) -> [Int] {
        unrank(index) { b, rest in series[b + 1].coefficient(rest) }
    }

    /// Unranking written once for word and big-integer indices: in each block the value v whose tuples (those
    /// of the later blocks summing to the rest, `count(b, rest)`) contain the index.
    @inline(__always)
    private func unrank<C: Comparable & AdditiveArithmetic>(_ index: C, count: (_ block: Int, _ rest: Int) -> C)
        -> [Int]
    {
        var idx = index
        var s = space.target
        var t = [Int](repeating: 0, count: space.blockCount)
        for b in 0..<space.blockCount {
            let w = space.weights[b]
            var v = space.lower[b]
            while v <= space.upper[b] {
                let c = count(b, s - w * v)
                if idx < c { break }
                idx -= c
                v += 1
            }
            t[b] = v
            s -= w * v
        }
        return t
    }

    /// The 0-based lexicographic index of t.
    /// - Precondition: t lies in the space.
    func index(of t: [Int]) -> BigInteger {
        var idx = BigInteger(0)
        var s = space.target
        for b in 0..<space.blockCount {
            let w = space.weights[b]
            for v in space.lower[b]..<t[b] { idx += series[b + 1].coefficient(s - w * v) }
            s -= w * t[b]
        }
        return idx
    }

    func contains(_ t: [Int]) -> Bool {
        guard t.count == space.blockCount else { return false }
        var s = 0
        for b in 0..<t.count {
            guard t[b] >= space.lower[b], t[b] <= space.upper[b] else { return false }
            s += space.weights[b] * t[b]
        }
        return s == space.target
    }
}

func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
func ceilDiv(_ a: Int, _ b: Int) -> Int { -floorDiv(-a, b) }
