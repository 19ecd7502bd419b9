import Algebra

/// The exact unnormalised basis B of MATH.md §5, with D = BᵀB rational diagonal and Q_σ = B·D^{−1/2}.
///
/// Entries are cyclotomic numbers: B[i_s, cos_f] = cos(2πfs/c), B[i_s, sin_f] = sin(2πfs/c) (in
/// ℚ(ζ_lcm(c,4))), 1 and (−1)^s for the real columns. B is never stored densely: column j is supported
/// on its cycle only.
public struct ExactBasis: Sendable {
    /// The column layout (cycles, blocks, frequencies) the exact entries are read from.
    public let layout: BasisLayout

    /// The exact basis of σ (MATH.md §5).
    /// - Throws: `PermutationError`/`MemoryLimitError` when σ's layout does not fit the memory budget.
    public init(_ sigma: Permutation) throws { layout = try BasisLayout(sigma) }

    /// The value of column `column` at position s of its cycle (length c), in ℚ(ζ_lcm(c,4)).
    public func value(_ column: BasisColumn, at s: Int) -> CyclotomicNumber {
        let c = layout.cycles[column.cycle].count
        switch column.kind {
        case .constant: return CyclotomicNumber(Rational(1))
        case .alternating: return CyclotomicNumber(Rational(s % 2 == 0 ? 1 : -1))
        case .cosine: return CyclotomicField.cosine(column.frequency * s % c, c)
        case .sine: return CyclotomicField.sine(column.frequency * s % c, c)
        }
    }

    /// D = BᵀB, the diagonal of squared column norms.
    public var squaredNorms: [Rational] { layout.columns.map(layout.squaredNorm) }

    /// B as a dense n×n matrix of cyclotomic numbers (small n only: n² entries).
    public func denseMatrix() -> [[CyclotomicNumber]] {
        let n = layout.degree
        let zero = CyclotomicNumber(Rational(0))
        var m = [[CyclotomicNumber]](repeating: [CyclotomicNumber](repeating: zero, count: n), count: n)
        for (j, col) in layout.columns.enumerated() {
            for (s, point) in layout.cycles[col.cycle].enumerated() { m[point][j] = value(col, at: s) }
        }
        return m
    }

    /// The expected block form J = I ⊕ rotations ⊕ −I with Q_σᵀ P_σ Q_σ = J, as exact entries:
    /// for a pair (cos_f, sin_f) on a cycle of length c the 2×2 block [[cos θ, −sin θ], [sin θ, cos θ]], θ = 2πf/c.
    public func blockFormEntry(_ a: Int, _ b: Int) -> CyclotomicNumber {
        let ca = layout.columns[a]
        let cb = layout.columns[b]
        guard ca.cycle == cb.cycle, ca.frequency == cb.frequency, ca.block == cb.block else {
            return CyclotomicNumber(Rational(0))
        }
        let c = layout.cycles[ca.cycle].count
        let f = ca.frequency
        switch (ca.kind, cb.kind) {
        case (.constant, .constant): return CyclotomicNumber(Rational(1))
        case (.alternating, .alternating): return CyclotomicNumber(Rational(-1))
        case (.cosine, .cosine), (.sine, .sine): return CyclotomicField.cosine(f, c)
        case (.sine, .cosine): return CyclotomicField.sine(f, c)
        case (.cosine, .sine): return -CyclotomicField.sine(f, c)
        default: return CyclotomicNumber(Rational(0))
        }
    }
}
