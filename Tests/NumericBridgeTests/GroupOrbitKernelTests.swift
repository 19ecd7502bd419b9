import Algebra
import EqgeomTestSupport
import Foundation
import Testing

@testable import NumericBridge

/// Orbits of non-cyclic groups (D4 on images, the quaternion group Q8 on itself, S3 on coordinates, a torus of
/// shifts): the exact block formula in G's isotypic frame against a direct LAPACK solve, and the neural-kernel
/// paper's CNN propositions (§3.5, Props. 1–4) checked on the kernels themselves.
@Suite struct GroupOrbitKernelTests {
    /// Counterclockwise rotation by 90° and the left–right mirror of an n×n image, as 0-based images of pixels.
    static func dihedral(_ n: Int) -> [[Int]] {
        let rotation = (0..<(n * n)).map { p in (n - 1 - p % n) * n + p / n }
        let mirror = (0..<(n * n)).map { p in (p / n) * n + n - 1 - p % n }
        return [rotation, mirror]
    }

    /// Left multiplication by i and j on Q8 = {±1, ±i, ±j, ±k} (index 4·sign + unit), from the quaternion product.
    static func quaternionGenerators() -> [[Int]] {
        let units: [[Int]] = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]
        func product(_ p: [Int], _ q: [Int]) -> [Int] {
            [
                p[0] * q[0] - p[1] * q[1] - p[2] * q[2] - p[3] * q[3],
                p[0] * q[1] + p[1] * q[0] + p[2] * q[3] - p[3] * q[2],
                p[0] * q[2] - p[1] * q[3] + p[2] * q[0] + p[3] * q[1],
                p[0] * q[3] + p[1] * q[2] - p[2] * q[1] + p[3] * q[0],
            ]
        }
        let elements = units + units.map { $0.map { -$0 } }
        return [units[1], units[2]].map { h in
            elements.map { g in elements.firstIndex(of: product(h, g)) ?? -1 }
        }
    }

    @Test func groupOrdersMatchTheirDefinitions() throws {
        let seed: [[Double]] = [Array(repeating: 0, count: 9)]
        #expect(try OrbitDataset(seeds: seed, labels: [1], generators: Self.dihedral(3)).orbitLength == 8)
        let q8 = try OrbitDataset(
            seeds: [Array(repeating: 0, count: 8)], labels: [1], generators: Self.quaternionGenerators())
        #expect(q8.orbitLength == 8 && !q8.isCyclic)
        let s4 = try OrbitDataset(seeds: [[0, 0, 0, 0]], labels: [1], generators: [[1, 0, 2, 3], [1, 2, 3, 0]])
        #expect(s4.orbitLength == 24)
        // every point of an orbit is the seed moved by its element: (g·x)[g(i)] = x[i]
        let moved = try OrbitDataset(seeds: [[1, 2, 3, 4]], labels: [1], generators: [[1, 2, 3, 0]])
        #expect(moved.orbits[0][1] == [4, 1, 2, 3] && moved.orbits[0][2] == [3, 4, 1, 2])
        #expect(throws: NumericError.self) {
            try OrbitDataset(
                seeds: [[0, 0, 0, 0]], labels: [1], generators: [[1, 0, 2, 3], [1, 2, 3, 0]], largestGroup: 10)
        }
    }

    @Test func blockFormulaEqualsTheDirectSolveForAnyGroup() throws {
        var rng = SplitMix(31)
        let shiftX = (0..<12).map { ($0 / 4) * 4 + ($0 % 4 + 1) % 4 }
        let shiftY = (0..<12).map { ($0 + 4) % 12 }
        let cases: [(String, [[Int]], Int, KernelChoice, Double)] = [
            ("D4 on 3×3", Self.dihedral(3), 9, .mlp(depth: 1, ntk: true, weightStd: 1, biasStd: 1), 0),
            ("D4 on 4×4", Self.dihedral(4), 16, .rbf(lengthScale: 3), 0.01),
            ("Q8", Self.quaternionGenerators(), 8, .mlp(depth: 2, ntk: false, weightStd: 1.2, biasStd: 0.3), 0),
            ("S3", [[1, 0, 2], [1, 2, 0]], 3, .rbf(lengthScale: 1), 0.001),
            ("C4 × C3 on 3×4", [shiftX, shiftY], 12, .cnn(height: 3, width: 4, readout: .flatten, ntk: true), 0),
        ]
        for (name, generators, d, kernel, ridge) in cases {
            let seeds = (0..<3).map { _ in (0..<d).map { _ in rng.normal() } }
            let data = try OrbitDataset(seeds: seeds, labels: [1, -1, 0.5], generators: generators)
            let analysis = try OrbitKernelAnalysis(data, kernel: kernel, ridge: ridge)
            #expect(analysis.invarianceDefect < 1e-12, "\(name)")
            let exact = try #require(analysis.exactResiduals)
            let block = try #require(analysis.blockResiduals)
            for (e, b) in zip(exact, block) { #expect(abs(e - b) < 1e-10 * max(1, abs(e)), "\(name): \(e) vs \(b)") }
            // the blocks' eigenvalues, counted with their c slots, are K's: Σ_ρ c·dim F_ρ = sN
            let total = analysis.blockSpectra.reduce(0) { $0 + $1.eigenvalues.count }
            #expect(total <= 3 * data.orbitLength, "\(name)")
            let left: [(orbit: Int, position: Int)] = [(0, 0), (1, 1), (2, data.orbitLength - 1)]
            let (direct, viaBlocks) = try analysis.residuals(leavingOut: left)
            for (e, b) in zip(direct, try #require(viaBlocks)) {
                #expect(abs(e - b) < 1e-9 * max(1, abs(e)), "\(name) left out")
            }
        }
    }

    /// S6 (720 elements, non-abelian) is beyond the isotypic frame's reach: the direct solve stands alone, said so.
    @Test func largeNonAbelianGroupsKeepTheDirectSolve() throws {
        var rng = SplitMix(33)
        let seeds = (0..<2).map { _ in (0..<6).map { _ in rng.normal() } }
        let data = try OrbitDataset(
            seeds: seeds, labels: [1, -1], generators: [[1, 0, 2, 3, 4, 5], [1, 2, 3, 4, 5, 0]])
        let analysis = try OrbitKernelAnalysis(data, kernel: .rbf(lengthScale: 0.5), ridge: 0.1)
        #expect(data.orbitLength == 720 && analysis.blockResiduals == nil && analysis.exactResiduals?.count == 2)
        #expect(analysis.blockFormulaNote?.contains("720") == true && analysis.blockSpectra.isEmpty)
    }

    /// Props. 1–4 (one hidden circular 3×3 conv layer): average pooling makes the kernel constant on pairs of
    /// translation orbits (rank ≤ s, the two-orbit kernel singular), but only invariant on rotation orbits; the
    /// flatten readout is invariant on both and neither constant nor rank-deficient.
    @Test func convolutionalKernelPropositions() throws {
        var rng = SplitMix(32)
        let n = 4
        let shiftX = (0..<(n * n)).map { ($0 / n) * n + ($0 % n + 1) % n }
        let rotation = Self.dihedral(n)[0]
        let seeds = (0..<2).map { _ in (0..<(n * n)).map { _ in rng.normal() } }
        func analysis(_ readout: ConvolutionalKernel.Readout, _ g: [Int]) throws -> OrbitKernelAnalysis {
            let data = try OrbitDataset(seeds: seeds, labels: [1, -1], generators: [g])
            return try OrbitKernelAnalysis(data, kernel: .cnn(height: n, width: n, readout: readout, ntk: true))
        }
        let gapShift = try analysis(.globalAveragePool, shiftX)
        #expect(gapShift.constantDefect < 1e-13 && gapShift.rank == 2 && gapShift.exactResiduals == nil)
        let gapRotation = try analysis(.globalAveragePool, rotation)
        #expect(gapRotation.invarianceDefect < 1e-13 && gapRotation.constantDefect > 1e-4 && gapRotation.rank == 8)
        for g in [shiftX, rotation] {
            let flatten = try analysis(.flatten, g)
            #expect(flatten.invarianceDefect < 1e-13 && flatten.constantDefect > 1e-3 && flatten.rank == 8)
        }
    }

    @Test func sampleNormalizations() {
        let x: [Double] = [1, 2, 3, 6, 0, 0, 0, 0]
        let sphere = SampleNormalization.sphere.apply(x, features: 4)
        #expect(abs(sphere[3] - 6 / 50.0.squareRoot()) < 1e-15 && sphere[4...] == [0, 0, 0, 0])
        let centred = SampleNormalization.centeredSphere.apply(x, features: 4)
        // (1, 2, 3, 6) − 3 = (−2, −1, 0, 3), norm √14
        #expect(zip(centred[0..<4], [-2.0, -1, 0, 3]).allSatisfy { abs($0 - $1 / 14.0.squareRoot()) < 1e-15 })
        // the same samples at 1e-200 (squares underflow) and 1e200 (squares overflow) normalise alike
        for scale in [1e-200, 1e200] {
            for kind in [SampleNormalization.sphere, .centeredSphere] {
                let moved = kind.apply(x.map { $0 * scale }, features: 4)
                #expect(zip(moved, kind.apply(x, features: 4)).allSatisfy { abs($0 - $1) < 1e-15 }, "\(kind) \(scale)")
            }
        }
    }
}
