import Foundation
import Testing
import Algebra
import EqgeomTestSupport

@testable import Geometry

@testable import NumericBridge

/// One block of the autoencoder loss over D = ℝ, ℂ or ℍ, written here from scratch: a D-matrix M is realified
/// as R(M) = Σ_e M^e ⊗ L_e with L_e the left multiplications by the units 1, i, j, k; the covariance is
/// Γ = R(A*A); the parameters are D ∈ D^{μ×t} and E ∈ D^{t×μ}, and L(D, E) = tr Γ − 2 tr(WΓ) + tr(WᵀWΓ) with
/// W = R(D)R(E). Nothing of the library's landscape code is used: the tests compare its closed forms with
/// gradients, finite-difference Hessians and Newton's method on this problem.
struct DivisionBlockProblem {
    let delta: Int
    let mu: Int
    let t: Int
    /// Γ (δμ×δμ), and its eigenvalues over D, descending (each once, not δ times).
    let gamma: [Double]
    let eigenvalues: [Double]
    /// A unit D-eigenvector per eigenvalue: u_p^e at p·δ + e.
    let eigenvectors: [[Double]]

    static func units(_ delta: Int) -> [[Double]] {
        switch delta {
        case 1: return [[1]]
        case 2: return [[1, 0, 0, 1], [0, -1, 1, 0]]
        default:
            return [
                [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
                [0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 0, -1, 0, 0, 1, 0],
                [0, 0, -1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, -1, 0, 0],
                [0, 0, 0, -1, 0, 0, -1, 0, 0, 1, 0, 0, 1, 0, 0, 0],
            ]
        }
    }

    /// R(M) of the rows × columns D-matrix whose entry (p, q) has coefficients at offset + (p·columns + q)·δ + e.
    static func realify(_ theta: [Double], offset: Int, rows: Int, columns: Int, delta: Int) -> [Double] {
        let units = Self.units(delta)
        let width = columns * delta
        var r = [Double](repeating: 0, count: rows * delta * width)
        for p in 0..<rows {
            for q in 0..<columns {
                for (e, l) in units.enumerated() {
                    let x = theta[offset + (p * columns + q) * delta + e]
                    guard x != 0 else { continue }
                    for a in 0..<delta {
                        for b in 0..<delta { r[(p * delta + a) * width + q * delta + b] += x * l[a * delta + b] }
                    }
                }
            }
        }
        return r
    }

    /// A random block whose D-eigenvalues are at least `gap`·λ_max apart and from 0.
    init(delta: Int, mu: Int, t: Int, seed: UInt64, gap: Double = 0.05) throws {
        var rng = SplitMix(seed)
        while true {
            let rows = mu + 3
            let a = (0..<(rows * mu * delta)).map { _ in rng.normal() }
            let ra = Self.realify(a, offset: 0, rows: rows, columns: mu, delta: delta)
            let g = BLAS.multiply(ra, ra, m: mu * delta, n: mu * delta, k: rows * delta, transposeA: true)
            let (values, vectors) = try Eigen.symmetric(g, mu * delta)
            let lambdas = stride(from: 0, to: mu * delta, by: delta).map { values[$0] }
            let top = lambdas.first ?? 1
            let separated = zip(lambdas, lambdas.dropFirst()).allSatisfy { $0 - $1 > gap * top }
            guard separated, (lambdas.last ?? 0) > gap * top else { continue }
            let scale = 1 / top
            self.delta = delta
            self.mu = mu
            self.t = t
            gamma = g.map { $0 * scale }
            eigenvalues = lambdas.map { $0 * scale }
            // the first real eigenvector of each multiplet is vec(u) for a unit D-eigenvector u
            eigenvectors = (0..<mu).map { i in (0..<(mu * delta)).map { vectors[$0 * mu * delta + i * delta] } }
            return
        }
    }

    var parameterCount: Int { 2 * delta * mu * t }

    /// R(D) (δμ×δt) and R(E) (δt×δμ): D's coefficients first, then E's.
    func factors(_ theta: [Double]) -> ([Double], [Double]) {
        (
            Self.realify(theta, offset: 0, rows: mu, columns: t, delta: delta),
            Self.realify(theta, offset: delta * mu * t, rows: t, columns: mu, delta: delta)
        )
    }

    func loss(_ theta: [Double]) -> Double {
        let (d, e) = factors(theta)
        let n = delta * mu
        let w = BLAS.multiply(d, e, m: n, n: n, k: delta * t)
        var residual = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { residual[i * n + j] = (i == j ? 1 : 0) - w[i * n + j] } }
        let rg = BLAS.multiply(residual, gamma, m: n, n: n, k: n)
        return (0..<n).reduce(0.0) { sum, i in sum + (0..<n).reduce(0.0) { $0 + rg[i * n + $1] * residual[i * n + $1] }
        }
    }

