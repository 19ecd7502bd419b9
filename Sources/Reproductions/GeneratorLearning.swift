import Algebra
import Foundation
import NumericBridge

/// Portilheiro's barrier to learning symmetries (MATH.md §9.4) as an experiment: learn a linear
/// map W and a "generator" A jointly, min_{W, ‖A‖_F = 1} (1/N)‖Y − WX‖²_F + λ‖AW − WA‖²_F, on data Y = W*X
/// from a generic G-equivariant W*. The constraint only asks A to commute with W; for the regular action of
/// the cyclic group C_n and a generic circulant W*, that commutant is exactly the group algebra ℝ[G] (the
/// circulants), so A converges to some point of ℝ[G] on the unit sphere, set by the initialisation, and
/// generically to no group element: linear equivariance cannot tell G from ℝ[G].
public struct GeneratorLearning: Sendable {
    /// One initialisation's result.
    public struct Run: Sendable {
        /// The run's seed.
        public let seed: UInt64
        /// ‖A − π(A)‖_F/‖A‖_F, π the orthogonal projection onto span{P^k} (0: A lies in ℝ[G]).
        public let distanceToGroupAlgebra: Double
        /// max over k ≠ 0 of |⟨A, P^k⟩|/(‖A‖·‖P^k‖): 1 when A is (a multiple of) a group element.
        public let largestGroupCosine: Double
        /// A's coordinates ⟨A, P^k⟩/n on the group elements P^0 = I, P, …, P^{n−1}.
        public let coordinates: [Double]
        /// The learned A (n×n, row-major, ‖A‖_F = 1).
        public let generator: [Double]
        /// (1/N)‖Y − WX‖²_F at the end.
        public let loss: Double
        /// ‖AW − WA‖_F at the end.
        public let commutator: Double

        /// Whether the run reached a critical point: loss and distance to ℝ[G] both at most
        /// `convergenceTolerance`. Only converged runs support a verdict about where A lands.
        public var converged: Bool {
            loss <= GeneratorLearning.convergenceTolerance
                && distanceToGroupAlgebra <= GeneratorLearning.convergenceTolerance
        }
    }

    /// The loss and distance below which a run counts as converged (the exact optimum has loss 0 and A ∈ ℝ[G]).
    public static let convergenceTolerance = 1e-8

    /// n, the points C_n acts on.
    public let n: Int
    /// The runs.
    public let runs: [Run]

    /// - Parameters: n points (C_n acting regularly), `runs` random initialisations, `steps` of gradient descent.
    public init(
        n: Int, samples: Int = 200, runs: Int, steps: Int, learningRate: Double = 0.05, penalty: Double = 1,
        seed: UInt64
    ) {
        self.n = n
        var rng = SplitMix(seed)
        let cycle = (0..<(n * n)).map { e -> Double in (e / n == (e % n + 1) % n) ? 1 : 0 }  // P e_j = e_{j+1}
        var powers = [Self.identity(n)]
        for _ in 1..<n { powers.append(BLAS.multiply(cycle, powers[powers.count - 1], m: n, n: n, k: n)) }
        let coefficients = (0..<n).map { _ in rng.normal() }
        let target = zip(coefficients, powers).reduce([Double](repeating: 0, count: n * n)) { w, term in
            zip(w, term.1).map { $0 + term.0 * $1 }
        }
        let x = (0..<(n * samples)).map { _ in rng.normal() }
        let y = BLAS.multiply(target, x, m: n, n: samples, k: n)
        var results: [Run] = []
        for r in 0..<runs {
            var local = SplitMix(seed &+ UInt64(r + 1) &* 0x9E37_79B9)
            var w = (0..<(n * n)).map { _ in local.normal() / Double(n) }
            var a = Self.normalised((0..<(n * n)).map { _ in local.normal() })
            var loss = 0.0
            var c = [Double]()
            for _ in 0..<steps {
                let residual = zip(y, BLAS.multiply(w, x, m: n, n: samples, k: n)).map { $0 - $1 }
                loss = residual.reduce(0) { $0 + $1 * $1 } / Double(samples)
                c = zip(BLAS.multiply(a, w, m: n, n: n, k: n), BLAS.multiply(w, a, m: n, n: n, k: n)).map { $0 - $1 }
                let fit = BLAS.multiply(residual, x, m: n, n: n, k: samples, transposeB: true)
                let atc = BLAS.multiply(a, c, m: n, n: n, k: n, transposeA: true)
                let cat = BLAS.multiply(c, a, m: n, n: n, k: n, transposeB: true)
                let cwt = BLAS.multiply(c, w, m: n, n: n, k: n, transposeB: true)
                let wtc = BLAS.multiply(w, c, m: n, n: n, k: n, transposeA: true)
                for e in 0..<(n * n) {
                    w[e] -= learningRate * (-2 * fit[e] / Double(samples) + 2 * penalty * (atc[e] - cat[e]))
                    a[e] -= learningRate * 2 * penalty * (cwt[e] - wtc[e])
                }
                a = Self.normalised(a)
            }
            let coordinates = powers.map { p in zip(a, p).reduce(0) { $0 + $1.0 * $1.1 } / Double(n) }
            var projection = [Double](repeating: 0, count: n * n)
            for (k, p) in powers.enumerated() { for e in 0..<(n * n) { projection[e] += coordinates[k] * p[e] } }
            let off = zip(a, projection).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
            let cosine = coordinates.dropFirst().map { abs($0) * Double(n) / Double(n).squareRoot() }.max() ?? 0
            results.append(
                Run(
                    seed: seed &+ UInt64(r + 1), distanceToGroupAlgebra: off, largestGroupCosine: cosine,
                    coordinates: coordinates, generator: a, loss: loss,
                    commutator: c.reduce(0) { $0 + $1 * $1 }.squareRoot()))
        }
        self.runs = results
    }

    static func identity(_ n: Int) -> [Double] { (0..<(n * n)).map { $0 / n == $0 % n ? 1 : 0 } }

    static func normalised(_ a: [Double]) -> [Double] {
        let norm = a.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return a.map { $0 / max(norm, .leastNormalMagnitude) }
    }
}
