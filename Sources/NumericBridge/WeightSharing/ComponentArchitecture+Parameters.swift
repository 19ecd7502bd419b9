import Foundation
import Algebra

extension ComponentArchitecture {
    /// θ of the autoencoder whose block maps are the orthogonal projectors `maps` (the exact optimum F_ρ = U U*
    /// of each block, MATH.md §4.5, §8.7): per block an orthonormal basis U ∈ D^{μ×t} of F's range, found by
    /// Gram–Schmidt over D on the realified range (a unit vector v of the range is the first column of the
    /// realified D-vector u with u_k = Σ_e ⟨v_k, L_e e₁⟩ L_e), then encoder E = U* and decoder D = U, so that the
    /// realified D·E is F. θ is in this architecture's order (per block E, then D).
    /// - Throws: `NumericError.invalidInput` when a map is not a projector onto t_ρ D-directions in this frame.
    public func parameters(projectors maps: [[Double]]) throws -> [Double] {
        guard maps.count == frame.blocks.count else {
            throw NumericError.invalidInput("one block map per block is needed (\(frame.blocks.count))")
        }
        var theta = [Double](repeating: 0, count: parameterCount)
        for (b, (block, t)) in zip(frame.blocks, tuple).enumerated() where t > 0 {
            let (mu, delta) = (block.multiplicity, block.type.dimension)
            let d = delta * mu
            let f = maps[b]
            guard f.count == d * d else { throw NumericError.invalidInput("block \(block.label): map is not δμ×δμ") }
            let lines = try Self.orthonormalLines(f, count: t, mu: mu, structure: block.structure)
            let start = blockParameterOffsets[b]
            let half = t * mu * delta
            for (i, u) in lines.enumerated() {
                for k in 0..<mu {
                    // D_ki = u_k; E_ik = u_k*, whose realification is (Σ_e u^e_k L_e)ᵀ
                    let m = Self.combination(u[k], block.structure, delta)
                    for (e, l) in block.structure.enumerated() {
                        theta[start + half + (k * t + i) * delta + e] = u[k][e]
                        var dot = 0.0
                        for r in 0..<delta { for c in 0..<delta { dot += m[c * delta + r] * l[r * delta + c] } }
                        theta[start + (i * mu + k) * delta + e] = dot / Double(delta)
                    }
                }
            }
        }
        return theta
    }

    /// Σ_e x_e L_e (δ×δ, row-major).
    static func combination(_ x: [Double], _ structure: [[Double]], _ delta: Int) -> [Double] {
        var m = [Double](repeating: 0, count: delta * delta)
        for (e, l) in structure.enumerated() { for j in m.indices { m[j] += x[e] * l[j] } }
        return m
    }

    /// `count` orthonormal D-vectors (per copy k the δ coefficients u^e_k) spanning the range of the projector f.
    /// Candidates are f's eigenvectors of eigenvalue near 1 (an orthonormal basis of the range); each step takes
    /// the one farthest from the D-lines found so far, whose distance is at least 1/√count by a trace argument.
    static func orthonormalLines(_ f: [Double], count: Int, mu: Int, structure: [[Double]]) throws -> [[[Double]]] {
        let delta = structure.count
        let d = delta * mu
        let refused = NumericError.invalidInput("the block map is not a projector onto \(count) D-directions")
        let (values, vectors) = try Eigen.symmetric(f, d)
        let rangeSize = values.filter { $0 > 0.5 }.count
        guard rangeSize == delta * count else { throw refused }
        let candidates = (0..<rangeSize).map { j in (0..<d).map { vectors[$0 * d + j] } }
        var basis: [[Double]] = []  // the realified columns found so far (orthonormal)
        var lines: [[[Double]]] = []
        for _ in 0..<count {
            var best: [Double] = []
            var bestNorm = 0.0
            for candidate in candidates {
                var v = candidate
                for q in basis {
                    let dot = zip(q, v).reduce(0) { $0 + $1.0 * $1.1 }
                    for r in 0..<d { v[r] -= dot * q[r] }
                }
                let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
                if norm > bestNorm { (best, bestNorm) = (v, norm) }
            }
            guard bestNorm * bestNorm * Double(count) > 0.5 else { throw refused }
            let v = best.map { $0 / bestNorm }
            // u_k = Σ_e ⟨v_k, L_e e₁⟩ L_e, and the realified columns R(u) e_a = (Σ_e u^e_k L_e e_a)_k
            let u = (0..<mu).map { k in
                structure.map { l in (0..<delta).reduce(0) { $0 + v[k * delta + $1] * l[$1 * delta] } }
            }
            for a in 0..<delta {
                var column = [Double](repeating: 0, count: d)
                for k in 0..<mu {
                    let m = combination(u[k], structure, delta)
                    for r in 0..<delta { column[k * delta + r] = m[r * delta + a] }
                }
                basis.append(column)
            }
            lines.append(u)
        }
        // the lines span exactly the range: Σ R(u)R(u)ᵀ = f
        let scale = f.reduce(0) { max($0, abs($1)) }
        for r in 0..<d {
            for c in 0..<d {
                let p = basis.reduce(0) { $0 + $1[r] * $1[c] }
                guard abs(p - f[r * d + c]) <= 1e-8 * max(scale, 1) else { throw refused }
            }
        }
        return lines
    }
}
