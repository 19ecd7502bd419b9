import Foundation
import Algebra
import Geometry

/// Adam on the weight-sharing parameterisation of a component V_t of a group (MATH.md §8.8): per block
/// an encoder E ∈ D^{t×μ} and a decoder D ∈ D^{μ×t}, acting as Ê = Σ_e E^e ⊗ L_e and D̂ = Σ_e D^e ⊗ L_e,
/// so every parameter occurs at many pixel positions with coefficients from B. The loss of the data is
/// Σ_ρ tr Γ − 2 tr(D̂ÊΓ) + tr(ÊᵀD̂ᵀD̂ÊΓ) with Γ the block moments (`GroupBlockSpectra`), so each step uses the
/// exact full-batch gradient from these sufficient statistics (no mini-batch noise); `epochs·⌈N/batch⌉`
/// steps with a cosine learning-rate schedule, seeded initialisation.
public struct GroupAdamModel: Sendable {
    /// The block maps D̂Ê (δμ×δμ) of the trained model.
    public let maps: [[Double]]
    /// Mean squared error per pixel of the trained model on the data.
    public let loss: Double
    /// A bound on its rounding error.
    public let lossError: Double
    /// Real parameters trained: Σ 2δμt over the blocks.
    public let parameterCount: Int
    /// Full-batch Adam steps taken.
    public let steps: Int

    /// Trains the component's block maps D̂Ê on the block moments (full batch).
    /// - Throws: `NumericError.invalidInput` when Adam diverges, and whatever `progress` throws (an interruption).
    public init(
        _ spectra: GroupBlockSpectra, tuple: [Int], settings: AdamSettings, progress: ((Int, Int) throws -> Void)? = nil
    ) throws {
        let scale = 1 / Double(spectra.sampleCount * spectra.basis.degree)
        let steps = settings.epochs * ((spectra.sampleCount + settings.batchSize - 1) / settings.batchSize)
        var rng = SplitMix(settings.seed)
        var layouts: [(offset: Int, t: Int, mu: Int, structure: [[Double]])] = []
        var count = 0
        for (b, t) in zip(spectra.basis.blocks, tuple) {
            layouts.append((count, t, b.block.multiplicity, b.structure))
            count += 2 * t * b.block.multiplicity * b.block.type.dimension
        }
        var theta = (0..<count).map { _ in 0.1 * rng.normal() }
        var adam = AdamState(count: count, beta1: settings.beta1, beta2: settings.beta2, epsilon: settings.epsilon)
        let moments = spectra.blocks.map { $0.moment.map { $0 * scale } }
        for step in 0..<steps {
            var gradient = [Double](repeating: 0, count: count)
            for (gamma, layout) in zip(moments, layouts) {
                _ = Self.blockLossAndGradient(theta, layout: layout, gamma: gamma, gradient: &gradient)
            }
            let rate = settings.learningRate * 0.5 * (1 + cos(Double.pi * Double(step) / Double(max(steps, 1))))
            adam.step(&theta, gradient, rate: rate)
            guard theta.allSatisfy(\.isFinite) else {
                throw NumericError.diverged(
                    "Adam diverged at step \(step) with learning rate \(settings.learningRate)")
            }
            try progress?(step + 1, steps)
        }
        maps = layouts.map { layout in
            let (e, d) = Self.matrices(theta, layout: layout)
            let delta = layout.structure.count == 1 ? 1 : Int(Double(layout.structure[0].count).squareRoot())
            let size = delta * layout.mu
            guard layout.t > 0 else { return [Double](repeating: 0, count: size * size) }
            return BLAS.multiply(d, e, m: size, n: size, k: delta * layout.t)
        }
        // the final loss, evaluated exactly from the moments (not the last step's value)
        var finalLoss = 0.0
        var discard = [Double](repeating: 0, count: count)
        for (gamma, layout) in zip(moments, layouts) {
            finalLoss += Self.blockLossAndGradient(theta, layout: layout, gamma: gamma, gradient: &discard)
        }
        loss = max(finalLoss, 0)
        lossError = spectra.lossErrorBound(tuple.map { _ in 0 }) + 8 * Double.ulpOfOne * spectra.totalEnergy * scale
        parameterCount = count
        self.steps = steps
    }

