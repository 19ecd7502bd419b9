import Algebra
import EqgeomTestSupport
import Foundation
import Testing

@testable import NumericBridge

/// The exact block formula against a direct solve, and the paper's spectral error against the exact
/// leave-one-out residual where the theory says they agree (the interleaved circulant case of its Fig. 3).
@Suite struct OrbitKernelAnalysisTests {
    @Test func blockFormulaEqualsTheDirectSolve() throws {
        var rng = SplitMix(11)
        let (h, w) = (3, 4)
        let shift = (0..<(h * w)).map { ($0 / w) * w + ($0 % w + 1) % w }  // one shift along x: order 4
        for (kernel, ridge) in [
            (KernelChoice.mlp(depth: 1, ntk: true, weightStd: 1, biasStd: 1), 0.0),
            (.mlp(depth: 3, ntk: false, weightStd: 1.3, biasStd: 0.2), 0.1), (.rbf(lengthScale: 2), 0.01),
            (.cnn(height: h, width: w, readout: .flatten, ntk: true), 0.0),
        ] {
            let seeds = (0..<3).map { _ in (0..<(h * w)).map { _ in rng.normal() } }
            let orbits = seeds.map { OrbitKernelAnalysis.orbit(of: $0, permutation: shift, length: w) }
            let analysis = try OrbitKernelAnalysis(orbits: orbits, labels: [1, -1, 0.5], kernel: kernel, ridge: ridge)
            #expect(analysis.invarianceDefect < 1e-13, "\(kernel)")
            for (exact, block) in zip(try #require(analysis.exactResiduals), try #require(analysis.blockResiduals)) {
                #expect(abs(exact - block) < 1e-10 * max(1, abs(exact)), "\(kernel): \(exact) vs \(block)")
            }
            #expect(analysis.blockSpectra.count == w && analysis.blockSpectra.allSatisfy { $0.eigenvalues.count == 3 })
        }
    }

    /// The paper's circular data (fig3.py): x₊ʲ = (cos θ_j, sin θ_j, Δ/2), x₋ʲ = (cos(θ_j + π/N), sin(θ_j + π/N),
    /// −Δ/2): interleaved, one orbit of C_2N, so the RBF kernel is circulant and ε is the exact residual.
    /// With a ridge ρ the exact residual is that of K + ρI, so ε must use the spectrum of K + ρI.
    @Test func spectralErrorIsExactOnInterleavedOrbits() throws {
        for (n, delta, scale, ridge) in [
            (8, 0.5, 1.0, 0.0), (12, 1.0, 0.7, 0.0), (5, 0.2, 2.0, 0.0), (4, 0.5, 1.0, 0.1), (12, 1.0, 0.7, 0.03),
        ] {
            let theta = (0..<n).map { 2 * Double.pi * Double($0) / Double(n) }
            let plus = theta.map { [cos($0), sin($0), delta / 2] }
            let minus = theta.map { [cos($0 + Double.pi / Double(n)), sin($0 + Double.pi / Double(n)), -delta / 2] }
            let analysis = try OrbitKernelAnalysis(
                orbits: [plus, minus], labels: [1, -1], kernel: .rbf(lengthScale: scale), ridge: ridge)
            let epsilon = analysis.spectralError ?? .nan
            let exact = try #require(analysis.exactResiduals)
            #expect(abs(epsilon - exact[0]) < 1e-10, "N = \(n): ε \(epsilon)")
            #expect(abs(try #require(analysis.blockResiduals)[0] - exact[0]) < 1e-10)
            // one orbit of C_2N: circulant; the centroids (0, 0, ±Δ/2) are Δ apart, every point at radius 1
            #expect((analysis.circulantDefect ?? 1) < 1e-13)
            #expect(abs((analysis.deltaSquared ?? 0) - delta * delta) < 1e-13)
            #expect(abs((analysis.orbitRadius ?? 0) - 1) < 1e-13)
        }
    }

    /// Several points left out together: the direct and block formulas equal refitting on the remaining points
    /// and predicting the left-out ones (residual y − f), the definition of the leave-out residual.
    @Test func severalMissingPointsMatchARefit() throws {
        var rng = SplitMix(12)
        let (h, w) = (2, 5)
        let shift = (0..<(h * w)).map { ($0 / w) * w + ($0 % w + 1) % w }
        let seeds = (0..<3).map { _ in (0..<(h * w)).map { _ in rng.normal() } }
        let orbits = seeds.map { OrbitKernelAnalysis.orbit(of: $0, permutation: shift, length: w) }
        let labels = [1.0, -1, 2]
        let kernel = KernelChoice.mlp(depth: 2, ntk: true, weightStd: 1, biasStd: 1)
        let ridge = 0.05
        let analysis = try OrbitKernelAnalysis(orbits: orbits, labels: labels, kernel: kernel, ridge: ridge)
        let left: [(orbit: Int, position: Int)] = [(0, 0), (1, 2), (2, 0), (2, 4)]
        let (direct, viaBlocks) = try analysis.residuals(leavingOut: left)
        let block = try #require(viaBlocks)
        // refit on the others
        let all = (0..<3).flatMap { a in (0..<w).map { (a, $0) } }
        let kept = all.filter { p in !left.contains { $0.orbit == p.0 && $0.position == p.1 } }
        let d = h * w
        let train = kept.flatMap { orbits[$0.0][$0.1] }
        var k = kernel.matrix(train, train, features: d)
        for i in 0..<kept.count { k[i * kept.count + i] += ridge }
        let alpha = try OrbitKernelAnalysis.solve(k, kept.map { labels[$0.0] }, kept.count)
        for (r, p) in left.enumerated() {
            let cross = kernel.matrix(orbits[p.orbit][p.position], train, features: d)
            let prediction = zip(cross, alpha).reduce(0) { $0 + $1.0 * $1.1 }
            let residual = labels[p.orbit] - prediction
            #expect(abs(direct[r] - residual) < 1e-9 && abs(block[r] - residual) < 1e-9, "point \(p): \(residual)")
        }
        let single = try analysis.residuals(leavingOut: [(1, 0)])
        #expect(abs((try #require(single.block))[0] - (try #require(analysis.exactResiduals))[1]) < 1e-10)
    }
}
