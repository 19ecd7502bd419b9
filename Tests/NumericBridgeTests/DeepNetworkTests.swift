import Foundation
import Testing
import Algebra
import EqgeomTestSupport

@testable import Geometry

@testable import NumericBridge

/// Deep equivariant linear networks (MATH.md §13): the bottleneck against the numeric rank of products of random
/// equivariant matrices built by averaging over the group (no blocks involved), and Adam on the L-layer
/// factorisation against the exact optimum of the function space.
@Suite struct DeepNetworkTests {
    /// P_τ for the permutation with the given 0-based images on the points of a cycle type (cycles consecutive).
    static func cyclePermutation(_ lengths: [Int]) -> [Int] {
        var images: [Int] = []
        var start = 0
        for l in lengths {
            for k in 0..<l { images.append(start + (k + 1) % l) }
            start += l
        }
        return images
    }

    /// A random map ℝ^{in} → ℝ^{out} commuting with the actions: (1/N) Σ_k τ_out^k A τ_in^{−k}.
    static func randomEquivariant(out: [Int], in input: [Int], order: Int, rng: inout SplitMix) -> [Double] {
        let (m, n) = (out.count, input.count)
        let a = (0..<(m * n)).map { _ in rng.normal() }
        var w = [Double](repeating: 0, count: m * n)
        var (po, pi) = (Array(0..<m), Array(0..<n))
        for _ in 0..<order {
            // (τ_out^k A τ_in^{−k})[po(i), pi(j)] = A[i, j]
            for i in 0..<m { for j in 0..<n { w[po[i] * n + pi[j]] += a[i * n + j] } }
            po = po.map { out[$0] }
            pi = pi.map { input[$0] }
        }
        return w
    }

