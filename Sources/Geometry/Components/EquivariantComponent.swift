import Algebra

/// An irreducible component V_t of E^G_{r,n×n} ≅ ∏_b {x ∈ M_μ(D_b) : rank_D x ≤ t_b} and its invariants
/// (MATH.md §4.4, §8.4): per block of type D (δ = 1, 2, 4), multiplicity μ and entry t, dimension
/// δ·t(2μ − t); degree deg M_{t,μ×μ} (ℝ), its square (ℂ), deg M_{2t,2μ×2μ} (ℍ, the complexification);
/// ED degree C(μ, t) for every type; singular along t − e_b for 0 < t_b < μ_b.
///
///     MNIST shift, r = 99, t = (13,10,9,8,7,5,3,1,0,…,0): dimension 4,717, 5,544 parameters
///     against 155,232 for the dense rank-99 autoencoder.
public struct EquivariantComponent: Sendable {
    /// The blocks in canonical order.
    public let blocks: [IsotypicBlock]
    /// t, one entry per block in canonical order.
    public let tuple: [Int]
    /// r, the rank bound of the variety this is a component of.
    public let rank: Int

    /// - Precondition: one entry of t per block, 0 ≤ t_b ≤ μ_b (callers validate; `EquivariantVariety.component`).
    public init(blocks: [IsotypicBlock], tuple: [Int], rank: Int) {
        precondition(blocks.count == tuple.count)
        self.blocks = blocks
        self.tuple = tuple
        self.rank = rank
    }

    /// n = Σ w μ, the number of points.
    public var points: Int { blocks.reduce(0) { $0 + $1.weight * $1.multiplicity } }

    /// The blocks' labels in canonical order.
    public var blockLabels: [String] { blocks.map(\.label) }

    /// Σ δ_b t_b(2μ_b − t_b).
    public var dimension: Int {
        zip(blocks, tuple).reduce(0) { $0 + $1.0.type.dimension * $1.1 * (2 * $1.0.multiplicity - $1.1) }
    }

    /// ∏ over blocks of the degree of the block's complexified determinantal variety: deg M_{t,μ×μ} (ℝ),
    /// its square (ℂ: R(M_t(ℂ)) complexifies to M_t × M_t), deg M_{2t,2μ×2μ} (ℍ).
    /// - Throws: `GeometryError.tooLarge` past `DeterminantalVariety.maximumResultBits`.
    public var degree: BigInteger {
        get throws {
            var bits = 0
            var factors: [(size: Int, rank: Int, power: Int)] = []
            for (b, t) in zip(blocks, tuple) {
                let factor: (Int, Int, Int)
                switch b.type {
                case .real: factor = (b.multiplicity, t, 1)
                case .complex: factor = (b.multiplicity, t, 2)
                case .quaternionic: factor = (2 * b.multiplicity, 2 * t, 1)
                }
                let one = DeterminantalVariety.degreeBitBound(rows: factor.0, columns: factor.0, rank: factor.1)
                bits = ByteCount.sum(bits, ByteCount.product(one ?? Int.max, factor.2))
                factors.append(factor)
            }
            try DeterminantalVariety.checkSize(bits, "the degree of this component")
            var cache: [[Int]: BigInteger] = [:]
            var product: [BigInteger] = []
            for (size, t, power) in factors {
                let d = cache[[size, t]] ?? DeterminantalVariety.degree(rows: size, columns: size, rank: t)
                cache[[size, t]] = d
                product.append(power == 2 ? d * d : d)
            }
            return productTree(product)
        }
    }

    /// ∏ C(μ_b, t_b): the singular value decomposition over D has C(μ, t) critical points, for every type
    /// (the complex factor is C(μ, t), not its square; MATH.md §4.4).
    /// - Throws: `GeometryError.tooLarge` beyond `DeterminantalVariety.maximumResultBits`.
    public var edDegree: BigInteger {
        get throws {
            let bits = zip(blocks, tuple).reduce(0) {
                ByteCount.sum($0, DeterminantalVariety.binomialBitBound($1.0.multiplicity, $1.1) ?? Int.max / 2)
            }
            try DeterminantalVariety.checkSize(bits, "the ED degree of this component")
            return productTree(zip(blocks, tuple).map { BigInteger.binomial(UInt($0.multiplicity), UInt($1)) })
        }
    }

    /// The components of Sing V_t: t lowered by one on each block with 0 < t_b < μ_b.
    public var singularLocus: [[Int]] {
        tuple.indices.compactMap { i in
            guard tuple[i] > 0, tuple[i] < blocks[i].multiplicity else { return nil }
            var s = tuple
            s[i] -= 1
            return s
        }
    }

    /// Σ w_b t_b: the largest rank in V_t.
    public var maximalRank: Int { zip(blocks, tuple).reduce(0) { $0 + $1.0.weight * $1.1 } }

    /// Whether V_t contains a matrix of rank r (the paper counts only these).
    public var containsRankR: Bool { maximalRank == rank }

    /// Real parameters of the component's weight-sharing autoencoder, encoder D^{t×μ} and decoder D^{μ×t}
    /// per block: Σ 2 δ μ t.
    public var parameterCount: Int {
        zip(blocks, tuple).reduce(0) { $0 + 2 * $1.0.type.dimension * $1.0.multiplicity * $1.1 }
    }

    /// 2·r·n, the dense rank-r autoencoder.
    public var denseParameterCount: Int { 2 * rank * points }
}
