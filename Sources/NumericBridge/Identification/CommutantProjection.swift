import Foundation

/// The orthogonal projection of a real δμ×δμ matrix onto {Σ E_kl ⊗ Σ_e x_kl,e L_e}, the realified μ×μ
/// matrices over D = span{L_e} (MATH.md §8.1): each δ×δ block M_kl becomes Σ_e ⟨M_kl, L_e⟩/δ · L_e.
/// The L_e must be orthogonal with ⟨L_e, L_e⟩ = δ (1, i, j, k in a normalised model).
enum CommutantProjection {
    static func project(_ m: [Double], mu: Int, structure: [[Double]]) -> [Double] {
        let delta = Int(Double(structure[0].count).squareRoot())
        let d = delta * mu
        if delta == 1 { return m }
        var out = [Double](repeating: 0, count: d * d)
        for k in 0..<mu {
            for l in 0..<mu {
                for e in structure {
                    var inner = 0.0
                    for a in 0..<delta {
                        for b in 0..<delta { inner += m[(k * delta + a) * d + l * delta + b] * e[a * delta + b] }
                    }
                    inner /= Double(delta)
                    for a in 0..<delta {
                        for b in 0..<delta { out[(k * delta + a) * d + l * delta + b] += inner * e[a * delta + b] }
                    }
                }
            }
        }
        return out
    }
}
