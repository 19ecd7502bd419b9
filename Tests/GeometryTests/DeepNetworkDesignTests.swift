import Testing
import Algebra
@testable import Geometry
import EqgeomTestSupport

/// The hidden-layer designs of MATH.md §13.2 against brute force.
@Suite struct DeepNetworkDesignTests {
    /// The cheapest ⟨σ⟩-set covering t against every multiset of cycle lengths (each length dividing σ's order, at
    /// most max t of each): the same number of points, and its multiplicities reach t.
    @Test func cheapestCyclesAgreeWithBruteForce() throws {
        var rng = SeededGenerator(seed: 1302)
        let types: [[Int]] = [[6, 10, 15], [4, 6], [12], [5, 3, 2, 1], [8, 4, 2], [30]]
        for lengths in types {
            let structure = try BlockStructure(checking: CycleType(lengths: lengths))
            let candidates = divisors(of: structure.order)
            for _ in 0..<testIterations(6) {
                let tuple = structure.blocks.map { Int.random(in: 0...min(2, $0.multiplicity), using: &rng) }
                let top = tuple.max() ?? 0
                var best = Int.max
                func search(_ k: Int, _ chosen: [Int]) {
                    if k == candidates.count {
                        guard let m = try? structure.multiplicities(ofCycles: CycleType(lengths: chosen)) else {
                            return
                        }
                        if zip(m, tuple).allSatisfy({ $0 >= $1 }) { best = min(best, chosen.reduce(0, +)) }
                        return
                    }
                    for x in 0...top { search(k + 1, chosen + Array(repeating: candidates[k], count: x)) }
                }
                search(0, [])
                let design = structure.cheapestCycles(covering: tuple)
                let m = try structure.multiplicities(ofCycles: design)
                #expect(zip(m, tuple).allSatisfy { $0 >= $1 }, "\(lengths) t=\(tuple)")
                #expect(design.degree == best, "\(lengths) t=\(tuple): \(design.degree) points, brute force \(best)")
            }
        }
        // the doc comment's example: orders 6, 10 and 15 are covered by one 30-cycle
        let s = try BlockStructure(checking: CycleType(lengths: [30]))
        let t = s.blocks.map { [6, 10, 15].contains($0.l) ? 1 : 0 }
        #expect(s.cheapestCycles(covering: t).degree == 30)
    }

    /// Parameters and bottleneck of the D4 example by hand: μ = (3, 1, 1, 2), hidden (2,0,1,1) and (3,1,1,2).
    @Test func parametersAndBottleneck() throws {
        let blocks = [(1, 3), (1, 1), (1, 1), (2, 2)].enumerated().map {
            IsotypicBlock(type: .real, weight: $1.0, multiplicity: $1.1, label: "b\($0)")
        }
        let net = try DeepEquivariantNetwork(blocks: blocks, hidden: [[2, 0, 1, 1], [3, 1, 1, 2]])
        #expect(net.bottleneck == [2, 0, 1, 1] && net.rank == 5)
        #expect(net.parameterCount == (6 + 6 + 9) + 1 + 3 + 8)
        #expect(net.widths == [9, 5, 9, 9])
        #expect(throws: GeometryError.self) { try DeepEquivariantNetwork(blocks: blocks, hidden: [[1, 2]]) }
    }
}
