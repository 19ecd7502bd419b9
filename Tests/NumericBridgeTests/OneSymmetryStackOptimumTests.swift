import Testing
import Algebra
import EqgeomTestSupport

@testable import Geometry
@testable import NumericBridge

/// One permutation σ through the general-group path (exact adapted basis of ⟨σ⟩, its orbit transform and block
/// spectra) and through the cyclic fast path (Q_σ, FFTs): on the same seeded data the best component's exact
/// optimum has the same loss at every rank, the saturated tuple loses nothing, and both exact bases pass
/// their certificates (MATH.md §4.5, §8.6, §8.7).
@Suite struct OneSymmetryStackOptimumTests {
    @Test func bestOptimumAndCertificateAgree() throws {
        var rng = SeededGenerator(seed: 4242)
        var types = (0..<testIterations(8)).map { _ in randomCycleType(using: &rng, maxDegree: 10) }
        types += [CycleType(lengths: [10]), CycleType(lengths: [1, 1, 6]), CycleType(lengths: [4, 3, 2, 1])]
        for (k, type) in types.enumerated() {
            let sigma = try type.representative()
            let n = sigma.degree
            let count = 3 * n + 5
            var draws = SplitMix(UInt64(100 + k))
            let data = (0..<(count * n)).map { _ in draws.normal() }
            let layout = try BasisLayout(sigma)
            let cyclic = try CyclicBlockSpectra(
                coordinates: StructuredTransform(layout).forward(data, batch: count), count: count, layout: layout)
            let exact = try AdaptedBasis(group: try PermutationGroup(generators: [sigma]))
            let basis = try GroupNumericBasis(exact)
            let general = try GroupBlockSpectra(
                coordinates: GroupTransform(basis).forward(data, batch: count), count: count, basis: basis)
            #expect(try BasisCertificate(ExactBasis(sigma)).holds, "\(type)")
            #expect(try AdaptedBasisCertificate(exact).holds, "\(type)")
            let total = cyclic.totalEnergy
            #expect(abs(total - general.totalEnergy) <= 1e-10 * total, "\(type)")
            for r in 0...n {
                let tc = ComponentSelection.bestTuple(
                    energies: cyclic.blocks.map(\.eigenvalues), weights: cyclic.blocks.map(\.block.weight), rank: r)
                let tg = ComponentSelection.bestTuple(
                    energies: general.blocks.map(\.energies), weights: general.blocks.map(\.block.weight), rank: r)
                let (a, b) = (cyclic.loss(tc), general.loss(tg))
                #expect(abs(a - b) <= 1e-9 * max(total, 1), "\(type) r=\(r): \(a) vs \(b)")
            }
            #expect(general.loss(general.blocks.map(\.block.multiplicity)) <= 1e-12 * max(total, 1))
        }
    }
}
