import Foundation
import Algebra
import Geometry
import NumericBridge

/// The linear convolutional networks' theorem as a table (MATH.md §14.3): for a grid of architectures, gradient
/// descent from many seeds on synthetic data, each limit classified; strides > 1 should show no spurious limit,
/// stride 1 with two even filters should show some. Also the exactly certified spurious critical point of
/// k = (2, 2), stride 1.
public struct LCNReproduction: Sendable {
    /// One architecture's row.
    public struct Row: Sendable {
        /// The training runs.
        public let training: LCNTraining
        /// Whether the function space fills ℝ^k.
        public let filling: Bool
    }

    /// The architectures (filter sizes, strides) of the table.
    public static let grid: [([Int], [Int])] = [
        ([2, 2], [1, 1]), ([3, 2], [1, 1]), ([2, 2, 2], [1, 1, 1]), ([2, 2], [2, 1]), ([3, 2], [2, 1]),
        ([2, 3], [2, 1]), ([2, 2, 2], [2, 2, 1]), ([3, 3], [3, 1]),
    ]

    /// One row per architecture.
    public let rows: [Row]
    /// The certified point: ∇L = 0 exactly (rational arithmetic) while ∇ℓ(u) = (1, 1, 1).
    public let certifiedGradient: [Rational]
    /// ∇ℓ at the certified point's filter.
    public let certifiedFunctionGradient: [Rational]
    /// The Jacobian's rank there (the dimension is 3).
    public let certifiedJacobianRank: Int

    /// Runs the table with `seeds` runs per architecture.
    /// - Throws: whatever `progress(done, total)` throws.
    public init(seeds: Int, steps: Int, samples: Int, seed: UInt64, progress: (Int, Int) throws -> Void = { _, _ in })
        throws
    {
        var rows: [Row] = []
        for (i, (k, s)) in Self.grid.enumerated() {
            let net = try LinearConvolutionalNetwork(filterSizes: k, strides: s)
            let moments = LCNTraining.syntheticMoments(net, samples: samples, seed: seed &+ UInt64(i))
            rows.append(
                Row(
                    training: try LCNTraining(net, moments: moments, seeds: seeds, steps: steps), filling: net.isFilling
                ))
            try progress(i + 1, Self.grid.count)
        }
        self.rows = rows
        // k = (2, 2), stride 1, A = I, b = (1/2, −5/2, 1/2), w_1 = w_2 = x − 1
        let net = try LinearConvolutionalNetwork(filterSizes: [2, 2], strides: [1, 1])
        let point: [[Rational]] = [[-1, 1], [-1, 1]]
        let u = net.endToEnd(point)
        let b: [Rational] = [Rational(1, 2), Rational(-5, 2), Rational(1, 2)]
        let g = zip(u, b).map { 2 * ($0 - $1) }
        let jacobian = net.jacobian(at: point)
        certifiedFunctionGradient = g
        certifiedGradient = (0..<jacobian.columns).map { c in
            (0..<jacobian.rows).reduce(Rational(0)) { $0 + jacobian[$1, c] * g[$1] }
        }
        certifiedJacobianRank = jacobian.rank
    }
}
