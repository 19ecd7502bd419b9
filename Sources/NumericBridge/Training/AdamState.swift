import Foundation

/// Adam's moment estimates for one parameter vector (Kingma & Ba 2015): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
/// θ ← θ − η·(m/(1−β₁ᵗ))/(√(v/(1−β₂ᵗ)) + ε).
public struct AdamState: Sendable {
    private var m: [Double]
    private var v: [Double]
    private var t = 0
    let beta1: Double
    let beta2: Double
    let epsilon: Double

    /// Zero moments for `count` parameters, with the decays β₁, β₂ and ε.
    public init(count: Int, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        m = [Double](repeating: 0, count: count)
        v = m
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// One step of `theta` along `gradient` with learning rate `rate`.
    public mutating func step(_ theta: inout [Double], _ gradient: [Double], rate: Double) {
        t += 1
        let c1 = 1 - pow(beta1, Double(t))
        let c2 = 1 - pow(beta2, Double(t))
        for i in theta.indices {
            m[i] = beta1 * m[i] + (1 - beta1) * gradient[i]
            v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i]
            theta[i] -= rate * (m[i] / c1) / ((v[i] / c2).squareRoot() + epsilon)
        }
    }
}