    /// ∂L/∂θ: G_W = 2(W − I)Γ, G_D = G_W R(E)ᵀ, G_E = R(D)ᵀ G_W, each read back through the units.
    func gradient(_ theta: [Double]) -> [Double] {
        let (d, e) = factors(theta)
        let n = delta * mu
        let k = delta * t
        var w = BLAS.multiply(d, e, m: n, n: n, k: k)
        for i in 0..<n { w[i * n + i] -= 1 }
        let gw = BLAS.multiply(w, gamma, m: n, n: n, k: n).map { 2 * $0 }
        let gd = BLAS.multiply(gw, e, m: n, n: k, k: n, transposeB: true)
        let ge = BLAS.multiply(d, gw, m: k, n: n, k: n, transposeA: true)
        let units = Self.units(delta)
        var g = [Double](repeating: 0, count: parameterCount)
        func project(_ m: [Double], rows: Int, columns: Int, offset: Int) {
            for p in 0..<rows {
                for q in 0..<columns {
                    for (u, l) in units.enumerated() {
                        var s = 0.0
                        for a in 0..<delta {
                            for b in 0..<delta {
                                s += m[(p * delta + a) * (columns * delta) + q * delta + b] * l[a * delta + b]
                            }
                        }
                        g[offset + (p * columns + q) * delta + u] = s
                    }
                }
            }
        }
        project(gd, rows: mu, columns: t, offset: 0)
        project(ge, rows: t, columns: mu, offset: delta * mu * t)
        return g
    }

    /// The Hessian by central differences of the gradient, symmetrised.
    func hessian(_ theta: [Double], step h: Double = 1e-5) -> [Double] {
        let p = parameterCount
        var hs = [Double](repeating: 0, count: p * p)
        for i in 0..<p {
            var plus = theta
            var minus = theta
            plus[i] += h
            minus[i] -= h
            let (gp, gm) = (gradient(plus), gradient(minus))
            for j in 0..<p { hs[i * p + j] = (gp[j] - gm[j]) / (2 * h) }
        }
        for i in 0..<p {
            for j in 0..<i {
                hs[i * p + j] = (hs[i * p + j] + hs[j * p + i]) / 2
                hs[j * p + i] = hs[i * p + j]
            }
        }
        return hs
    }

    /// D = [u_J], E = D*: the critical point keeping the D-eigen-directions J (unused latent slots zero).
    func criticalPoint(_ set: [Int]) -> [Double] {
        var theta = [Double](repeating: 0, count: parameterCount)
        for (a, i) in set.enumerated() {
            for p in 0..<mu {
                for e in 0..<delta {
                    let x = eigenvectors[i][p * delta + e]
                    theta[(p * t + a) * delta + e] = x
                    theta[delta * mu * t + (a * mu + p) * delta + e] = e == 0 ? x : -x
                }
            }
        }
        return theta
    }

    /// Every set of at most t directions.
    var criticalSets: [[Int]] {
        (0..<(1 << mu)).map { mask in (0..<mu).filter { mask & (1 << $0) != 0 } }.filter { $0.count <= t }
    }

    var block: IsotypicBlock {
        let type: DivisionAlgebra = delta == 1 ? .real : delta == 2 ? .complex : .quaternionic
        return IsotypicBlock(type: type, weight: delta, multiplicity: mu, label: "b")
    }
}

