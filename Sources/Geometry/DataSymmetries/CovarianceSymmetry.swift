import Algebra

/// The symmetries of a data covariance H = XXᵀ/N (MATH.md §10.1, Thm 1 and Cor. 1 of the L-conv paper):
/// the Lie algebra {L : LH + HLᵀ = 0} of {u : uHuᵀ = H} has dimension d(d−1)/2 for every full-rank H (the
/// group is a conjugate of O(d), not SO(d): H^{1/2}RH^{−1/2} with a reflection R preserves H), with the
/// rational basis {S H⁻¹ : S skew}; for rank r it has r(r−1)/2 + r(d−r) + (d−r)². The informative part is
/// so(d) ∩ comm(H), the Euclidean rotations' generators that preserve H: dimension Σ_f deg f·e(e−1)/2 over the
/// irreducible factors f^e of the characteristic polynomial (H symmetric: the factor's roots are eigenvalues
/// of multiplicity e), checked here against the direct nullspace.
public struct CovarianceSymmetry: Sendable {
    /// d, the size of H.
    public let dimension: Int
    /// The rank of H.
    public let rank: Int
    /// dim {L : LH + HLᵀ = 0} from the exact nullspace, and the formula it must equal.
    public let cor1Dimension: Int
    /// r(r−1)/2 + r(d−r) + (d−r)², the dimension of Cor. 1's algebra for H of rank r (MATH.md §10.1).
    public var cor1Formula: Int {
        rank * (rank - 1) / 2 + rank * (dimension - rank) + (dimension - rank) * (dimension - rank)
    }
    /// dim so(d) ∩ comm(H) from the exact nullspace.
    public let orthogonalDimension: Int
    /// Σ_f deg f · e(e−1)/2 from the factored characteristic polynomial.
    public let orthogonalFormula: Int
    /// Per irreducible factor of the characteristic polynomial: its degree (eigenvalues it carries) and
    /// exponent (their multiplicity), by degree then multiplicity.
    public let eigenvalueMultiplicities: [(degree: Int, multiplicity: Int)]
    /// A basis of {L : LH + HLᵀ = 0} (S H⁻¹ over the skew E_ij − E_ji when H is invertible).
    public let cor1Basis: [RationalMatrix]

    /// The largest d solved exactly: the two nullspaces have d² unknowns each, so the work grows as d⁶ (d = 40
    /// takes seconds, d = 64 over a minute and a gigabyte).
    public static let maximumDimension = 48

    /// - Throws: `GeometryError.invalidShape` unless H is square and symmetric; `.tooLarge` past
    ///   `maximumDimension`, before any work.
    public init(covariance h: RationalMatrix) throws {
        let d = h.rows
        guard d >= 1, h.columns == d, h == h.transposed else {
            throw GeometryError.invalidShape(
                "a covariance must be a symmetric square matrix (got \(h.rows)×\(h.columns))")
        }
        guard d <= Self.maximumDimension else {
            throw GeometryError.tooLarge(
                "an exact \(d)×\(d) covariance has \(d * d) unknowns per nullspace (limit d = \(Self.maximumDimension))"
            )
        }
        dimension = d
        rank = h.rank
        let preserving = try Self.lhPlusHlt(h)
        cor1Dimension = preserving.columns
        if let inverse = h.inverse {
            var basis: [RationalMatrix] = []
            for i in 0..<d {
                for j in (i + 1)..<d {
                    var s = RationalMatrix(rows: d, columns: d)
                    s[i, j] = Rational(1)
                    s[j, i] = Rational(-1)
                    basis.append(s * inverse)
                }
            }
            cor1Basis = basis
        } else {
            cor1Basis = (0..<preserving.columns).map { c in Self.reshape(preserving, column: c, d) }
        }
        var rotations = LinearSystem()
        let r = rotations.addUnknown(rows: d, columns: d)
        rotations.addSkew(r)
        rotations.addMatrixEquation([(left: nil, block: r, right: h), (left: Rational(-1) * h, block: r, right: nil)])
        orthogonalDimension = try rotations.solve().columns
        let factors = h.characteristicPolynomial.primitiveIntegerPart.irreducibleFactors
        eigenvalueMultiplicities = factors.map { ($0.factor.degree, $0.multiplicity) }.sorted {
            ($0.0, $0.1) < ($1.0, $1.1)
        }
        orthogonalFormula = factors.reduce(0) { $0 + $1.factor.degree * $1.multiplicity * ($1.multiplicity - 1) / 2 }
    }

    /// The nullspace of L ↦ LH + HLᵀ (columns = vec L, row-major).
    static func lhPlusHlt(_ h: RationalMatrix) throws -> RationalMatrix {
        var system = LinearSystem()
        system.addPreserving(system.addUnknown(rows: h.rows, columns: h.rows), h)
        return try system.solve()
    }

    static func reshape(_ basis: RationalMatrix, column c: Int, _ d: Int) -> RationalMatrix {
        var m = RationalMatrix(rows: d, columns: d)
        for e in 0..<(d * d) where !basis.isZero(e, c) { m[e / d, e % d] = basis[e, c] }
        return m
    }
}
