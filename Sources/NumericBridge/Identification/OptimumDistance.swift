import Foundation
import Algebra
import Geometry

/// How far a trained W is from the exact optimum W* of the component V_t it lies in, on data X (MATH.md
/// §4.5, MATH.md §8.7): the per-pixel losses ‖X − XWᵀ‖²_F/(N·n) of W (computed directly) and of W*
/// (its discarded spectrum), and ‖W − W*‖_F/‖W*‖_F. In the Q basis the distance splits orthogonally into
/// ‖W − π(W)‖²_F + Σ_ρ c_ρ‖F_ρ − F*_ρ‖²_F, and ‖W*‖²_F = rank W* (W* is an orthogonal projector).
public struct OptimumDistance: Sendable {
    /// N, the samples the losses are taken on.
    public let samples: Int
    /// The loss of W on the data (mean squared error per value), computed directly.
    public let loss: Double
    /// The exact optimum's loss on W's component.
    public let optimumLoss: Double
    /// A bound on the rounding error of `optimumLoss`.
    public let optimumLossError: Double
    /// ‖W − W*‖_F/‖W*‖_F (‖W‖_F when W* = 0).
    public let distance: Double
    /// loss − optimumLoss: never below −optimumLossError for an equivariant W in V_t.
    public var excess: Double { loss - optimumLoss }

    /// W's loss and its distance to the exact optimum of its component on the data.
    /// - Throws: `NumericError.invalidInput` when the data's size differs from W's.
    public init(
        _ identification: WeightIdentification, weights w: WeightMatrix, data: ImageDataset,
        frame: IsotypicFrame
    ) throws {
        guard data.features == w.n else {
            throw NumericError.invalidInput(
                "the data has \(data.features) values per sample, the weights act on \(w.n)")
        }
        let tuple = identification.tuple
        let optimum = try frame.optimum(of: data, tuple: tuple)
        samples = data.count
        optimumLoss = optimum.loss
        optimumLossError = optimum.lossError
        loss = Self.loss(w.values, n: w.n, data: data)
        var squared = identification.offCommutantSquared
        var optimumSquared = 0.0
        for (b, (f, g)) in zip(frame.blocks, zip(identification.maps, optimum.maps)) {
            let c = Double(b.slots)
            squared += c * zip(f, g).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            optimumSquared += c * g.reduce(0) { $0 + $1 * $1 }
        }
        distance = squared.squareRoot() / (optimumSquared > 0 ? optimumSquared.squareRoot() : 1)
    }

    /// ‖X − XWᵀ‖²_F/(N·n), a tile of rows at a time.
    static func loss(_ w: [Double], n: Int, data: ImageDataset) -> Double {
        let rows = StructuredTransform.rowsPerTile(batch: data.count, rowLength: n, values: 1 << 18)
        var sum = 0.0
        for start in stride(from: 0, to: data.count, by: rows) {
            let count = min(rows, data.count - start)
            let x = Array(data.values[(start * n)..<((start + count) * n)])
            let y = BLAS.multiply(x, w, m: count, n: n, k: n, transposeB: true)
            for i in 0..<(count * n) {
                let r = x[i] - y[i]
                sum += r * r
            }
        }
        return sum / Double(data.count * n)
    }
}
