import Algebra

/// The number of irreducible components of E^σ_{r,n×n}, all of them and those containing a rank-r
/// matrix (the paper's count). MNIST's horizontal shift at r = 99: 72,426,340,906,146 and
/// 72,425,986,088,826.
public struct ComponentCount: Sendable, Hashable, Codable {
    /// r, the rank bound.
    public let rank: Int
    /// All irreducible components (maximal tuples).
    public let all: BigInteger
    /// Components with a rank-r matrix: tuples of weight exactly r.
    public let withRankR: BigInteger

    enum CodingKeys: String, CodingKey {
        case rank
        case all = "components"
        case withRankR = "components_with_rank_r"
    }
}

/// The (weight, multiplicity) of every block: all that counting components needs (MATH.md §4.3,
/// MATH.md §8.3). Components are the maximal tuples t (0 ≤ t_b ≤ μ_b, Σ w_b t_b ≤ r); a maximal tuple of
/// weight r − s has slack s < w_max, every block of weight ≤ s saturated and the heavier blocks free, so
///
///     N⁼_r = [x^r] ∏_b (1 + x^{w_b} + … + x^{w_b μ_b}),
///     N_r  = Σ_{s=0}^{w_max−1} [x^{r−s−S_s}] ∏_{w_b > s} (1 + x^{w_b} + … + x^{w_b μ_b}),  S_s = Σ_{w_b ≤ s} w_b μ_b,
///
/// for r ≤ n, and N_r = 1 (t = μ) for r > n. With weights 1 and 2 (one permutation) the slack is at most 1.
public struct BlockShapes: Sendable {
    /// w_b per block, canonical order.
    public let weights: [Int]
    /// μ_b per block, canonical order.
    public let multiplicities: [Int]

    /// - Precondition: one weight per multiplicity, every weight ≥ 1.
    public init(weights: [Int], multiplicities: [Int]) {
        precondition(weights.count == multiplicities.count && weights.allSatisfy { $0 >= 1 })
        self.weights = weights
        self.multiplicities = multiplicities
    }

    /// The weights and multiplicities of `blocks`, in their order.
    public init<Block: RealBlock>(_ blocks: [Block]) {
        self.init(weights: blocks.map { $0.weight }, multiplicities: blocks.map { $0.multiplicity })
    }

    /// n = Σ w μ.
    public var degree: Int { zip(weights, multiplicities).reduce(0) { $0 + $1.0 * $1.1 } }

    /// The largest weight (1 when there are no blocks).
    var heaviest: Int { weights.max() ?? 1 }

    /// S_s: the rank that the blocks of weight ≤ s take when saturated.
    func capacity(atMost s: Int) -> Int {
        zip(weights, multiplicities).reduce(0) { $0 + ($1.0 <= s ? $1.0 * $1.1 : 0) }
    }

    /// What one block contributes to a generating function: its tuple entries t = 0…μ (1 + x^w + … + x^{w·μ}:
    /// components) or its sets of eigen-directions ((1 + x^w)^μ: critical points, MATH.md §12.2).
    public enum Factor: Sendable {
        case tuples
        case subsets
    }

    /// ∏ over the blocks heavier than `s` of their factors mod x^length: [x^k] counts their tuples (or sets of
    /// directions) of weight k (s = 0: all blocks).
    public func generatingFunction(length: Int, heavierThan s: Int = 0, of factor: Factor = .tuples)
        -> IntegerPolynomial
    {
        factors(length: length, heavierThan: s, of: factor).reduce(
            IntegerPolynomial(coefficients: [1]).truncated(length: length)
        ) {
            $0.multipliedTruncated(by: $1, length: length)
        }
    }

    /// [x^k] of that product: all factors but the last multiplied, the last met by a dot product.
    func coefficient(_ k: Int, heavierThan s: Int = 0, of factor: Factor = .tuples) -> BigInteger {
        if k < 0 { return 0 }
        var factors = factors(length: k + 1, heavierThan: s, of: factor)
        guard let last = factors.popLast() else { return k == 0 ? 1 : 0 }
        let rest = factors.reduce(IntegerPolynomial(coefficients: [1])) {
            $0.multipliedTruncated(by: $1, length: k + 1)
        }
        return IntegerPolynomial.coefficientOfProduct(rest, last, degree: k)
    }

    /// The most terms of the numerator ∏ (1 − x^{w(μ+1)})^m the closed form expands.
    static let closedFormTerms = 100_000