@Suite struct CriticalLandscapeTests {
    /// Every predicted critical point of every block type has zero gradient, the loss of its dropped directions,
    /// and a finite-difference Hessian with exactly the predicted negative and zero eigenvalues.
    @Test(arguments: [(1, 5, 2), (1, 4, 4), (2, 3, 2), (2, 4, 1), (4, 3, 2), (4, 2, 2)])
    func predictedPointsAreCriticalWithTheirIndices(delta: Int, mu: Int, t: Int) throws {
        let problem = try DivisionBlockProblem(delta: delta, mu: mu, t: t, seed: UInt64(100 * delta + 10 * mu + t))
        for set in problem.criticalSets {
            let theta = problem.criticalPoint(set)
            let g = problem.gradient(theta)
            #expect(g.map(abs).max() ?? 0 <= 1e-10, "δ=\(delta) J=\(set): gradient \(g.map(abs).max() ?? 0)")
            let dropped = (0..<mu).filter { !set.contains($0) }.reduce(0.0) { $0 + problem.eigenvalues[$1] }
            #expect(abs(problem.loss(theta) - Double(delta) * dropped) <= 1e-12, "δ=\(delta) J=\(set)")
            let eigen = try symmetricEigenvalues(problem.hessian(theta), problem.parameterCount)
            let negative = eigen.filter { $0 < -1e-6 }.count
            let zero = eigen.filter { abs($0) <= 1e-6 }.count
            let d = CriticalDirections(sets: [set])
            #expect(negative == d.parameterIndex([problem.block], tuple: [t]), "δ=\(delta) μ=\(mu) t=\(t) J=\(set)")
            #expect(zero == d.gaugeDimension([problem.block], tuple: [t]), "δ=\(delta) μ=\(mu) t=\(t) J=\(set)")
            if set.count == t {
                #expect(negative == d.smoothIndex([problem.block]))
            }
        }
    }

    /// Levenberg–Marquardt on ∇L = 0 from random starts: every critical point it reaches has one of the predicted
    /// critical values, and it reaches more than the minimum.
    @Test(arguments: [(1, 4, 2, 1000), (2, 3, 2, 300), (4, 2, 1, 300)])
    func newtonFromRandomStartsFindsOnlyPredictedValues(delta: Int, mu: Int, t: Int, starts: Int) throws {
        let problem = try DivisionBlockProblem(delta: delta, mu: mu, t: t, seed: 7 + UInt64(delta))
        let predicted = problem.criticalSets.map { set in
            Double(delta) * (0..<mu).filter { !set.contains($0) }.reduce(0.0) { $0 + problem.eigenvalues[$1] }
        }
        var rng = SplitMix(UInt64(31 * delta + mu))
        var found: Set<Int> = []
        var converged = 0
        for _ in 0..<starts {
            let start = (0..<problem.parameterCount).map { _ in 0.7 * rng.normal() }
            guard let theta = newtonCriticalPoint(from: start, gradient: problem.gradient, iterations: 200) else {
                continue
            }
            converged += 1
            let value = problem.loss(theta)
            let match = predicted.indices.min { abs(predicted[$0] - value) < abs(predicted[$1] - value) }
            let k = try #require(match)
            #expect(abs(predicted[k] - value) <= 1e-8, "δ=\(delta): critical value \(value) is not predicted")
            found.insert(k)
        }
        #expect(converged >= starts / 2, "δ=\(delta): only \(converged) of \(starts) starts converged")
        #expect(found.count >= 2, "δ=\(delta): Newton found only \(found.count) critical values")
    }

    /// The K lowest critical values of real data against brute force over every critical function, on a cyclic
    /// symmetry, D4 on 3×3 and Q8 with its quaternionic block; counts against the exact ones.
    @Test func lowestValuesAgreeWithBruteForce() throws {
        let groups = try GroupOptimumTests.groups(["D4 on 3x3", "Q8 on two regular orbits", "C3 on 3"])
        for (name, group) in groups {
            let setting = try GroupOptimumTests.setting(group, count: 40, seed: 11)
            let variety = try EquivariantVariety(try IsotypicDecomposition(group: group), rank: 0)
            for rank in 0...group.degree {
                let v = try EquivariantVariety(variety.decomposition, rank: rank)
                try compare(setting.spectra, variety: v, tuple: nil, name: "\(name) r=\(rank)")
                for tuple in v.components.prefix(3) {
                    try compare(setting.spectra, variety: v, tuple: tuple, name: "\(name) r=\(rank) t=\(tuple)")
                }
            }
        }
        // one permutation on the cyclic fast path
        let sigma = try Permutation(cycles: "(1 2 3 4 5)(6 7)", degree: 8)
        let layout = try BasisLayout(sigma)
        let data = GroupOptimumTests.randomData(count: 30, n: 8, seed: 5)
        let spectra = try StructuredTransform(layout).spectra(of: data.values, batch: data.count)
        for rank in 0...8 {
            let v = try EquivariantVariety(permutation: sigma, rank: rank)
            try compare(spectra, variety: v, tuple: nil, name: "σ r=\(rank)")
        }
    }

