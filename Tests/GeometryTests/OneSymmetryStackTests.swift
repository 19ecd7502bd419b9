import Testing
import Algebra
import EqgeomTestSupport

@testable import Geometry

/// One permutation σ through the general-group path (`IsotypicDecomposition` of ⟨σ⟩, closed form and rational
/// engine) and through the cyclic fast path (`BlockStructure` from the cycle type): the same blocks, the same
/// counts at every rank, the same components and the same invariants (MATH.md §4, §8.9). The two orders of the
/// blocks differ (angle order against type order), so components are compared through the block matching
/// that sorts both by (type, weight, multiplicity); every such matching carries components to components.
@Suite struct OneSymmetryStackTests {
    /// Random cycle types with fixed points and one long cycle among them.
    static func cycleTypes(_ rng: inout SeededGenerator) -> [CycleType] {
        var types = (0..<testIterations(30)).map { _ in randomCycleType(using: &rng, maxDegree: 12) }
        types += [
            CycleType(lengths: [12]), CycleType(lengths: [1, 1, 1, 5]), CycleType(lengths: [9, 1, 1]),
            CycleType(lengths: [6, 4, 2, 1]), CycleType(lengths: [1, 1, 1, 1]), CycleType(lengths: [7, 3]),
        ]
        return types
    }

    /// Positions that sort blocks by (type, weight, multiplicity), ties in their own order.
    static func sortOrder(_ blocks: [IsotypicBlock]) -> [Int] {
        blocks.indices.sorted {
            let (a, b) = (blocks[$0], blocks[$1])
            let key = { (x: IsotypicBlock) in [x.type.dimension, x.weight, x.multiplicity] }
            return key(a) == key(b) ? $0 < $1 : key(a).lexicographicallyPrecedes(key(b))
        }
    }

    @Test func cyclicAndGeneralPathsAgree() throws {
        var rng = SeededGenerator(seed: 2222)
        for type in Self.cycleTypes(&rng) {
            let sigma = try type.representative()
            let cyclic = BlockStructure(sigma)
            for fast in [true, false] {
                let general = try IsotypicDecomposition(
                    group: try PermutationGroup(generators: [sigma]), engine: fast ? .automatic : .orbitalAlgebra)
                let name = "\(type) fast=\(fast)"
                #expect(general.degree == cyclic.degree && general.orbitCount == cyclic.orbitCount, "\(name)")
                #expect(general.commutantDimension == cyclic.commutantDimension, "\(name)")
                let c = cyclic.blocks.map(\.isotypic)
                let g = general.blocks
                let (cs, gs) = (Self.sortOrder(c), Self.sortOrder(g))
                let shape = { (x: IsotypicBlock) in "\(x.type.rawValue)\(x.weight)x\(x.multiplicity)" }
                #expect(cs.map { shape(c[$0]) } == gs.map { shape(g[$0]) }, "\(name)")
                guard cs.count == gs.count else { continue }
                #expect(try cyclic.componentCountsByRank() == general.componentCountsByRank(), "\(name)")
                // the cyclic tuple carried to the general block order
                var toGeneral = [Int](repeating: 0, count: cs.count)
                for (i, j) in zip(cs, gs) { toGeneral[j] = i }
                let carry = { (t: [Int]) in toGeneral.map { t[$0] } }
                for r in Set([1, cyclic.degree / 2, cyclic.degree - 1, cyclic.degree]) where r >= 0 {
                    let vc = try EquivariantVariety(cyclic, rank: r)
                    let vg = try EquivariantVariety(general, rank: r)
                    let listedC = Array(vc.components)
                    let listedG = Array(vg.components)
                    #expect(Set(listedC.map(carry)) == Set(listedG) && listedC.count == listedG.count, "\(name) r=\(r)")
                    let (ic, ig) = (try vc.index(), try vg.index())
                    for t in listedC.prefix(40) {
                        let (a, b) = (try vc.component(t), try vg.component(carry(t)))
                        #expect(a.dimension == b.dimension && a.parameterCount == b.parameterCount, "\(name) \(t)")
                        #expect(try a.degree == b.degree && a.edDegree == b.edDegree, "\(name) \(t)")
                        #expect(a.maximalRank == b.maximalRank && a.containsRankR == b.containsRankR)
                        #expect(Set(a.singularLocus.map(carry)) == Set(b.singularLocus), "\(name) \(t)")
                        // rank and unrank agree with each path's own enumeration order
                        #expect(try ic.tuple(at: ic.index(of: t)) == t)
                        #expect(try ig.tuple(at: ig.index(of: carry(t))) == carry(t))
                    }
                }
            }
        }
    }
}
