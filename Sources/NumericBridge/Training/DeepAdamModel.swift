import Foundation
import Algebra
import Geometry

/// Adam on the L-layer factorisation of a deep equivariant network (MATH.md §13.3): on every block the end-to-end
/// map is F = R(W_L)⋯R(W_1) with W_i ∈ D^{m_i × m_{i−1}} realified through the block's structure matrices, and the
/// loss of the data is Σ_b tr Γ_b − 2 tr(F_bΓ_b) + tr(F_bᵀF_bΓ_b) with Γ_b the block moments in the frame
/// (`BlockSpectra.moment`): exact full-batch gradients from sufficient statistics, a cosine learning-rate schedule
/// and a seeded initialisation (entries N(0, 1/(δ m_{i−1}))). Trained on the loss divided by the data's energy (Adam
/// is scale-invariant but for its ε); reported as mean squared errors per point.
public struct DeepAdamModel: Sendable {
    /// Mean squared error per point of the trained network on the data.
    public let loss: Double
    /// The exact optimum of its function space V_t (Eckart–Young per block).
    public let optimum: Double
    /// A bound on the rounding error of both (from the data's energy).
    public let lossError: Double
    /// Full-batch Adam steps taken.
    public let steps: Int
    /// Per block the trained end-to-end map F_b = R(W_L)⋯R(W_1) (δμ×δμ in the frame's layout; 0 on closed blocks).
    public let maps: [[Double]]
    /// Per block and layer i the trained W_i over D: entry (p, q, e) at (p·m_{i−1} + q)·δ + e (empty on closed
    /// blocks), the coefficients of the structure matrices L_e.
    public let layers: [[[Double]]]

    /// (loss − optimum)/optimum, or the loss itself when the optimum is 0.
    public var relativeGap: Double { optimum > 0 ? (loss - optimum) / optimum : loss }

    /// Trains `network` on the data behind `spectra` for `steps` full-batch steps.
    /// - Throws: `NumericError.invalidInput` when the network's blocks are not the data's;
    ///   `NumericError.diverged`; whatever `progress(step, steps, loss)` throws (an interruption). The loss passed
    ///   is the mean squared error per point before that step.
    public init(
        _ network: DeepEquivariantNetwork, spectra: some BlockSpectra, steps: Int, learningRate: Double, seed: UInt64,
        progress: (Int, Int, Double) throws -> Void = { _, _, _ in }
    ) throws {
        try spectra.requireShapes(BlockShapes(network.blocks), "the network's blocks are not the data's blocks")
        let blocks = spectra.realBlocks
        // per block: the realified layers, their prefix products and gradients (a few δm × δμ matrices per layer)
        let bytes = blocks.indices.reduce(0) { sum, b in
            guard network.bottleneck[b] > 0 else { return sum }
            let (d, mu) = (blocks[b].type.dimension, blocks[b].multiplicity)
            let largest = network.hidden.reduce(mu) { max($0, $1[b]) }
            return ByteCount.sum(sum, ByteCount.product(8 * (network.depth + 4), d * largest, d * mu))
        }
        try MemoryBudget.require(bytes, for: "training a \(network.depth)-layer network", advice: "use narrower layers")
        let scale = 1 / Double(spectra.sampleCount * spectra.degree)
        // trained on the loss relative to the data's energy, so that Adam's ε never dominates the gradients
        let relative = 1 / max(spectra.totalEnergy, Double.leastNormalMagnitude)
        var rng = SplitMix(seed)
        var chains: [BlockChain?] = []
        var count = 0
        var lost = 0.0  // blocks the bottleneck closes: their whole energy is lost
        let tuple = network.bottleneck
        for (b, block) in blocks.enumerated() {
            let gamma = spectra.moment(b).map { $0 * relative }
            guard tuple[b] > 0 else {
                lost += spectra.energies[b].reduce(0, +) * relative
                chains.append(nil)
                continue
            }
            let sizes = [block.multiplicity] + network.hidden.map { $0[b] } + [block.multiplicity]
            let chain = BlockChain(offset: count, sizes: sizes, structure: spectra.structure(b), gamma: gamma)
            count += chain.parameterCount
            chains.append(chain)
        }
        var theta = [Double](repeating: 0, count: count)
        for chain in chains { chain?.initialise(&theta, using: &rng) }
        var adam = AdamState(count: count)
        for step in 0..<steps {
            var gradient = [Double](repeating: 0, count: count)
            let current = chains.reduce(lost) { $0 + ($1?.lossAndGradient(theta, into: &gradient) ?? 0) }
            let rate = learningRate * 0.5 * (1 + cos(Double.pi * Double(step) / Double(max(steps, 1))))
            adam.step(&theta, gradient, rate: rate)
            guard theta.allSatisfy(\.isFinite) else {
                throw NumericError.diverged("Adam diverged at step \(step + 1) with learning rate \(learningRate)")
            }
            try progress(step + 1, steps, max(current, 0) / relative * scale)
        }
        var discard = [Double](repeating: 0, count: count)
        let trained = chains.reduce(lost) { $0 + ($1?.lossAndGradient(theta, into: &discard) ?? 0) }
        loss = max(trained, 0) / relative * scale
        optimum = spectra.loss(tuple)
        lossError = spectra.lossErrorBound(tuple.map { _ in 0 }) + 8 * Double.ulpOfOne * spectra.totalEnergy * scale
        self.steps = steps
        maps = zip(blocks, chains).map { block, chain in
            let size = block.type.dimension * block.multiplicity
            return chain?.endToEnd(theta) ?? [Double](repeating: 0, count: size * size)
        }
        layers = chains.map { chain in
            guard let chain else { return network.hidden.map { _ in [] } + [[]] }
            return (0..<(chain.sizes.count - 1)).map { i in
                Array(theta[chain.layerOffset(i)..<chain.layerOffset(i + 1)])
            }
        }
    }
}

