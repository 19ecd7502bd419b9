import Foundation
import NumericBridge

/// The L-free setting of Perin & Deny's Fig. 3 (MATH.md §11.2; the authors' fig3.py): two interleaved
/// circles of N points, x₊ʲ = (cos θ_j, sin θ_j, Δ/2) and x₋ʲ = (cos(θ_j + π/N), sin(θ_j + π/N), −Δ/2),
/// θ_j = 2πj/N, labels ±1, an RBF kernel exp(−‖x − x′‖²/(2ℓ²)) (the code's exp(−L²‖x − x′‖²) with
/// ℓ = 1/(√2 L)), and x₊⁰ left out. The interleaved data are one orbit of C_2N, so the kernel is circulant
/// and the spectral error ε (eq. 7) is the exact GP residual; both are computed, with the block formula.
public struct CircularOrbitsExperiment: Sendable {
    /// One setting (N, Δ, ℓ): the spectral error and the exact residuals.
    public struct Point: Sendable {
        /// N, the points per orbit.
        public let n: Int
        /// Δ, the distance between the orbits' planes.
        public let delta: Double
        /// ℓ, the RBF length scale.
        public let lengthScale: Double
        /// ε = λ_N⁻¹ / mean λ⁻¹ (eq. 7).
        public let spectralError: Double
        /// The leave-one-out residual by a direct solve.
        public let exactResidual: Double
        /// The same residual by the block formula (MATH.md §11.3).
        public let blockResidual: Double
    }

    /// The two orbits (N points of ℝ³ each).
    public static func orbits(n: Int, delta: Double) -> [[[Double]]] {
        let theta = (0..<n).map { 2 * Double.pi * Double($0) / Double(n) }
        return [
            theta.map { [cos($0), sin($0), delta / 2] },
            theta.map { [cos($0 + Double.pi / Double(n)), sin($0 + Double.pi / Double(n)), -delta / 2] },
        ]
    }

    /// One setting's spectral error and exact residuals.
    /// - Throws: `NumericError.invalidInput` when the kernel matrix is numerically singular (very dense orbits).
    public static func point(n: Int, delta: Double, lengthScale: Double) throws -> Point {
        let a = try OrbitKernelAnalysis(
            orbits: orbits(n: n, delta: delta), labels: [1, -1], kernel: .rbf(lengthScale: lengthScale))
        guard let exact = a.exactResiduals, let block = a.blockResiduals else {
            throw NumericError.invalidInput("the kernel matrix is numerically singular at N = \(n), Δ = \(delta)")
        }
        return Point(
            n: n, delta: delta, lengthScale: lengthScale, spectralError: a.spectralError ?? .nan,
            exactResidual: exact[0], blockResidual: block[0])
    }
}
