import Foundation
import EqgeomTestSupport

@testable import NumericBridge

/// Levenberg–Marquardt on ∇L(θ) = 0 from `theta`: each step solves (HᵀH + νI)Δ = Hᵀ∇L with H the central-difference
/// Hessian, accepting steps that shrink ‖∇L‖ (ν ÷ 3) and raising ν × 4 otherwise. It reaches critical points of any
/// index, not only minima. Returns the end point when ‖∇L‖² ≤ 1e-20, else nil.
func newtonCriticalPoint(from theta: [Double], gradient: ([Double]) -> [Double], iterations: Int = 300) -> [Double]? {
    let p = theta.count
    var theta = theta
    var g = gradient(theta)
    var norm = g.reduce(0) { $0 + $1 * $1 }
    var damping = 1e-3
    for _ in 0..<iterations where norm > 1e-24 {
        var h = [Double](repeating: 0, count: p * p)
        for i in 0..<p {
            var (plus, minus) = (theta, theta)
            plus[i] += 1e-6
            minus[i] -= 1e-6
            let (gp, gm) = (gradient(plus), gradient(minus))
            for j in 0..<p { h[i * p + j] = (gp[j] - gm[j]) / 2e-6 }
        }
        var normal = BLAS.multiply(h, h, m: p, n: p, k: p, transposeA: true)
        for i in 0..<p { normal[i * p + i] += damping }
        let rhs = BLAS.multiply(h, g, m: p, n: 1, k: p, transposeA: true)
        guard let step = try? solvePositiveDefinite(normal, rhs, n: p, columns: 1) else { break }
        let trial = zip(theta, step).map { $0 - $1 }
        let gt = gradient(trial)
        let nt = gt.reduce(0) { $0 + $1 * $1 }
        if nt < norm {
            (theta, g, norm) = (trial, gt, nt)
            damping = max(damping / 3, 1e-15)
        } else {
            damping *= 4
        }
    }
    return norm <= 1e-20 ? theta : nil
}
