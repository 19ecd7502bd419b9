import Algebra

/// The symmetries of a least-squares linear regression Y ≈ AX, A = YXᵀ(XXᵀ)⁻¹ (MATH.md §10.1, Thm 1, eqs.
/// (13)–(14) of the L-conv paper), as Lie algebras of exact linear conditions (dimensions over ℚ):
/// - invariant outputs (13 with u_c = I): L with LH + HLᵀ = 0 and AL = 0 (so(ker A) when H = I:
///   (d−a)(d−a−1)/2 for a = rank A);
/// - equivariant outputs (13, u_c free): pairs (L, L_c ∈ gl(c)) with LH + HLᵀ = 0 and L_c A = AL;
/// - the fitted map alone (14, u and u_c orthogonal): pairs (L ∈ so(d), L_c ∈ so(c)) with L_c A = AL.
/// When H = I and A has orthonormal rows the last two have dimension c(c−1)/2 + (d−c)(d−c−1)/2; a generic
/// A has fewer (the oracles in Tests/GeometryTests/Oracles/data_symmetries.json).
public struct RegressionSymmetry: Sendable {
    /// A = YXᵀ(XXᵀ)⁻¹, exactly.
    public let fittedMap: RationalMatrix
    /// dim{L : LH + HLᵀ = 0, AL = 0}: the invariant-outputs condition (13) with u_c = I.
    public let invariantOutputsDimension: Int
    /// dim{(L, L_c ∈ gl(c)) : LH + HLᵀ = 0, L_c A = AL}: the equivariant-outputs condition (13).
    public let equivariantOutputsDimension: Int
    /// dim{(L ∈ so(d), L_c ∈ so(c)) : L_c A = AL}: the fitted map's own condition (14).
    public let fittedMapDimension: Int

    /// - Parameters: x: d×N inputs (one sample per column), y: c×N targets.
    /// - Throws: `GeometryError.invalidShape` when the sample counts differ or XXᵀ is singular.
    public init(x: RationalMatrix, y: RationalMatrix) throws {
        guard x.columns == y.columns, x.columns > 0 else {
            throw GeometryError.invalidShape(
                "X has \(x.columns) samples and Y \(y.columns): one column per sample in both")
        }
        let h = x * x.transposed
        guard let inverse = h.inverse else {
            throw GeometryError.invalidShape(
                "XXᵀ is singular (rank \(h.rank) of \(h.rows)): the regression is not unique")
        }
        let a = y * x.transposed * inverse
        fittedMap = a
        let (d, c) = (x.rows, y.rows)
        var invariant = LinearSystem()
        let l0 = invariant.addUnknown(rows: d, columns: d)
        invariant.addPreserving(l0, h)
        invariant.addMatrixEquation([(left: a, block: l0, right: nil)])
        invariantOutputsDimension = try invariant.solve().columns
        var equivariant = LinearSystem()
        let l1 = equivariant.addUnknown(rows: d, columns: d)
        let m1 = equivariant.addUnknown(rows: c, columns: c)
        equivariant.addPreserving(l1, h)
        equivariant.addMatrixEquation([
            (left: nil, block: m1, right: a), (left: Rational(-1) * a, block: l1, right: nil),
        ])
        equivariantOutputsDimension = try equivariant.solve().columns
        var fitted = LinearSystem()
        let l2 = fitted.addUnknown(rows: d, columns: d)
        let m2 = fitted.addUnknown(rows: c, columns: c)
        fitted.addSkew(l2)
        fitted.addSkew(m2)
        fitted.addMatrixEquation([(left: nil, block: m2, right: a), (left: Rational(-1) * a, block: l2, right: nil)])
        fittedMapDimension = try fitted.solve().columns
    }
}