    /// [x^k] ∏_{w_b > s} (1 + x^{w_b} + … + x^{w_b μ_b}) in closed form when every weight is 1 or 2 (one permutation,
    /// MATH.md §4.3): the product is ∏_g (1 − x^{w_g(μ_g+1)})^{m_g} / ((1 − x)^A (1 − x²)^B) over the groups g of m_g
    /// identical blocks, A and B the numbers of weight-1 and weight-2 blocks, and
    /// [x^j] 1/((1 − x)^A (1 − x²)^B) = [x^j] (1 + x)^A/(1 − x²)^{A+B} = Σ_{i ≡ j (2)} C(A, i)·C((j − i)/2 + A + B − 1,
    /// A + B − 1). The numerator has at most ∏_g (min(m_g, k/(w_g(μ_g+1))) + 1) terms: O(1) binomials for one cycle
    /// length instead of a series of length k. Nil for heavier weights or more than `closedFormTerms` terms.
    func closedFormCoefficient(_ k: Int, heavierThan s: Int) -> BigInteger? {
        if k < 0 { return 0 }
        var groups: [Pair: Int] = [:]
        for (w, m) in zip(weights, multiplicities) where w > s {
            guard w <= 2 else { return nil }
            groups[Pair(weight: w, size: m), default: 0] += 1
        }
        var terms = 1
        for (g, m) in groups {
            let (product, overflow) = terms.multipliedReportingOverflow(by: min(m, k / (g.weight * (g.size + 1))) + 1)
            guard !overflow, product <= Self.closedFormTerms else { return nil }
            terms = product
        }
        var numerator: [Int: BigInteger] = [0: 1]
        for (g, m) in groups.sorted(by: { ($0.key.weight, $0.key.size) < ($1.key.weight, $1.key.size) }) {
            let step = g.weight * (g.size + 1)
            var next: [Int: BigInteger] = [:]
            for (e, c) in numerator {
                for j in 0...min(m, (k - e) / step) {
                    let term = BigInteger.binomial(UInt(m), UInt(j)) * c
                    next[e + j * step, default: 0] += j % 2 == 0 ? term : -term
                }
            }
            numerator = next
        }
        let a = groups.filter { $0.key.weight == 1 }.reduce(0) { $0 + $1.value }
        let total = groups.values.reduce(0, +)
        func denominator(_ j: Int) -> BigInteger {
            if total == 0 { return j == 0 ? 1 : 0 }
            var sum = BigInteger(0)
            for i in Swift.stride(from: j % 2, through: min(a, j), by: 2) {
                sum +=
                    BigInteger.binomial(UInt(a), UInt(i))
                    * BigInteger.binomial(UInt((j - i) / 2 + total - 1), UInt(total - 1))
            }
            return sum
        }
        return numerator.reduce(BigInteger(0)) { $0 + $1.value * denominator(k - $1.key) }
    }

    /// One factor per group of identical blocks (same weight and size), each raised to the group's
    /// size by a closed form, mod x^length.
    private func factors(length: Int, heavierThan s: Int, of factor: Factor) -> [IntegerPolynomial] {
        var groups: [Pair: Int] = [:]
        for (w, m) in zip(weights, multiplicities) where w > s { groups[Pair(weight: w, size: m), default: 0] += 1 }
        return groups.sorted { ($0.key.weight, $0.key.size) < ($1.key.weight, $1.key.size) }.map {
            switch factor {
            case .tuples:
                return IntegerPolynomial.geometricPower(
                    count: $0.key.size + 1, step: $0.key.weight, exponent: $0.value, length: length)
            case .subsets:
                return IntegerPolynomial.binomialPower(
                    step: $0.key.weight, exponent: $0.key.size * $0.value, length: length)
            }
        }
    }

    private struct Pair: Hashable {
        let weight: Int
        let size: Int
    }

    /// The components at rank r ≤ n as tuple spaces, in enumeration order: slack s = 0 (weight r, the
    /// components with a rank-r matrix), then s = 1, …, w_max − 1 (weight r − s, blocks of weight ≤ s
    /// saturated, heavier blocks free).
    func componentSpaces(rank r: Int) -> [WeightedTupleSpace] {
        (0..<heaviest).map { s in
            WeightedTupleSpace(
                weights: weights, lower: zip(weights, multiplicities).map { $0.0 <= s ? $0.1 : 0 },
                upper: multiplicities, target: r - s)
        }
    }

    /// Refuses a rank outside 0…n for n×n equivariant matrices.
    public static func validateRank(_ r: Int, degree n: Int) throws {
        guard (0...n).contains(r) else {
            throw GeometryError.rankOutOfRange(rank: r, maximum: n, what: "\(n)×\(n) equivariant matrices")
        }
    }

