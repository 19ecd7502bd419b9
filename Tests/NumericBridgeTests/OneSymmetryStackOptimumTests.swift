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
            #expect(try ExactBasis(sigma).certify().holds, "\(type)")
            #expect(try exact.certify().holds, "\(type)")
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

    /// `basis`'s one analysis for σ (closed form) and for ⟨σ⟩ (the general engine): the same n, orbitals and blocks
    /// (type, weight, multiplicity), small measured errors, and both exact bases certified through the one
    /// protocol.
    @Test func basisAnalysesAgreeForOnePermutationAndItsGroup() throws {
        var rng = SeededGenerator(seed: 977)
        var types = (0..<testIterations(8)).map { _ in randomCycleType(using: &rng, maxDegree: 12) }
        types += [CycleType(lengths: [12]), CycleType(lengths: [1, 1, 1]), CycleType(lengths: [6, 4, 3, 2, 1])]
        var request = BasisAnalysis.Request()
        request.certify = true
        for type in types {
            let sigma = try type.representative()
            let group = try PermutationGroup(generators: [sigma])
            let cyclic = try BasisAnalysis(sigma, request)
            let general = try BasisAnalysis(group, request)
            let shapes = { (a: BasisAnalysis) in a.blocks.map { "\($0.type)\($0.weight)x\($0.multiplicity)" }.sorted() }
            #expect(cyclic.degree == general.degree && cyclic.orbitals == general.orbitals, "\(type)")
            #expect(shapes(cyclic) == shapes(general), "\(type)")
            #expect(cyclic.orbitals == BlockStructure(sigma).commutantDimension, "\(type)")
            #expect(cyclic.certificate?.holds == true && general.certificate?.holds == true, "\(type)")
            for a in [cyclic, general] {
                #expect((a.orthogonalityErrorMax ?? 1) <= 1e-13 && (a.blockErrorMax ?? 1) <= 1e-13, "\(type)")
            }
            let bases: [any ExactAdaptedBasis] = [try ExactBasis(sigma), try AdaptedBasis(group: group)]
            for basis in bases {
                #expect(basis.degree == sigma.degree)
                #expect(try basis.certify(everyOrbit: true).holds, "\(type)")
            }
        }
    }
}