    /// Brute force: every set of directions within the limits, its dropped energy, sorted.
    func compare(_ spectra: some BlockSpectra, variety: EquivariantVariety, tuple: [Int]?, name: String) throws {
        let blocks = spectra.realBlocks
        var values: [(Double, Bool)] = []
        func walk(_ b: Int, _ used: Int, _ dropped: Double, _ profile: [Int]) {
            if b == blocks.count {
                let pure =
                    tuple.map { $0 == profile }
                    ?? blocks.indices.allSatisfy {
                        profile[$0] == blocks[$0].multiplicity || used + blocks[$0].weight > variety.rank
                    }
                values.append((dropped, pure))
                return
            }
            let mu = blocks[b].multiplicity
            for mask in 0..<(1 << mu) {
                let j = mask.nonzeroBitCount
                guard j <= (tuple?[b] ?? mu), used + blocks[b].weight * j <= variety.rank else { continue }
                let lost = (0..<mu).filter { mask & (1 << $0) == 0 }.reduce(0.0) { $0 + spectra.energies[b][$1] }
                walk(b + 1, used + blocks[b].weight * j, dropped + lost, profile + [j])
            }
        }
        walk(0, 0, 0, [])
        let scale = 1 / Double(spectra.sampleCount * spectra.degree)
        let expected = values.map { ($0.0 * scale, $0.1) }.sorted { $0.0 < $1.0 }
        let landscape = try CriticalLandscape(spectra, variety: variety, tuple: tuple)
        let count = try tuple.map { try variety.component($0).criticalPoints } ?? variety.criticalPoints
        #expect(count.all == BigInteger(expected.count), "\(name)")
        #expect(count.pure == BigInteger(expected.filter(\.1).count), "\(name)")
        let k = min(expected.count, 25)
        let lowest = try landscape.lowest(k)
        #expect(lowest.count == k, "\(name)")
        for (p, e) in zip(lowest, expected) {
            #expect(abs(p.loss - e.0) <= 1e-12 * max(1, e.0) + p.lossError, "\(name): \(p.loss) vs \(e.0)")
        }
        // the whole list when it is short: the pure ones and their multiset of losses
        if expected.count <= 200 {
            let all = try landscape.lowest(expected.count)
            #expect(all.filter(\.isPure).count == expected.filter(\.1).count, "\(name)")
            #expect(Set(all.map(\.directions)).count == all.count, "\(name): a critical point listed twice")
        }
    }
}

