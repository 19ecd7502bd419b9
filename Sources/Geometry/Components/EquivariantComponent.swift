import Algebra

/// An irreducible component V_t of E^σ_{r,n×n}: in the basis Q_σ, the product over blocks of
/// M_{t_b, d_b×d_b}(ℝ) (real blocks) and R(M_{t_b, d_b×d_b}(ℂ)) (complex blocks) (MATH.md §4.2, §4.4).
///
///     MNIST shift, r = 99, t = (13,10,9,8,7,5,3,1,0,…,0): dimension 4,717, 5,544 parameters
///     against 155,232 for the dense rank-99 autoencoder.
public struct EquivariantComponent: ComponentInvariants {
    public let structure: BlockStructure
    /// t, one entry per block in canonical order.
    public let tuple: [Int]
    /// r, the rank bound of the variety this is a component of.
    public let rank: Int

    public var blocks: [SpectralBlock] { structure.blocks }

    public var blockLabels: [String] { blocks.map(\.label) }

    /// Σ_real t(2d − t) + Σ_complex 2·t(2d − t).
    public var dimension: Int {
        zip(blocks, tuple).reduce(0) { $0 + $1.0.weight * $1.1 * (2 * $1.0.multiplicity - $1.1) }
    }

    /// ∏_real deg M_{t,d×d} · ∏_complex (deg M_{t,d×d})² (the complexification of R(M_t(ℂ)) is M_t × M_t).
    /// - Throws: `GeometryError.tooLarge` when the a-priori size bound exceeds
    ///   `DeterminantalVariety.maximumResultBits`.
    public var degree: BigInteger {
        get throws {
            var bits = 0
            for (b, t) in zip(blocks, tuple) {
                guard
                    let one = DeterminantalVariety.degreeBitBound(
                        rows: b.multiplicity, columns: b.multiplicity, rank: t)
                else {
                    bits = Int.max
                    break
                }
                bits = bits.addingReportingOverflow(b.weight * one).overflow ? Int.max : bits + b.weight * one
            }
            try DeterminantalVariety.checkSize(bits, "the degree of this component")
            var cache: [[Int]: BigInteger] = [:]
            var factors: [BigInteger] = []
            for (b, t) in zip(blocks, tuple) {
                let key = [b.multiplicity, t]
                let d =
                    cache[key] ?? DeterminantalVariety.degree(rows: b.multiplicity, columns: b.multiplicity, rank: t)
                cache[key] = d
                factors.append(b.isComplex ? d * d : d)
            }
            return productTree(factors)
        }
    }

    /// ∏ over all blocks of C(d, t): the complex factor is C(d, t), not its square (MATH.md §4.4).
    /// - Throws: `GeometryError.tooLarge` beyond `DeterminantalVariety.maximumResultBits`.
    public var edDegree: BigInteger {
        get throws {
            let bits = zip(blocks, tuple).reduce(0) {
                $0 + (DeterminantalVariety.binomialBitBound($1.0.multiplicity, $1.1) ?? Int.max / 2)
            }
            try DeterminantalVariety.checkSize(bits, "the ED degree of this component")
            return productTree(zip(blocks, tuple).map { BigInteger.binomial(UInt($0.multiplicity), UInt($1)) })
        }
    }

    /// Sing V_t: the union over blocks b with 0 < t_b < d_b of V_t with t_b lowered by one, as tuples.
    public var singularLocus: [[Int]] {
        zip(blocks, tuple).enumerated().compactMap { (i, bt) in
            let (b, t) = bt
            guard t > 0, t < b.multiplicity else { return nil }
            var s = tuple
            s[i] -= 1
            return s
        }
    }

    /// Σ w_b t_b: the largest rank of a matrix in V_t.
    public var maximalRank: Int { zip(blocks, tuple).reduce(0) { $0 + $1.0.weight * $1.1 } }

    /// Whether V_t contains a matrix of rank r (the paper counts only these).
    public var containsRankR: Bool { maximalRank == rank }

    /// Real parameters of its weight-sharing autoencoder: Σ_real 2·d·t + Σ_complex 4·d·t.
    public var parameterCount: Int { zip(blocks, tuple).reduce(0) { $0 + 2 * $1.0.weight * $1.0.multiplicity * $1.1 } }

    /// Parameters of the dense autoencoder R^n → R^r → R^n: 2·r·n.
    public var denseParameterCount: Int { 2 * rank * structure.degree }
}
