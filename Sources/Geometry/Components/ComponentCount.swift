import Algebra

/// The number of irreducible components of E^σ_{r,n×n}, all of them and those containing a rank-r
/// matrix (the paper's count). MNIST's horizontal shift at r = 99: 72,426,340,906,146 and
/// 72,425,986,088,826.
public struct ComponentCount: Sendable, Hashable, Codable {
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

extension BlockStructure {
    /// ∏ over blocks of (1 + x^w + … + x^{w·d}) mod x^length (MATH.md §4.3): [x^r] counts the tuples
    /// of weight r. `complexOnly` keeps only the weight-2 blocks.
    public func weightGeneratingFunction(length: Int, complexOnly: Bool = false) -> IntegerPolynomial {
        groupFactors(length: length, complexOnly: complexOnly).reduce(
            IntegerPolynomial(coefficients: [1]).truncated(length: length)
        ) {
            $0.multipliedTruncated(by: $1, length: length)
        }
    }

    /// [x^k] of that product: all factors but the last multiplied, the last met by a dot product.
    func weightCoefficient(_ k: Int, complexOnly: Bool = false) -> BigInteger {
        if k < 0 { return 0 }
        var factors = groupFactors(length: k + 1, complexOnly: complexOnly)
        guard let last = factors.popLast() else { return k == 0 ? 1 : 0 }
        let rest = factors.reduce(IntegerPolynomial(coefficients: [1])) {
            $0.multipliedTruncated(by: $1, length: k + 1)
        }
        return IntegerPolynomial.coefficientOfProduct(rest, last, degree: k)
    }

    /// One factor per group of identical blocks (same weight and size), each raised to the group's
    /// size by the binomial closed form, mod x^length.
    private func groupFactors(length: Int, complexOnly: Bool) -> [IntegerPolynomial] {
        var groups: [Pair: Int] = [:]
        for b in blocks where !complexOnly || b.isComplex {
            groups[Pair(weight: b.weight, size: b.multiplicity), default: 0] += 1
        }
        return groups.sorted { ($0.key.weight, $0.key.size) < ($1.key.weight, $1.key.size) }.map {
            IntegerPolynomial.geometricPower(
                count: $0.key.size + 1, step: $0.key.weight, exponent: $0.value, length: length)
        }
    }

    private struct Pair: Hashable {
        let weight: Int
        let size: Int
    }

    /// Longest truncated power series a count builds (2^25 big-integer coefficients).
    public static let maximumSeriesLength = 1 << 25

    func checkSeriesLength(_ length: Int) throws {
        guard length <= Self.maximumSeriesLength else {
            throw GeometryError.tooLarge(
                "counting at this rank needs power series of \(length) big-integer coefficients (limit 2^25); "
                    + "use a smaller rank")
        }
        // a few series alive at once, each coefficient at most the number of all tuples
        try MemoryBudget.require(
            ByteCount.product(4, length, coefficientBytesBound), for: "counting with power series of \(length) terms",
            advice: "use a smaller rank or fewer blocks")
    }

    /// Bytes of one big integer at most as large as the number of all tuples ∏ (d_b + 1).
    var coefficientBytesBound: Int {
        let bits = blocks.reduce(0) { ByteCount.sum($0, Int.bitWidth - ($1.multiplicity + 1).leadingZeroBitCount) }
        return ByteCount.sum(32, bits / 8)
    }

    /// Both component counts at rank r, from two truncated products (MATH.md §4.3):
    /// [x^r] F and [x^{r−1−R}] C, R = Σ_real d, C the complex blocks' factor; for r > n, 1.
    /// - Precondition: 0 ≤ r (ranks above n give the single component t = d).
    /// - Throws: `GeometryError.tooLarge` when r + 1 exceeds `maximumSeriesLength`.
    public func componentCount(rank r: Int) throws -> ComponentCount {
        precondition(r >= 0)
        if r > degree { return ComponentCount(rank: r, all: 1, withRankR: 0) }
        try checkSeriesLength(r + 1)
        let full = weightCoefficient(r)
        let deficient = weightCoefficient(r - 1 - realCapacity, complexOnly: true)
        return ComponentCount(rank: r, all: full + deficient, withRankR: full)
    }

    /// The counts for every rank r = 0…n at once, from the same two products truncated at n + 1.
    /// - Throws: `GeometryError.tooLarge` when n + 1 exceeds `maximumSeriesLength`.
    public func componentCountsByRank() throws -> [ComponentCount] {
        let n = degree
        try checkSeriesLength(n + 1)
        let f = weightGeneratingFunction(length: n + 1)
        let c = weightGeneratingFunction(length: n + 1, complexOnly: true)
        let fc = f.coefficients
        let cc = c.coefficients
        let realCap = realCapacity
        return (0...n).map { r in
            let full = r < fc.count ? fc[r] : BigInteger(0)
            let k = r - 1 - realCap
            let deficient = (k >= 0 && k < cc.count) ? cc[k] : BigInteger(0)
            return ComponentCount(rank: r, all: full + deficient, withRankR: full)
        }
    }
}

extension EquivariantVariety {
    /// Both component counts at this rank.
    public var componentCount: ComponentCount { get throws { try structure.componentCount(rank: rank) } }
}