    /// Checks length, ranges 0 ≤ t_b ≤ μ_b and weight ≤ r (not maximality).
    /// - Throws: the first `GeometryError` that t violates, naming the block by its label.
    func validateTuple(_ t: [Int], labels: [String], rank: Int) throws {
        guard t.count == weights.count else { throw GeometryError.tupleLength(given: t.count, blocks: weights.count) }
        for b in t.indices where t[b] < 0 || t[b] > multiplicities[b] {
            throw GeometryError.tupleEntryOutOfRange(block: labels[b], value: t[b], multiplicity: multiplicities[b])
        }
        let w = zip(weights, t).reduce(0) { $0 + $1.0 * $1.1 }
        guard w <= rank else { throw GeometryError.tupleWeightExceedsRank(weight: w, rank: rank) }
    }

    /// Checks t and that no block can be raised within the rank (an irreducible component).
    public func validateComponent(_ t: [Int], labels: [String], rank: Int) throws {
        try validateTuple(t, labels: labels, rank: rank)
        let w = zip(weights, t).reduce(0) { $0 + $1.0 * $1.1 }
        for b in t.indices where t[b] < multiplicities[b] && w + weights[b] <= rank {
            throw GeometryError.tupleNotMaximal(block: labels[b], rank: rank)
        }
    }

    /// Longest truncated power series a count builds (2^25 big-integer coefficients).
    public static let maximumSeriesLength = 1 << 25

    func checkSeriesLength(_ length: Int, of factor: Factor = .tuples) throws {
        guard length <= Self.maximumSeriesLength else {
            throw GeometryError.tooLarge(
                "counting at this rank needs power series of \(length) big-integer coefficients (limit 2^25); "
                    + "use a smaller rank")
        }
        // a few series alive at once, each coefficient at most the number of all tuples
        try MemoryBudget.require(
            ByteCount.product(4, length, coefficientBytesBound(of: factor)),
            for: "counting with power series of \(length) terms",
            advice: "use a smaller rank or fewer blocks")
    }

    /// Bytes of one big integer at most as large as the number of all tuples ∏ (μ_b + 1), or of all sets of
    /// directions 2^{Σ μ_b}.
    func coefficientBytesBound(of factor: Factor) -> Int {
        let bits = multiplicities.reduce(0) {
            ByteCount.sum($0, factor == .tuples ? Int.bitWidth - ($1 + 1).leadingZeroBitCount : $1)
        }
        return ByteCount.sum(32, bits / 8)
    }

    /// Both component counts at rank r.
    /// - Precondition: 0 ≤ r (ranks above n give the single component t = μ).
    /// - Throws: `GeometryError.tooLarge`/`MemoryLimitError` when the series would be too long.
    public func componentCount(rank r: Int) throws -> ComponentCount {
        precondition(r >= 0)
        if r > degree { return ComponentCount(rank: r, all: 1, withRankR: 0) }
        if let count = count(rank: r, closedFormCoefficient) { return count }
        try checkSeriesLength(r + 1)
        guard let count = count(rank: r, { coefficient($0, heavierThan: $1) }) else {
            preconditionFailure("the series gives every coefficient")
        }
        return count
    }

    /// N⁼_r and N_r from the coefficients [x^k] ∏_{w_b > s}(…) (`coefficient(k, s)`): the slack-0 term and the sum over
    /// slacks s < w_max; nil when a coefficient is not available.
    private func count(rank r: Int, _ coefficient: (Int, Int) -> BigInteger?) -> ComponentCount? {
        guard let full = coefficient(r, 0) else { return nil }
        var all = full
        for s in stride(from: 1, to: heaviest, by: 1) {
            guard let c = coefficient(r - s - capacity(atMost: s), s) else { return nil }
            all += c
        }
        return ComponentCount(rank: r, all: all, withRankR: full)
    }

    /// The counts for every rank r = 0…n at once, from one product per slack truncated at n + 1.
    /// - Throws: `GeometryError.tooLarge`/`MemoryLimitError` when n + 1 is too long a series.
    public func componentCountsByRank() throws -> [ComponentCount] {
        let n = degree
        try checkSeriesLength(n + 1)
        let series = (0..<heaviest).map { generatingFunction(length: n + 1, heavierThan: $0).coefficients }
        func coefficient(_ s: Int, _ k: Int) -> BigInteger {
            k >= 0 && k < series[s].count ? series[s][k] : BigInteger(0)
        }
        return (0...n).map { r in
            let full = coefficient(0, r)
            var all = full
            for s in stride(from: 1, to: heaviest, by: 1) { all += coefficient(s, r - s - capacity(atMost: s)) }
            return ComponentCount(rank: r, all: all, withRankR: full)
        }
    }
}
