import Foundation

/// The ReLU's Gaussian expectations (Cho & Saul's arc-cosine kernels of degree 1 and 0): for (u, v) centred
/// Gaussian with variances k₁₁, k₂₂ and covariance k₁₂, s = √(k₁₁k₂₂), cos θ = k₁₂/s,
/// E[relu(u)relu(v)] = s·J(θ)/(2π) with J(θ) = sin θ + (π − θ)cos θ, and E[relu′(u)relu′(v)] = (π − θ)/(2π).
/// θ comes from the gap g = E(u − v)² = k₁₁ + k₂₂ − 2k₁₂, which callers compute without cancellation:
/// 1 − cos θ = (g − (√k₁₁ − √k₂₂)²)/(2s), so nearby inputs (θ ≈ 0, where acos loses half the digits) keep full
/// precision, and so does the next layer's gap E(relu u − relu v)² = (√k₁₁ − √k₂₂)²/2 + s(π − J(θ))/π with
/// π − J(θ) = π(1 − cos θ) + θ cos θ − sin θ.
enum ArcCosine {
    static func relu(
        _ k11: Double, _ k22: Double, _ k12: Double, gap: Double
    ) -> (value: Double, derivative: Double, gap: Double) {
        relu(k11, k22, k12, roots: (k11.squareRoot(), k22.squareRoot()), gap: gap)
    }

    /// `relu` with √k₁₁ and √k₂₂ already known.
    @inline(__always)
    static func relu(
        _ k11: Double, _ k22: Double, _ k12: Double, roots: (Double, Double), gap: Double
    ) -> (value: Double, derivative: Double, gap: Double) {
        let (r1, r2) = roots
        let s = r1 * r2
        guard s > 0 else { return (0, 0.5, (k11 + k22) / 2) }
        let unequal = (k11 - k22) * (k11 - k22) / ((r1 + r2) * (r1 + r2))
        let oneMinusCos = min(2, max(0, gap - unequal) / (2 * s))
        // sin²θ = (1 − cos θ)(1 + cos θ), accurate because 1 − cos θ is; acos is well conditioned once θ > 0.14
        let (cosine, sine) = (1 - oneMinusCos, (oneMinusCos * (2 - oneMinusCos)).squareRoot())
        let theta = oneMinusCos < 0.01 ? 2 * asin((oneMinusCos / 2).squareRoot()) : acos(cosine)
        let value = s * (sine + (Double.pi - theta) * cosine) / (2 * Double.pi)
        let deficit = Double.pi * oneMinusCos + theta * cosine - sine
        return (value, (Double.pi - theta) / (2 * Double.pi), unequal / 2 + s * deficit / Double.pi)
    }

    /// The gap from the variances and covariance, recomputed from the inputs by `direct` when cancellation
    /// would cost a digit (1 − cos θ < 0.05: the expansion's rounding ε·(k₁₁ + k₂₂) moves θ by ε/sin θ).
    @inline(__always)
    static func gap(_ k11: Double, _ k22: Double, _ k12: Double, direct: () -> Double) -> Double {
        let expanded = k11 + k22 - 2 * k12
        return expanded < 0.1 * (k11 + k22) ? direct() : expanded
    }
}