    @Test func bottleneckIsTheRankOfRandomProducts() throws {
        var rng = SplitMix(1301)
        for _ in 0..<testIterations(12) {
            let cycles = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                [1, 2, 3, 4, 6].randomElement(using: &rng) ?? 1
            }
            let structure = try BlockStructure(checking: CycleType(lengths: cycles))
            let order = structure.order
            let divisorsOfOrder = divisors(of: order)
            let hiddenCycles = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                (0..<Int.random(in: 0...3, using: &rng)).map { _ in divisorsOfOrder.randomElement(using: &rng) ?? 1 }
            }
            let network = try DeepEquivariantNetwork(
                blocks: structure.blocks.map(\.isotypic),
                hidden: try hiddenCycles.map { try structure.multiplicities(ofCycles: CycleType(lengths: $0)) })
            let layers = [cycles] + hiddenCycles + [cycles]
            var product: [Double]? = nil
            var columns = cycles.reduce(0, +)
            for (input, output) in zip(layers, layers.dropFirst()) {
                let w = Self.randomEquivariant(
                    out: Self.cyclePermutation(output), in: Self.cyclePermutation(input), order: order, rng: &rng)
                let (m, k) = (output.reduce(0, +), input.reduce(0, +))
                if let p = product {
                    product =
                        k == 0
                        ? [Double](repeating: 0, count: m * columns) : BLAS.multiply(w, p, m: m, n: columns, k: k)
                } else {
                    product = w
                    columns = k
                }
            }
            let n = cycles.reduce(0, +)
            let s = try singularValues(product ?? [], rows: n, columns: n)
            let rank = s.filter { $0 > 1e-9 * max(s.first ?? 1, 1) }.count
            #expect(rank == network.rank, "σ \(cycles), hidden \(hiddenCycles): numeric rank \(rank)")
        }
    }

    /// The moments reproduce the exact optimum's loss: Σ_b tr Γ − 2 tr(FΓ) + tr(FᵀFΓ) with F the optimal block maps,
    /// on a permutation with complex blocks and on a group.
    @Test func momentsGiveTheLossOfBlockMaps() throws {
        let sigma = try Permutation(cycles: "(1 2 3 4 5)(6 7 8)", degree: 9)
        let data = GroupOptimumTests.randomData(count: 40, n: 9, seed: 8)
        let cyclic = try StructuredTransform(try BasisLayout(sigma)).spectra(of: data.values, batch: 40)
        let (_, group) = try #require(try GroupOptimumTests.groups(["Q8 on two regular orbits"]).first)
        let grouped = try GroupOptimumTests.setting(group, count: 40, seed: 9).spectra
        for spectra in [cyclic, grouped] as [any BlockSpectra] {
            let tuple = spectra.realBlocks.map { $0.multiplicity / 2 }
            let maps = spectra.optimalMaps(tuple)
            var loss = 0.0
            for (b, f) in maps.enumerated() {
                let gamma = spectra.moment(b)
                let n = Int(Double(gamma.count).squareRoot())
                var r = f
                for i in 0..<n { r[i * n + i] -= 1 }
                let rg = BLAS.multiply(r, gamma, m: n, n: n, k: n)
                for i in 0..<(n * n) { loss += rg[i] * r[i] }
            }
            let expected = spectra.loss(tuple) * Double(spectra.sampleCount * spectra.degree)
            #expect(abs(loss - expected) <= 1e-10 * spectra.totalEnergy, "\(loss) vs \(expected)")
        }
    }

    @Test(arguments: [3, 4])
    func adamReachesTheExactOptimum(depth: Int) throws {
        // dense: the trivial group on 8 points (one real block, μ = 8), rank 3
        let identity = try Permutation(images: Array(1...8))
        let data = GroupOptimumTests.randomData(count: 60, n: 8, seed: 21)
        let dense = try StructuredTransform(try BasisLayout(identity)).spectra(of: data.values, batch: 60)
        let denseNet = try DeepEquivariantNetwork.cheapest(for: [3], blocks: dense.realBlocks, depth: depth)
        let a = try DeepAdamModel(denseNet, spectra: dense, steps: 8000, learningRate: 0.01, seed: 3)
        #expect(abs(a.relativeGap) <= 1e-6, "dense L=\(depth): \(a.loss) vs \(a.optimum)")
        // D4 on 5×5 at the best component for rank 8
        let (_, group) = try #require(try GroupOptimumTests.groups(["D4 on 5x5"]).first)
        let setting = try GroupOptimumTests.setting(group, count: 80, seed: 5)
        let best = ComponentSelection.best(setting.spectra, rank: 8)
        let net = try DeepEquivariantNetwork.cheapest(for: best, blocks: setting.spectra.realBlocks, depth: depth)
        let b = try DeepAdamModel(net, spectra: setting.spectra, steps: 8000, learningRate: 0.01, seed: 4)
        #expect(abs(b.relativeGap) <= 1e-6, "D4 L=\(depth): \(b.loss) vs \(b.optimum)")
        // one permutation with complex blocks (cos/sin coordinates)
        let sigma = try Permutation(cycles: "(1 2 3 4 5)(6 7 8 9)", degree: 10)
        let cyclicData = GroupOptimumTests.randomData(count: 50, n: 10, seed: 6)
        let cyclic = try StructuredTransform(try BasisLayout(sigma)).spectra(of: cyclicData.values, batch: 50)
        let cyclicNet = try DeepEquivariantNetwork.cheapest(
            for: ComponentSelection.best(cyclic, rank: 5), blocks: cyclic.realBlocks, depth: depth)
        let c = try DeepAdamModel(cyclicNet, spectra: cyclic, steps: 8000, learningRate: 0.01, seed: 5)
        #expect(abs(c.relativeGap) <= 1e-6, "σ L=\(depth): \(c.loss) vs \(c.optimum)")
    }
}

/// A deep dense block written from scratch: L(W_1, …, W_L) = tr Γ − 2 tr(FΓ) + tr(FᵀFΓ), F = W_L⋯W_1 over ℝ.
struct DeepBlockProblem {
    let sizes: [Int]
    let gamma: [Double]
    let eigenvalues: [Double]

    var parameterCount: Int { zip(sizes, sizes.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 } }

