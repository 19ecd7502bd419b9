import Foundation

/// The ReLU's Gaussian expectations (Cho & Saul's arc-cosine kernels of degree 1 and 0): for (u, v) centred
/// Gaussian with variances k₁₁, k₂₂ and covariance k₁₂, cos θ = k₁₂/√(k₁₁k₂₂),
/// E[relu(u)relu(v)] = √(k₁₁k₂₂)·(sin θ + (π − θ)cos θ)/(2π) and E[relu′(u)relu′(v)] = (π − θ)/(2π).
enum ArcCosine {
    static func relu(_ k11: Double, _ k22: Double, _ k12: Double) -> (value: Double, derivative: Double) {
        let scale = (k11 * k22).squareRoot()
        guard scale > 0 else { return (0, 0.5) }
        let cosine = min(1, max(-1, k12 / scale))
        let theta = acos(cosine)
        let value = scale * ((1 - cosine * cosine).squareRoot() + (Double.pi - theta) * cosine) / (2 * Double.pi)
        return (value, (Double.pi - theta) / (2 * Double.pi))
    }
}
