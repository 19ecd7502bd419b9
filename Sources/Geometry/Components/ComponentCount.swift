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
    /// of weight r. Identical blocks are grouped and raised to a power by the binomial closed form.
    /// `complexOnly` keeps only the weight-2 blocks.
    public func weightGeneratingFunction(length: Int, complexOnly: Bool = false) -> IntegerPolynomial {
        var groups: [Pair: Int] = [:]
        for b in blocks where !complexOnly || b.isComplex { groups[Pair(weight: b.weight, size: b.multiplicity), default: 0] += 1 }
        var f = IntegerPolynomial(coefficients: [1]).truncated(length: length)
        for (g, e) in groups.sorted(by: { ($0.key.weight, $0.key.size) < ($1.key.weight, $1.key.size) }) {
            let p = IntegerPolynomial.geometricPower(count: g.size + 1, step: g.weight, exponent: e, length: length)
            f = f.multipliedTruncated(by: p, length: length)
        }
        return f
    }

    private struct Pair: Hashable { let weight: Int; let size: Int }

    /// Both component counts at rank r, from two truncated products (MATH.md §4.3):
    /// [x^r] F and [x^{r−1−R}] C, R = Σ_real d, C the complex blocks' factor; for r > n, 1.
    /// - Precondition: 0 ≤ r (ranks above n give the single component t = d).
    public func componentCount(rank r: Int) -> ComponentCount {
        precondition(r >= 0)
        if r > degree { return ComponentCount(rank: r, all: 1, withRankR: 0) }
        let full = weightGeneratingFunction(length: r + 1).coefficient(r)
        let rest = r - 1 - realCapacity
        let deficient = rest < 0 ? BigInteger(0) : weightGeneratingFunction(length: rest + 1, complexOnly: true).coefficient(rest)
        return ComponentCount(rank: r, all: full + deficient, withRankR: full)
    }

    /// The counts for every rank r = 0…n at once, from the same two products truncated at n + 1.
    public func componentCountsByRank() -> [ComponentCount] {
        let n = degree
        let f = weightGeneratingFunction(length: n + 1)
        let c = weightGeneratingFunction(length: n + 1, complexOnly: true)
        let fc = f.coefficients, cc = c.coefficients
        let R = realCapacity
        return (0...n).map { r in
            let full = r < fc.count ? fc[r] : BigInteger(0)
            let k = r - 1 - R
            let deficient = (k >= 0 && k < cc.count) ? cc[k] : BigInteger(0)
            return ComponentCount(rank: r, all: full + deficient, withRankR: full)
        }
    }
}

extension EquivariantVariety {
    /// Both component counts at this rank.
    public var componentCount: ComponentCount { structure.componentCount(rank: rank) }
}