    /// Ê (tδ×μδ) and D̂ (μδ×tδ) from the parameters: E^e_ik at offset + (i·μ + k)·δ + e, then D^e_ki.
    static func matrices(_ theta: [Double], layout: (offset: Int, t: Int, mu: Int, structure: [[Double]]))
        -> ([Double], [Double])
    {
        let delta = Int(Double(layout.structure[0].count).squareRoot())
        let (t, mu) = (layout.t, layout.mu)
        var e = [Double](repeating: 0, count: t * delta * mu * delta)
        var d = [Double](repeating: 0, count: mu * delta * t * delta)
        let half = t * mu * delta
        for i in 0..<t {
            for k in 0..<mu {
                for (ei, l) in layout.structure.enumerated() {
                    let x = theta[layout.offset + (i * mu + k) * delta + ei]
                    let y = theta[layout.offset + half + (k * t + i) * delta + ei]
                    for a in 0..<delta {
                        for b in 0..<delta {
                            e[(i * delta + a) * (mu * delta) + k * delta + b] += x * l[a * delta + b]
                            d[(k * delta + a) * (t * delta) + i * delta + b] += y * l[a * delta + b]
                        }
                    }
                }
            }
        }
        return (e, d)
    }

    /// tr Γ − 2 tr(D̂ÊΓ) + tr(ÊᵀD̂ᵀD̂ÊΓ) for one block, adding its parameter gradient.
    static func blockLossAndGradient(
        _ theta: [Double], layout: (offset: Int, t: Int, mu: Int, structure: [[Double]]), gamma: [Double],
        gradient: inout [Double]
    ) -> Double {
        let delta = Int(Double(layout.structure[0].count).squareRoot())
        let (t, mu) = (layout.t, layout.mu)
        let size = mu * delta
        let trace = (0..<size).reduce(0.0) { $0 + gamma[$1 * size + $1] }
        guard t > 0 else { return trace }
        let k = t * delta
        let (e, d) = matrices(theta, layout: layout)
        let eg = BLAS.multiply(e, gamma, m: k, n: size, k: size)  // ÊΓ
        let dtd = BLAS.multiply(d, d, m: k, n: k, k: size, transposeA: true)  // D̂ᵀD̂
        let dteg = BLAS.multiply(d, eg, m: size, n: size, k: k)  // D̂ÊΓ
        var loss = trace
        for i in 0..<size { loss -= 2 * dteg[i * size + i] }
        let dtdeg = BLAS.multiply(dtd, eg, m: k, n: size, k: k)  // D̂ᵀD̂ÊΓ
        for i in 0..<k { for j in 0..<size { loss += e[i * size + j] * dtdeg[i * size + j] } }
        // ∂/∂Ê = −2D̂ᵀΓ + 2D̂ᵀD̂ÊΓ ; ∂/∂D̂ = −2ΓÊᵀ + 2D̂ÊΓÊᵀ
        let dtg = BLAS.multiply(d, gamma, m: k, n: size, k: size, transposeA: true)
        let ge = zip(dtdeg, dtg).map { 2 * $0 - 2 * $1 }
        let egeT = BLAS.multiply(eg, e, m: k, n: k, k: size, transposeB: true)  // ÊΓÊᵀ
        let degeT = BLAS.multiply(d, egeT, m: size, n: k, k: k)
        let geT = BLAS.multiply(gamma, e, m: size, n: k, k: size, transposeB: true)  // ΓÊᵀ
        let gd = zip(degeT, geT).map { 2 * $0 - 2 * $1 }
        let half = t * mu * delta
        for i in 0..<t {
            for kk in 0..<mu {
                for (ei, l) in layout.structure.enumerated() {
                    var sumE = 0.0
                    var sumD = 0.0
                    for a in 0..<delta {
                        for b in 0..<delta {
                            sumE += ge[(i * delta + a) * size + kk * delta + b] * l[a * delta + b]
                            sumD += gd[(kk * delta + a) * k + i * delta + b] * l[a * delta + b]
                        }
                    }
                    gradient[layout.offset + (i * mu + kk) * delta + ei] += sumE
                    gradient[layout.offset + half + (kk * t + i) * delta + ei] += sumD
                }
            }
        }
        return loss
    }
}