/// One block's chain of layers: sizes m_0 = μ, m_1, …, m_L = μ over D, parameters of layer i at
/// `offset + Σ_{k<i} δ m_k m_{k+1}`, entry (p, q, e) at (p·m_{i−1} + q)·δ + e.
struct BlockChain {
    let offset: Int
    let sizes: [Int]
    let structure: [[Double]]
    let gamma: [Double]
    var delta: Int { Int(Double(structure[0].count).squareRoot()) }
    var parameterCount: Int { zip(sizes, sizes.dropFirst()).reduce(0) { $0 + delta * $1.0 * $1.1 } }

    func layerOffset(_ i: Int) -> Int {
        offset + zip(sizes, sizes.dropFirst()).prefix(i).reduce(0) { $0 + delta * $1.0 * $1.1 }
    }

    func initialise(_ theta: inout [Double], using rng: inout SplitMix) {
        for i in 0..<(sizes.count - 1) {
            let s = 1 / Double(delta * max(sizes[i], 1)).squareRoot()
            for k in 0..<(delta * sizes[i] * sizes[i + 1]) { theta[layerOffset(i) + k] = s * rng.normal() }
        }
    }

    /// R(W_i): the δm_i × δm_{i−1} realified layer i (0-based: from sizes[i] to sizes[i + 1]).
    func layer(_ theta: [Double], _ i: Int) -> [Double] {
        let (rows, columns, d) = (sizes[i + 1], sizes[i], delta)
        let base = layerOffset(i)
        var r = [Double](repeating: 0, count: rows * d * columns * d)
        for p in 0..<rows {
            for q in 0..<columns {
                for (e, l) in structure.enumerated() {
                    let x = theta[base + (p * columns + q) * d + e]
                    for a in 0..<d { for b in 0..<d { r[(p * d + a) * (columns * d) + q * d + b] += x * l[a * d + b] } }
                }
            }
        }
        return r
    }

    /// F = R(W_L)⋯R(W_1), the chain's end-to-end map (δμ×δμ).
    func endToEnd(_ theta: [Double]) -> [Double] {
        let n = delta * sizes[0]
        return (0..<(sizes.count - 1)).reduce(identity(n)) { product, i in
            BLAS.multiply(layer(theta, i), product, m: delta * sizes[i + 1], n: n, k: delta * sizes[i])
        }
    }

    /// tr Γ − 2 tr(FΓ) + tr(FᵀFΓ), adding its gradient: G_F = 2(F − I)Γ and ∂/∂R(W_i) = Aᵀ G_F Bᵀ with
    /// A = R(W_L)⋯R(W_{i+1}) and B = R(W_{i−1})⋯R(W_1), read back through the structure matrices.
    func lossAndGradient(_ theta: [Double], into gradient: inout [Double]) -> Double {
        let d = delta
        let n = d * sizes[0]
        let layers = (0..<(sizes.count - 1)).map { layer(theta, $0) }
        // prefix[i] = R(W_{i−1})⋯R(W_0) (δm_i × n), prefix[0] = I
        var prefix: [[Double]] = [identity(n)]
        for (i, w) in layers.enumerated() {
            prefix.append(BLAS.multiply(w, prefix[i], m: d * sizes[i + 1], n: n, k: d * sizes[i]))
        }
        let f = prefix[layers.count]
        var residual = f
        for i in 0..<n { residual[i * n + i] -= 1 }
        let rg = BLAS.multiply(residual, gamma, m: n, n: n, k: n)
        var loss = 0.0
        for i in 0..<n { for j in 0..<n { loss += rg[i * n + j] * residual[i * n + j] } }
        let gf = rg.map { 2 * $0 }
        // suffixᵀ G_F, walked down from the top layer
        var upper = gf  // (R(W_L)⋯R(W_{i+1}))ᵀ G_F, δm_{i+1} × n
        for i in stride(from: layers.count - 1, through: 0, by: -1) {
            let rows = d * sizes[i + 1]
            let columns = d * sizes[i]
            let g = BLAS.multiply(upper, prefix[i], m: rows, n: columns, k: n, transposeB: true)
            let base = layerOffset(i)
            for p in 0..<sizes[i + 1] {
                for q in 0..<sizes[i] {
                    for (e, l) in structure.enumerated() {
                        var s = 0.0
                        for a in 0..<d { for b in 0..<d { s += g[(p * d + a) * columns + q * d + b] * l[a * d + b] } }
                        gradient[base + (p * sizes[i] + q) * d + e] += s
                    }
                }
            }
            upper = BLAS.multiply(layers[i], upper, m: columns, n: n, k: rows, transposeA: true)
        }
        return loss
    }

    func identity(_ n: Int) -> [Double] {
        var m = [Double](repeating: 0, count: n * n)
        for i in 0..<n { m[i * n + i] = 1 }
        return m
    }
}
