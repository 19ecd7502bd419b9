import Algebra
import EqgeomTestSupport
import Foundation
import Testing

@testable import NumericBridge

/// The block formula from the upright rows alone (FFT blocks, no sN×sN matrix) against the direct solve of the
/// whole system, and at an order (16,016) where the direct solve would need a 32,032² matrix.
@Suite struct OrbitKernelBlockFormulaTests {
    /// A permutation of Σ c_i points with cycles of the given lengths (0-based images).
    static func cycles(_ lengths: [Int]) -> [Int] {
        var images: [Int] = []
        for c in lengths {
            let start = images.count
            images += (0..<c).map { start + ($0 + 1) % c }
        }
        return images
    }

    @Test func equalsTheDirectSolve() throws {
        var rng = SplitMix(41)
        let g = Self.cycles([3, 4, 5])  // order 60
        for (kernel, ridge, labels) in [
            (KernelChoice.mlp(depth: 2, ntk: true, weightStd: 1, biasStd: 1), 0.0, [1.0, -1]),
            (.rbf(lengthScale: 2), 0.01, [1, -1, 0.5]),
            (.mlp(depth: 1, ntk: false, weightStd: 1.3, biasStd: 0), 0.1, [1, -1]),
        ] {
            let seeds = labels.map { _ in (0..<12).map { _ in rng.normal() } }
            let fast = try OrbitKernelBlockFormula(
                seeds: seeds, labels: labels, permutation: g, order: 60, kernel: kernel, ridge: ridge)
            let data = try OrbitDataset(seeds: seeds, labels: labels, generators: [g])
            let direct = try OrbitKernelAnalysis(data, kernel: kernel, ridge: ridge)
            #expect(fast.invarianceDefect < 1e-14 && fast.checkedPositions == [1, 30, 59])
            for (e, b) in zip(try #require(direct.exactResiduals), try #require(fast.blockResiduals)) {
                #expect(abs(e - b) < 1e-10 * max(1, abs(e)), "\(kernel): \(e) vs \(b)")
            }
            for (x, y) in zip(direct.blockSpectra, fast.blockSpectra) {
                #expect(x.block == y.block && zip(x.eigenvalues, y.eigenvalues).allSatisfy { abs($0 - $1) < 1e-10 })
            }
            let left: [(orbit: Int, position: Int)] = [(0, 0), (1, 7), (0, 31)]
            let together = try fast.residuals(leavingOut: left)
            for (e, b) in zip(try direct.residuals(leavingOut: left).direct, together) {
                #expect(abs(e - b) < 1e-9 * max(1, abs(e)))
            }
            if labels.count == 2 {
                let (x, y) = (try #require(direct.circularizedSpectrum), try #require(fast.circularizedSpectrum))
                #expect(zip(x, y).allSatisfy { abs($0 - $1) < 1e-10 } && fast.deltaSquared == direct.deltaSquared)
            }
        }
    }

    /// Cycles of lengths 7, 11, 13, 16: N = lcm = 16,016 points per orbit on 47 coordinates.
    @Test func scalesToLongOrbits() throws {
        var rng = SplitMix(42)
        let g = Self.cycles([7, 11, 13, 16])
        let seeds = (0..<2).map { _ in (0..<47).map { _ in rng.normal() } }
        let fast = try OrbitKernelBlockFormula(
            seeds: seeds, labels: [1, -1], permutation: g, order: 16016,
            kernel: .mlp(depth: 1, ntk: true, weightStd: 1, biasStd: 1), ridge: 1e-3)
        #expect(fast.invarianceDefect < 1e-14 && fast.blockSpectra.count == 16016)
        let residuals = try #require(fast.blockResiduals)
        #expect(residuals.count == 2 && residuals.allSatisfy { $0.isFinite && abs($0) < 2 })
        #expect(fast.spectralError.map { $0.isFinite } == true)
    }
}