    func layers(_ theta: [Double]) -> [[Double]] {
        var offset = 0
        return zip(sizes, sizes.dropFirst()).map { input, output in
            defer { offset += input * output }
            return Array(theta[offset..<(offset + input * output)])
        }
    }

    func product(_ ws: [[Double]], from: Int, to: Int) -> [Double] {
        // W_{to−1}⋯W_from (sizes[to] × sizes[from]); the identity when from == to
        var p = [Double](repeating: 0, count: sizes[from] * sizes[from])
        for i in 0..<sizes[from] { p[i * sizes[from] + i] = 1 }
        for i in from..<to { p = BLAS.multiply(ws[i], p, m: sizes[i + 1], n: sizes[from], k: sizes[i]) }
        return p
    }

    func loss(_ theta: [Double]) -> Double {
        let n = sizes[0]
        var r = product(layers(theta), from: 0, to: sizes.count - 1)
        for i in 0..<n { r[i * n + i] -= 1 }
        let rg = BLAS.multiply(r, gamma, m: n, n: n, k: n)
        return (0..<(n * n)).reduce(0.0) { $0 + rg[$1] * r[$1] }
    }

    func gradient(_ theta: [Double]) -> [Double] {
        let n = sizes[0]
        let ws = layers(theta)
        let top = sizes.count - 1
        var r = product(ws, from: 0, to: top)
        for i in 0..<n { r[i * n + i] -= 1 }
        let g = BLAS.multiply(r, gamma, m: n, n: n, k: n).map { 2 * $0 }
        var out: [Double] = []
        for i in 0..<top {
            let a = product(ws, from: i + 1, to: top)  // n × sizes[i+1]
            let b = product(ws, from: 0, to: i)  // sizes[i] × n
            let agb = BLAS.multiply(
                BLAS.multiply(a, g, m: sizes[i + 1], n: n, k: n, transposeA: true), b, m: sizes[i + 1], n: sizes[i],
                k: n,
                transposeB: true)
            out += agb
        }
        return out
    }
}

extension DeepNetworkTests {
    /// Newton (Levenberg–Marquardt on ∇L = 0) from random starts on a 3-layer dense block reaches only the critical
    /// values Σ_{i∉J} λ_i, |J| ≤ t, of MATH.md §13.4; and two vanishing layers make a critical point for any data.
    @Test func deepCriticalValuesAreThoseOfTheFunctionSpace() throws {
        var rng = SplitMix(77)
        let mu = 3
        let a = (0..<(6 * mu)).map { _ in rng.normal() }
        let gamma = BLAS.multiply(a, a, m: mu, n: mu, k: 6, transposeA: true)
        let problem = DeepBlockProblem(
            sizes: [mu, 2, 2, mu], gamma: gamma, eigenvalues: try symmetricEigenvalues(gamma, mu))
        let sets = (0..<(1 << mu)).map { m in (0..<mu).filter { m & (1 << $0) != 0 } }.filter { $0.count <= 2 }
        let predicted = sets.map { s in (0..<mu).filter { !s.contains($0) }.reduce(0.0) { $0 + problem.eigenvalues[$1] }
        }
        let p = problem.parameterCount
        var found: Set<Int> = []
        var converged = 0
        for _ in 0..<testIterations(300) {
            let start = (0..<p).map { _ in rng.normal() }
            guard let theta = newtonCriticalPoint(from: start, gradient: problem.gradient) else { continue }
            converged += 1
            let value = problem.loss(theta)
            let k = try #require(predicted.indices.min { abs(predicted[$0] - value) < abs(predicted[$1] - value) })
            #expect(abs(predicted[k] - value) <= 1e-8 * max(1, value), "critical value \(value) is not predicted")
            found.insert(k)
        }
        #expect(converged >= 30 && found.count >= 2, "\(converged) converged, \(found.count) values")
        // W_1 = W_2 = 0: every gradient term has a vanishing factor
        var theta = (0..<p).map { _ in rng.normal() }
        for i in 0..<(mu * 2 + 2 * 2) { theta[i] = 0 }
        #expect(problem.gradient(theta).allSatisfy { $0 == 0 })
    }
}
