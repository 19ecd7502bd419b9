import Algebra

/// The maps X with A X B⁻¹ = X for monomial A (d_out×d_out) and B (d_in×d_in): A e_i = a_i e_{π(i)} and
/// B e_j = b_j e_{σ(j)} give A E_ij B⁻¹ = (a_i/b_j) E_{π(i),σ(j)}, so the entries move along the cycles of
/// (i, j) ↦ (π(i), σ(j)) and each cycle whose weights multiply to 1 carries one fixed vector (its entries the
/// partial products), the others none. Exact, O(d_out·d_in), no linear system.
struct MonomialFixedSpace {
    /// u × k: one column per cycle with weight product 1, vec row-major.
    let basis: RationalMatrix

    init(_ a: RationalMatrix, _ b: RationalMatrix) {
        let (rows, columns) = (a.rows, b.rows)
        var pi = [Int](repeating: 0, count: rows)
        var weightA = [Rational](repeating: Rational(0), count: rows)
        for i in 0..<rows {
            for r in 0..<rows where !a.isZero(r, i) {
                pi[i] = r
                weightA[i] = a[r, i]
            }
        }
        var sigma = [Int](repeating: 0, count: columns)
        var weightB = [Rational](repeating: Rational(0), count: columns)
        for j in 0..<columns {
            for s in 0..<columns where !b.isZero(s, j) {
                sigma[j] = s
                weightB[j] = b[s, j]
            }
        }
        let u = rows * columns
        var seen = [Bool](repeating: false, count: u)
        var vectors: [[(Int, Rational)]] = []
        for start in 0..<u where !seen[start] {
            var entries: [(Int, Rational)] = []
            var value = Rational(1)
            var e = start
            repeat {
                seen[e] = true
                entries.append((e, value))
                let (i, j) = (e / columns, e % columns)
                value = value * weightA[i] / weightB[j]
                e = pi[i] * columns + sigma[j]
            } while e != start
            if value == Rational(1) { vectors.append(entries) }
        }
        var m = RationalMatrix(rows: u, columns: vectors.count)
        for (c, entries) in vectors.enumerated() { for (e, v) in entries { m[e, c] = v } }
        basis = m
    }
}
