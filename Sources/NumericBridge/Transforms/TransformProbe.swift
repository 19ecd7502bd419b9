import Foundation
import Geometry

/// Error estimates for a structured transform when no dense Q_σ fits: on random unit vectors x,
/// max ‖Q(Qᵀx) − x‖ (orthogonality) and max ‖Qᵀ(P_σx) − J(Qᵀx)‖ (block form). Estimates, not bounds.
public struct TransformProbe: Sendable {
    /// The number of random unit vectors probed.
    public let vectors: Int
    /// max ‖Q(Qᵀx) − x‖ over the probes.
    public let roundTripError: Double
    /// max ‖Qᵀ(P_σx) − J(Qᵀx)‖ over the probes.
    public let blockError: Double

    /// Probes the transform with k seeded random unit vectors.
    public init(_ t: StructuredTransform, vectors k: Int = 4, seed: UInt64 = 1) {
        let layout = t.layout
        let n = layout.degree
        var state = seed
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53) * 2 - 1
        }
        var roundTrip = 0.0
        var block = 0.0
        for _ in 0..<k {
            var x = (0..<n).map { _ in uniform() }
            let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
            x = x.map { $0 / norm }
            let y = t.forward(x, batch: 1)
            let back = t.inverse(y, batch: 1)
            roundTrip = max(roundTrip, zip(back, x).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot())
            var px = [Double](repeating: 0, count: n)  // (P x)[σ(i)] = x[i]
            for i in 0..<n { px[layout.permutation.image(of: i + 1) - 1] = x[i] }
            let ypx = t.forward(px, batch: 1)
            var jy = [Double](repeating: 0, count: n)
            for (a, col) in layout.columns.enumerated() {
                let theta = 2 * Double.pi * Double(col.frequency) / Double(layout.cycles[col.cycle].count)
                switch col.kind {
                case .constant: jy[a] = y[a]
                case .alternating: jy[a] = -y[a]
                case .cosine: jy[a] = cos(theta) * y[a] - sin(theta) * y[a + 1]
                case .sine: jy[a] = sin(theta) * y[a - 1] + cos(theta) * y[a]
                }
            }
            block = max(block, zip(ypx, jy).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot())
        }
        vectors = k
        roundTripError = roundTrip
        blockError = block
    }
}
