import Algebra

/// Semigroup convolutions on a right ideal S of a finite semigroup T (MATH.md §9.5): for l: S → ℚ,
/// (L_l f)(s₁) = Σ_{s₂ ∈ S} l(s₂) f(s₂s₁) on functions f: S → ℚ, spanned by C_s: f ↦ (s₁ ↦ f(s s₁)). Each commutes
/// with the right action (R_t f)(s) = f(st) of every t ∈ T, since both C_s R_t and R_t C_s send f to s₁ ↦ f(s s₁ t)
/// (associativity), so a convolution layer on S is equivariant under all of T: its symmetry is not unique.
/// Maps f ↦ f∘φ are the 0/1 matrices M[i, φ(i)] = 1 (rows and columns in the order of S as given).
///
///     T = ℤ₆ under ·, S = {0, 2, 4}: C₀ = f ↦ f(0)·1, C₂ swaps f(2) and f(4), C₄ = I; span and commutant dimension 3
public struct SemigroupConvolution: Sendable {
    /// T.
    public let semigroup: FiniteSemigroup
    /// S ⊆ T, in the order of the rows and columns of every matrix.
    public let ideal: [Int]
    /// C_s for s ∈ S (|S|×|S|).
    public let convolutions: [RationalMatrix]
    /// R_t for t ∈ T (|S|×|S|).
    public let rightActions: [RationalMatrix]
    /// Whether C_s R_t = R_t C_s for every s ∈ S and t ∈ T (checked on the maps, which is the matrix identity).
    public let commutes: Bool
    /// dim span{C_s}: the parameters of a convolution layer on S.
    public let convolutionDimension: Int
    /// dim of the maps commuting with every R_t, t ∈ T.
    public let commutantDimension: Int
    /// dim of the maps commuting with every R_s, s ∈ S (S's own right action on itself).
    public let idealCommutantDimension: Int

    /// The largest |S|: the commutants are solved exactly over |S|² unknowns.
    public static let largestIdeal = 32

    /// - Throws: `FiniteSemigroup.Refusal` unless S is a right ideal; `GeometryError.tooLarge` past `largestIdeal`
    ///   elements; `MemoryLimitError` from the exact solves.
    public init(_ t: FiniteSemigroup, ideal s: [Int]) throws {
        try t.requireRightIdeal(s)
        guard s.count <= Self.largestIdeal else {
            throw GeometryError.tooLarge(
                "S has \(s.count) elements; the exact commutants stop at \(Self.largestIdeal) (|S|² unknowns)")
        }
        semigroup = t
        ideal = s
        var position = [Int](repeating: -1, count: t.order)
        for (i, x) in s.enumerated() { position[x] = i }
        // φ as positions in S: C_x is s₁ ↦ x s₁, R_y is s ↦ s y
        let left = s.map { x in s.map { position[t.product(x, $0)] } }
        let right = (0..<t.order).map { y in s.map { position[t.product($0, y)] } }
        convolutions = left.map { Self.matrix($0) }
        rightActions = right.map { Self.matrix($0) }
        // C_x R_y f = s₁ ↦ f((x s₁) y) and R_y C_x f = s₁ ↦ f(x (s₁ y)): the composite maps must agree
        commutes = s.allSatisfy { x in
            (0..<t.order).allSatisfy { y in
                s.allSatisfy { s1 in t.product(t.product(x, s1), y) == t.product(x, t.product(s1, y)) }
            }
        }
        let n = s.count
        var stacked = RationalMatrix(rows: left.count, columns: n * n)
        for (k, phi) in left.enumerated() { for i in 0..<n { stacked[k, i * n + phi[i]] = Rational(1) } }
        convolutionDimension = stacked.rowReduced.rank
        commutantDimension = try Self.commutantDimension(Set(right).map { Self.matrix($0) }, size: n)
        let own = Set(s.map { right[$0] }).map { Self.matrix($0) }
        idealCommutantDimension = try Self.commutantDimension(own, size: n)
    }

    /// Whether every T-equivariant map is a convolution (span{C_s} is the whole commutant of T's right action).
    public var convolutionsAreTheCommutant: Bool { convolutionDimension == commutantDimension }

    /// The matrix of f ↦ f∘φ.
    static func matrix(_ phi: [Int]) -> RationalMatrix {
        var m = RationalMatrix(rows: phi.count, columns: phi.count)
        for (i, j) in phi.enumerated() { m[i, j] = Rational(1) }
        return m
    }

    static func commutantDimension(_ maps: [RationalMatrix], size n: Int) throws -> Int {
        let rho = try MatrixRepresentation(dimension: n, groupGenerators: [], lieGenerators: maps)
        return try EquivarianceConstraint(input: rho, output: rho).solve().dimension
    }
}