/// The listed critical points in pixel space: the weight-sharing autoencoder of a group's component
/// (`ComponentArchitecture.onPoints`, encoder and decoder patterns on the points) at the parameters of each listed
/// point has ‖∇L‖ ≤ 1e-10·‖X‖² and a finite-difference Hessian with the listed index and gauge dimension.
extension CriticalLandscapeTests {
    @Test(arguments: [("D4 on 3x3", 3), ("Q8 on two regular orbits", 6)])
    func listedPointsAreCriticalInPixelSpace(name: String, rank: Int) throws {
        let (_, group) = try #require(try GroupOptimumTests.groups([name]).first)
        let setting = try GroupOptimumTests.setting(group, count: 30, seed: 12)
        let spectra = setting.spectra
        let variety = try EquivariantVariety(try IsotypicDecomposition(group: group), rank: rank)
        var checked = 0
        let n = group.degree
        let x = setting.data.values  // N × n, row-major
        let count = setting.data.count
        let energy = x.reduce(0) { $0 + $1 * $1 }
        for tuple in variety.components.prefix(6) {
            let architecture = try ComponentArchitecture(frame: IsotypicFrame(setting.basis), tuple: tuple)
            let (encoder, decoder) = try architecture.onPoints(setting.basis)
            let r = architecture.rank
            let p = architecture.parameterCount
            // L(θ) and ∇L by the chain rule through the patterns: G_W = −2 Σ_s (x − Wx) xᵀ, W = D E
            func gradient(_ theta: [Double]) -> [Double] {
                let e = encoder.matrix(theta)
                let d = decoder.matrix(theta)
                let w = BLAS.multiply(d, e, m: n, n: n, k: r)
                let recon = BLAS.multiply(x, w, m: count, n: n, k: n, transposeB: true)
                let residual = zip(x, recon).map { $0 - $1 }
                let gw = BLAS.multiply(residual, x, m: n, n: n, k: count, transposeA: true).map { -2 * $0 }
                let gd = BLAS.multiply(gw, e, m: n, n: r, k: n, transposeB: true)
                let ge = BLAS.multiply(d, gw, m: r, n: n, k: n, transposeA: true)
                var g = [Double](repeating: 0, count: p)
                for i in encoder.row.indices {
                    g[Int(encoder.parameter[i])] +=
                        encoder.coefficient[i] * ge[Int(encoder.row[i]) * n + Int(encoder.column[i])]
                }
                for i in decoder.row.indices {
                    g[Int(decoder.parameter[i])] +=
                        decoder.coefficient[i] * gd[Int(decoder.row[i]) * r + Int(decoder.column[i])]
                }
                return g
            }
            let landscape = try CriticalLandscape(spectra, variety: variety, tuple: tuple)
            for point in try landscape.lowest(24) {
                // parameters: per block D_{k,i} = u_{J_i}[k] and E_{i,k} = its conjugate, u the D-coordinates of the
                // first real eigenvector v of the direction's δ-multiplet: v[kδ + α] = Σ_e u_k^e L_e[α, 0]
                var theta = [Double](repeating: 0, count: p)
                var offset = 0
                for (b, (block, t)) in zip(spectra.blocks, tuple).enumerated() {
                    let (mu, delta) = (block.block.multiplicity, block.block.type.dimension)
                    let structure = setting.basis.blocks[b].structure
                    let size = delta * mu
                    for (i, j) in point.directions.sets[b].enumerated() {
                        for k in 0..<mu {
                            for e in 0..<delta {
                                // L_e[α, 0] is ±1 at one α for the unit structures: read u^e off that entry
                                let alpha = try #require((0..<delta).first { structure[e][$0 * delta] != 0 })
                                let u =
                                    block.vectors[(k * delta + alpha) * size + j * delta] / structure[e][alpha * delta]
                                theta[offset + (i * mu + k) * delta + e] = e == 0 ? u : -u
                                theta[offset + t * mu * delta + (k * t + i) * delta + e] = u
                            }
                        }
                    }
                    offset += 2 * t * mu * delta
                }
                checked += 1
                let g = gradient(theta)
                #expect(g.map(abs).max() ?? 0 <= 1e-10 * energy, "t=\(tuple) \(point.directions.sets)")
                var h = [Double](repeating: 0, count: p * p)
                for i in 0..<p {
                    var (plus, minus) = (theta, theta)
                    plus[i] += 1e-5
                    minus[i] -= 1e-5
                    let (gp, gm) = (gradient(plus), gradient(minus))
                    for j in 0..<p { h[i * p + j] = (gp[j] - gm[j]) / 2e-5 }
                }
                let eigen = try symmetricEigenvalues(h, p)
                let tolerance = 1e-6 * (eigen.map(abs).max() ?? 1)
                #expect(
                    eigen.filter { $0 < -tolerance }.count == point.parameterIndex,
                    "t=\(tuple) \(point.directions.sets)")
                #expect(eigen.filter { abs($0) <= tolerance }.count == point.gaugeDimension, "t=\(tuple)")
            }
        }
        #expect(checked >= 20, "\(name): only \(checked) points")
    }
}
