import Foundation
import Testing
import Algebra
import EqgeomTestSupport

@testable import Geometry

/// Exact adapted bases of permutation groups (MATH.md §8.5.5): the certificate holds on every GAP
/// oracle group (isotypic.json: D4 on 28×28, Q8 on two orbits, F21, Dic3 and SL(2,3) regular, A5 on 12, …),
/// the blocks agree with GAP, and a corrupted basis fails the certificate.
@Suite struct AdaptedBasisTests {
    @Test func certificateHoldsOnOracleGroups() throws {
        // the regular actions of SL(2,5), PSL(2,7) and S6 take 15 s to minutes (release): benchmarks, not tests
        let slow = ["SL(2,5) regular", "PSL(2,7) regular", "S6 regular"]
        for c in try IsotypicDecompositionTests.cases() where !slow.contains(c.name) {
            let group = try PermutationGroup(generators: c.generators.map { try Permutation(images: $0) }, degree: c.n)
            let basis = try AdaptedBasis(group: group)
            let certificate = try basis.certify()
            #expect(certificate.holds, "\(c.name): \(certificate.failures)")
            #expect(basis.orbitalCount == c.orbitals, "\(c.name)")
            let got = basis.blocks.map { "\($0.type.rawValue) \($0.weight) \($0.multiplicity)" }.sorted()
            let expected = c.blocks.map { $0.map(\.description).joined(separator: " ") }.sorted()
            #expect(got == expected, "\(c.name)")
            let labels = try IsotypicDecomposition(group: group).blocks.map {
                "\($0.label) \($0.weight) \($0.multiplicity)"
            }
            #expect(basis.blocks.map { "\($0.label) \($0.weight) \($0.multiplicity)" } == labels, "\(c.name)")
        }
    }

    @Test func certificateHoldsForRotationsOf28x28() throws {
        let group = try PermutationGroup(generators: [try Permutation.rotation(size: 28, degrees: 90)], degree: 784)
        let basis = try AdaptedBasis(group: group)
        let certificate = try basis.certify()
        #expect(certificate.holds, "\(certificate.failures)")
        // C4 acting freely on 196 orbits and fixing nothing: R1×196 twice and C2×196, commutant 4·196²
        #expect(
            basis.blocks.map { "\($0.type.rawValue)\($0.weight)×\($0.multiplicity)" } == ["R1×196", "R1×196", "C2×196"])
        #expect(basis.orbitalCount == 4 * 196 * 196)
    }

    /// Dic3 (R, C, H and an auxiliary G-set) and A5 on 12 (ℚ(√5)): every single corrupted entry is caught.
    @Test func corruptedBasisFailsTheCertificate() throws {
        for c in try IsotypicDecompositionTests.cases() where ["Dic3 regular", "A5 on 12 points"].contains(c.name) {
            let group = try PermutationGroup(generators: c.generators.map { try Permutation(images: $0) }, degree: c.n)
            try Self.checkCorruptions(group)
        }
    }

    static func checkCorruptions(_ group: PermutationGroup) throws {
        let basis = try AdaptedBasis(group: group)
        #expect(try basis.certify().holds)
        for c in basis.classes.indices {
            for copy in basis.classes[c].copies.indices {
                let entry = basis.classes[c].copies[copy].values[0][0]
                let bumped = basis.replacingEntry(
                    class: c, copy: copy, row: 0, slot: 0, with: entry + NumberFieldElement(1, in: entry.field))
                let certificate = try bumped.certify()
                #expect(!certificate.holds, "class \(c) copy \(copy)")
            }
        }
        // a wrong model (a generator's matrix scaled) fails too
        let scaled = basis.replacingModelGenerator(class: basis.classes.count - 1, generator: 0, scale: 2)
        #expect(try !scaled.certify().holds)
    }
}
