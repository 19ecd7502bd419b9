import Algebra

/// The critical points of the squared loss ℓ(W) = ‖X − WX‖² on a component V_t or on the whole variety E_r,
/// and of the weight-sharing parameterisation L(D, E) = ℓ(DE), for generic data (MATH.md §12.2–§12.4). On block
/// b a critical function keeps a set J_b of j_b ≤ t_b of the μ_b eigen-directions of the block covariance over
/// D; it is pure when j = t (a smooth point of V_t; ∏ C(μ, t) of them, the ED degree) and spurious otherwise.
/// Counts are exact; the Morse-index distributions are polynomials in q whose coefficient of q^i counts the
/// critical points of index i: ∏_b [μ_b choose t_b]_{q^{δ_b}} on the smooth locus, and in parameter space
/// ∏_b Σ_{j ≤ t_b} q^{δ_b(t_b − j)(μ_b − j)} [μ_b choose j]_{q^{δ_b}}.
///
///     dense n = 4, r = 2: 6 pure (indices 0, 1, 2, 2, 3, 4) and 5 spurious (J = ∅ and the 4 single directions).
public struct CriticalPointCount: Sendable {
    /// Pure critical points: smooth points of the function space where ℓ restricted to it is critical.
    public let pure: BigInteger
    /// All critical functions of the parameterisation, pure and spurious (each with a gauge orbit of
    /// parameters).
    public let all: BigInteger
    /// Σ over the pure critical points of q^{Morse index of ℓ on the smooth locus}; nil when not computed
    /// (`unavailable` says why).
    public let pureIndices: IntegerPolynomial?
    /// Σ over all critical functions of q^{Morse index of L in parameter space} (components only; nil on the
    /// whole variety, where a critical function is critical for several parameterisations).
    public let parameterIndices: IntegerPolynomial?
    /// Why `pureIndices` was not computed, or nil.
    public let unavailable: String?

    /// all − pure: the critical functions on the singular locus.
    public var spurious: BigInteger { all - pure }

    /// The largest estimated work (polynomial terms, about 15 s on one core) for which the index distributions
    /// are computed.
    public static let maximumIndexWork = 1_000_000_000
}

extension EquivariantComponent {
    /// All critical functions on V_t, ∏_b Σ_{j ≤ t_b} C(μ_b, j), without the index distributions.
    public var criticalFunctionCount: BigInteger {
        productTree(
            zip(blocks, tuple).map { block, t in
                (0...t).reduce(BigInteger(0)) { $0 + BigInteger.binomial(UInt(block.multiplicity), UInt($1)) }
            })
    }

    /// The critical points of ℓ on V_t and of its weight-sharing parameterisation, with both index distributions.
    /// - Throws: `GeometryError.tooLarge` when the counts or the distributions would exceed
    ///   `DeterminantalVariety.maximumResultBits` or `CriticalPointCount.maximumIndexWork`.
    public var criticalPoints: CriticalPointCount {
        get throws {
            let pure = try edDegree
            var smooth = IntegerPolynomial(coefficients: [1])
            var parameter = IntegerPolynomial(coefficients: [1])
            var work = 0
            for (block, t) in zip(blocks, tuple) {
                let (mu, delta) = (block.multiplicity, block.type.dimension)
                // t + 1 Gaussian binomials of degree ≤ δμ²/4 and their products: ~10 terms per δ(t+1)(μ+1)²
                work = ByteCount.sum(work, ByteCount.product(10 * delta, (t + 1) * (mu + 1), mu + 1))
                guard work <= CriticalPointCount.maximumIndexWork else {
                    throw GeometryError.tooLarge(
                        "the Morse-index distributions of this component need about \(work) polynomial terms; "
                            + "use a smaller case")
                }
                smooth = smooth * IntegerPolynomial.gaussianBinomial(mu, t, step: delta)
                var block = IntegerPolynomial()
                for j in 0...t {
                    var shift = [BigInteger](repeating: 0, count: delta * (t - j) * (mu - j) + 1)
                    shift[shift.count - 1] = 1
                    block = block + IntegerPolynomial(coefficients: shift) * .gaussianBinomial(mu, j, step: delta)
                }
                parameter = parameter * block
            }
            return CriticalPointCount(
                pure: pure, all: criticalFunctionCount, pureIndices: smooth, parameterIndices: parameter,
                unavailable: nil)
        }
    }
}

