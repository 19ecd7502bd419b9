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
        let (pi, weightA) = Self.monomial(a)
        let (sigma, weightB) = Self.monomial(b)
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

    /// A monomial matrix M as M e_i = w_i e_{π(i)}: the images π and the weights w.
    static func monomial(_ m: RationalMatrix) -> (images: [Int], weights: [Rational]) {
        var images = [Int](repeating: 0, count: m.rows)
        var weights = [Rational](repeating: Rational(0), count: m.rows)
        for i in 0..<m.rows {
            for r in 0..<m.rows where !m.isZero(r, i) {
                images[i] = r
                weights[i] = m[r, i]
            }
        }
        return (images, weights)
    }
}
