import Algebra

/// E^G_{r,n×n} for a finite permutation group G (MATH.md §8): in an adapted basis the union of the
/// V_t = {W : rank_D x_ρ ≤ t_ρ}, 0 ≤ t_ρ ≤ μ_ρ, Σ w_ρ t_ρ ≤ r; its irreducible components are the maximal
/// tuples, enumerated, ranked and sampled exactly as for one permutation (slack up to w_max − 1).
public struct GroupVariety: Sendable {
    public let decomposition: IsotypicDecomposition
    public let rank: Int

    /// - Throws: `GeometryError.rankOutOfRange` unless 0 ≤ r ≤ n.
    public init(_ decomposition: IsotypicDecomposition, rank r: Int) throws {
        try BlockShapes.validateRank(r, degree: decomposition.degree)
        self.decomposition = decomposition
        rank = r
    }

    public var blocks: [IsotypicBlock] { decomposition.blocks }
    public var degree: Int { decomposition.degree }
    var labels: [String] { blocks.map(\.label) }

    /// Both component counts at this rank.
    public var componentCount: ComponentCount { get throws { try decomposition.shapes.componentCount(rank: rank) } }

    /// All components, lazily: slack 0 (a rank-r matrix) first, then slack 1, 2, …, each lexicographic.
    public var components: ComponentSequence {
        ComponentSequence(spaces: decomposition.shapes.componentSpaces(rank: rank), start: nil)
    }

    /// Ranking, unranking and uniform sampling of the components.
    public func index() throws -> ComponentIndex {
        let shapes = decomposition.shapes
        let (labels, r) = (labels, rank)
        return try ComponentIndex(
            spaces: shapes.componentSpaces(rank: r), shapes: shapes,
            validate: { try shapes.validateComponent($0, labels: labels, rank: r) })
    }

    /// A tuple written positionally or keyed by block label (`R1.1=2,H4.1=1`).
    public func parseTuple(_ text: String) throws -> [Int] { try Geometry.parseTuple(text, labels: labels) }

    /// The component V_t with its invariants.
    /// - Throws: `GeometryError` if t is not an irreducible component.
    public func component(_ t: [Int]) throws -> GroupComponent {
        try decomposition.shapes.validateComponent(t, labels: labels, rank: rank)
        return GroupComponent(blocks: blocks, tuple: t, rank: rank, points: degree)
    }
}

/// A component V_t of E^G_r ≅ ∏_ρ {x ∈ M_μ(D_ρ) : rank_D x ≤ t_ρ} and its invariants (MATH.md §8,
/// GROUPS.md §2.4): per block of type D (δ = 1, 2, 4), multiplicity μ and entry t,
/// dimension δ·t(2μ − t); degree deg M_{t,μ×μ} (ℝ), its square (ℂ), deg M_{2t,2μ×2μ} (ℍ, the
/// complexification); ED degree C(μ, t) for every type; singular along t − e_ρ for 0 < t_ρ < μ_ρ.
public struct GroupComponent: ComponentInvariants {
    public let blocks: [IsotypicBlock]
    public let tuple: [Int]
    public let rank: Int
    /// n, the number of points.
    public let points: Int

    public var blockLabels: [String] { blocks.map(\.label) }

    /// Σ δ_ρ t_ρ(2μ_ρ − t_ρ).
    public var dimension: Int {
        zip(blocks, tuple).reduce(0) { $0 + $1.0.type.dimension * $1.1 * (2 * $1.0.multiplicity - $1.1) }
    }

    /// ∏ over blocks of the degree of the block's complexified determinantal variety.
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

    /// ∏ C(μ_ρ, t_ρ) (the singular value decomposition over D has C(μ, t) critical points).
    public var edDegree: BigInteger {
        get throws {
            let bits = zip(blocks, tuple).reduce(0) {
                ByteCount.sum($0, DeterminantalVariety.binomialBitBound($1.0.multiplicity, $1.1) ?? Int.max / 2)
            }
            try DeterminantalVariety.checkSize(bits, "the ED degree of this component")
            return productTree(zip(blocks, tuple).map { BigInteger.binomial(UInt($0.multiplicity), UInt($1)) })
        }
    }

    /// The components of Sing V_t: t lowered by one on each block with 0 < t_ρ < μ_ρ.
    public var singularLocus: [[Int]] {
        tuple.indices.compactMap { i in
            guard tuple[i] > 0, tuple[i] < blocks[i].multiplicity else { return nil }
            var s = tuple
            s[i] -= 1
            return s
        }
    }

    /// Σ w_ρ t_ρ: the largest rank in V_t.
    public var maximalRank: Int { zip(blocks, tuple).reduce(0) { $0 + $1.0.weight * $1.1 } }

    /// Whether V_t contains a matrix of rank r.
    public var containsRankR: Bool { maximalRank == rank }

    /// Real parameters of the component's autoencoder, encoder D^{t×μ} and decoder D^{μ×t} per block:
    /// Σ 2 δ μ t.
    public var parameterCount: Int {
        zip(blocks, tuple).reduce(0) { $0 + 2 * $1.0.type.dimension * $1.0.multiplicity * $1.1 }
    }

    /// 2·r·n, the dense rank-r autoencoder.
    public var denseParameterCount: Int { 2 * rank * points }
}