extension EquivariantVariety {
    /// All critical functions on E_r, Σ_{k ≤ r} [x^k] ∏_b (1 + x^{w_b})^{μ_b}, without pure counts or indices.
    /// - Throws: `GeometryError.tooLarge`/`MemoryLimitError` when the series would be too long.
    public var criticalFunctionCount: BigInteger {
        get throws {
            let r = min(rank, degree)
            try shapes.checkSeriesLength(r + 1, of: .subsets)
            return shapes.generatingFunction(length: r + 1, of: .subsets).coefficients.reduce(BigInteger(0), +)
        }
    }

    /// The critical points of ℓ on the whole variety E_r: a critical function keeps j_b ≤ μ_b directions per block
    /// with Σ w_b j_b ≤ r (it is critical for the parameterisation of every component t ≥ j); it is pure when j is
    /// itself a component (a smooth point of E_r), so pure = Σ over the components of their ED degrees, counted
    /// by the slack sum of `BlockShapes` with (1 + x^w)^μ for each free block (MATH.md §12.3). The index
    /// distribution of the pure points is included when its work estimate is within
    /// `CriticalPointCount.maximumIndexWork`.
    /// - Throws: `GeometryError.tooLarge`/`MemoryLimitError` when the series would be too long.
    public var criticalPoints: CriticalPointCount {
        get throws {
            let s = shapes
            let r = min(rank, degree)
            let all = try criticalFunctionCount
            var pure = BigInteger(0)
            if rank > degree {
                pure = 1
            } else {
                for slack in 0..<s.heaviest {
                    pure += s.coefficient(r - slack - s.capacity(atMost: slack), heavierThan: slack, of: .subsets)
                }
            }
            let (indices, reason) = pureIndexDistribution()
            return CriticalPointCount(
                pure: pure, all: all, pureIndices: indices, parameterIndices: nil, unavailable: reason)
        }
    }

    /// Σ over the components t of ∏_b [μ_b choose t_b]_{q^δ}: per slack s the coefficient of x^{r−s−S_s} in
    /// ∏_{w_b > s} Σ_t x^{w_b t} [μ_b choose t]_{q^δ} (blocks of weight ≤ s saturated, index 0), as an array over
    /// the x-degree of polynomials in q. Nil with a reason past the work bound.
    private func pureIndexDistribution() -> (IntegerPolynomial?, String?) {
        let r = rank
        // r ≥ n: the one component t = μ, whose single pure point (W = I) has index 0
        guard r < degree else { return (IntegerPolynomial(coefficients: [1]), nil) }
        let types = decomposition.blocks.map { $0.type.dimension }
        let s = shapes
        let qDegree = zip(types, s.multiplicities).reduce(0) { ByteCount.sum($0, $1.0 * $1.1 * $1.1 / 4 + 1) }
        // per slack, block, x-degree and block entry t one product with the running polynomial in q
        let choices = zip(s.weights, s.multiplicities).reduce(0) { ByteCount.sum($0, min($1.1, r / $1.0) + 1) }
        let work = ByteCount.product(s.heaviest, ByteCount.product(choices, r + 1), qDegree)
        guard work <= CriticalPointCount.maximumIndexWork else {
            return (
                nil, "the index distribution over the whole variety needs about \(work) terms; ask for one component"
            )
        }
        var total = IntegerPolynomial()
        for slack in 0..<s.heaviest {
            let target = r - slack - s.capacity(atMost: slack)
            guard target >= 0 else { continue }
            // series[k]: polynomial in q for x-degree k
            var series = [IntegerPolynomial](repeating: IntegerPolynomial(), count: target + 1)
            series[0] = IntegerPolynomial(coefficients: [1])
            for (b, (w, mu)) in zip(s.weights, s.multiplicities).enumerated() where w > slack {
                let factors = (0...min(mu, target / w)).map {
                    IntegerPolynomial.gaussianBinomial(mu, $0, step: types[b])
                }
                var next = [IntegerPolynomial](repeating: IntegerPolynomial(), count: target + 1)
                for k in 0...target where !series[k].isZero {
                    for (t, f) in factors.enumerated() where k + w * t <= target {
                        next[k + w * t] = next[k + w * t] + series[k] * f
                    }
                }
                series = next
            }
            total = total + series[target]
        }
        return (total, nil)
    }
}
