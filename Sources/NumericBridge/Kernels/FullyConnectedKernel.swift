import Foundation
import Algebra

/// The NNGP and NTK of a ReLU MLP of any depth in the infinite-width limit, in neural-tangents' conventions
/// (`stax.serial(Dense(W_std, b_std), Relu, …, Relu, Dense(W_std, b_std))`, NTK parameterisation; MATH.md §11.1):
/// K⁰ = σ_w²⟨x, x′⟩/d + σ_b², Θ⁰ = K⁰; for each of the `depth` hidden layers, with the arc-cosine expectations
/// T and T′ of K^l, K^{l+1} = σ_w² T + σ_b² and Θ^{l+1} = K^{l+1} + σ_w² T′ Θ^l.
public struct FullyConnectedKernel: Sendable {
    /// The number of hidden ReLU layers.
    public let depth: Int
    /// σ_w (W_std).
    public let weightStd: Double
    /// σ_b (b_std).
    public let biasStd: Double

    /// The kernels of a ReLU MLP of `depth` hidden layers.
    public init(depth: Int, weightStd: Double = 1, biasStd: Double = 0) {
        self.depth = depth
        self.weightStd = weightStd
        self.biasStd = biasStd
    }

    /// NNGP and NTK between the rows of x (n₁×d) and y (n₂×d), row-major n₁×n₂. For y = x (one data set against
    /// itself) only the upper triangle is computed and mirrored: the kernels are then exactly symmetric.
    public func kernels(_ x: [Double], _ y: [Double], features d: Int) -> (nngp: [Double], ntk: [Double]) {
        let (n1, n2) = (x.count / d, y.count / d)
        let (w2, b2) = (weightStd * weightStd, biasStd * biasStd)
        let symmetric = n1 == n2 && x == y
        let dot = BLAS.multiply(x, y, m: n1, n: n2, k: d, transposeB: true)
        let xx = (0..<n1).map { i in (0..<d).reduce(0) { $0 + x[i * d + $1] * x[i * d + $1] } }
        let yy = (0..<n2).map { j in (0..<d).reduce(0) { $0 + y[j * d + $1] * y[j * d + $1] } }
        // the gaps E(u − v)² = σ_w²‖x − y‖²/d (biases cancel), directly for nearby pairs
        var gap = [Double](repeating: 0, count: n1 * n2)
        for i in 0..<n1 {
            for j in (symmetric ? i : 0)..<n2 {
                let squared = ArcCosine.gap(xx[i], yy[j], dot[i * n2 + j]) {
                    (0..<d).reduce(0) { $0 + (x[i * d + $1] - y[j * d + $1]) * (x[i * d + $1] - y[j * d + $1]) }
                }
                gap[i * n2 + j] = w2 * squared / Double(d)
            }
        }
        var k = dot.map { w2 * $0 / Double(d) + b2 }
        var kx = xx.map { w2 * $0 / Double(d) + b2 }
        var ky = yy.map { w2 * $0 / Double(d) + b2 }
        var theta = k
        for _ in 0..<depth {
            for i in 0..<n1 {
                for j in (symmetric ? i : 0)..<n2 {
                    let r = ArcCosine.relu(kx[i], ky[j], k[i * n2 + j], gap: gap[i * n2 + j])
                    k[i * n2 + j] = w2 * r.value + b2
                    gap[i * n2 + j] = w2 * r.gap
                    theta[i * n2 + j] = k[i * n2 + j] + w2 * r.derivative * theta[i * n2 + j]
                }
            }
            kx = kx.map { w2 * $0 / 2 + b2 }
            ky = ky.map { w2 * $0 / 2 + b2 }
        }
        if symmetric {
            for i in 0..<n1 {
                for j in 0..<i {
                    k[i * n2 + j] = k[j * n2 + i]
                    theta[i * n2 + j] = theta[j * n2 + i]
                }
            }
        }
        return (k, theta)
    }
}
