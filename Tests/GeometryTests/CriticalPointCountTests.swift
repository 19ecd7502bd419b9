import Testing
import Algebra
@testable import Geometry
import EqgeomTestSupport

/// Brute force over every choice of eigen-directions: per block a subset J_b of {0…μ_b−1}.
private func subsets(_ mu: Int) -> [[Int]] {
    (0..<(1 << mu)).map { mask in (0..<mu).filter { mask & (1 << $0) != 0 } }
}

/// #{(i ∈ J, l ∉ J) : l < i}, counted pair by pair.
private func inversions(_ set: [Int]) -> Int {
    set.reduce(0) { sum, i in sum + (0..<i).filter { !set.contains($0) }.count }
}

/// Random blocks of types ℝ/ℂ/ℍ with weights that are multiples of δ and small multiplicities.
private func randomBlocks(_ rng: inout SeededGenerator) -> [IsotypicBlock] {
    (0..<Int.random(in: 1...4, using: &rng)).map { k in
        let type = [DivisionAlgebra.real, .complex, .quaternionic].randomElement(using: &rng) ?? .real
        let weight = type.dimension * Int.random(in: 1...2, using: &rng)
        return IsotypicBlock(
            type: type, weight: weight, multiplicity: Int.random(in: 1...4, using: &rng), label: "b\(k)")
    }
}

/// A decomposition given by its blocks alone.
private struct ListedBlocks: BlockDecomposition {
    let blocks: [IsotypicBlock]
    var degree: Int { blocks.reduce(0) { $0 + $1.weight * $1.multiplicity } }
    var orbitCount: Int { 0 }
}

@Suite struct CriticalPointCountTests {
    /// On a component: all sets with |J_b| ≤ t_b counted one by one, the pure ones (|J| = t), and both index
    /// histograms from inversions counted pair by pair and the unused-slot term (t − j)(μ − j).
    @Test func componentCountsAgreeWithEnumeration() throws {
        var rng = SeededGenerator(seed: 2301)
        for _ in 0..<testIterations(60) {
            let blocks = randomBlocks(&rng)
            let tuple = blocks.map { Int.random(in: 0...$0.multiplicity, using: &rng) }
            let rank = zip(blocks, tuple).reduce(0) { $0 + $1.0.weight * $1.1 }
            var all = 0
            var pure = 0
            var smooth: [Int: Int] = [:]
            var parameter: [Int: Int] = [:]
            func walk(_ b: Int, _ sets: [[Int]]) {
                if b == blocks.count {
                    all += 1
                    let isPure = zip(sets, tuple).allSatisfy { $0.count == $1 }
                    var index = 0
                    for (k, set) in sets.enumerated() {
                        let (d, mu, t, j) = (blocks[k].type.dimension, blocks[k].multiplicity, tuple[k], set.count)
                        index += d * (inversions(set) + (t - j) * (mu - j))
                    }
                    parameter[index, default: 0] += 1
                    if isPure {
                        pure += 1
                        smooth[index, default: 0] += 1
                    }
                    return
                }
                for set in subsets(blocks[b].multiplicity) where set.count <= tuple[b] { walk(b + 1, sets + [set]) }
            }
            walk(0, [])
            let count = try EquivariantComponent(blocks: blocks, tuple: tuple, rank: rank).criticalPoints
            #expect(count.all == BigInteger(all) && count.pure == BigInteger(pure), "\(blocks) t=\(tuple)")
            let histogram = { (p: IntegerPolynomial?) -> [Int: Int] in
                var h: [Int: Int] = [:]
                for (i, c) in (p?.coefficients ?? []).enumerated() where !c.isZero { h[i] = Int(exactly: c) }
                return h
            }
            #expect(histogram(count.pureIndices) == smooth)
            #expect(histogram(count.parameterIndices) == parameter)
        }
    }

    /// On the whole variety: every profile j with Σ w j ≤ r counted with its ∏ C(μ, j) sets; pure when no block
    /// can be raised within r (maximality checked here, not by the library); the pure index histogram from
    /// inversions.
    @Test func varietyCountsAgreeWithEnumeration() throws {
        var rng = SeededGenerator(seed: 2302)
        for _ in 0..<testIterations(60) {
            let blocks = randomBlocks(&rng)
            let n = blocks.reduce(0) { $0 + $1.weight * $1.multiplicity }
            let rank = Int.random(in: 0...n, using: &rng)
            var all = 0
            var pure = 0
            var smooth: [Int: Int] = [:]
            func walk(_ b: Int, _ sets: [[Int]], _ used: Int) {
                if b == blocks.count {
                    all += 1
                    let maximal = blocks.indices.allSatisfy {
                        sets[$0].count == blocks[$0].multiplicity || used + blocks[$0].weight > rank
                    }
                    if maximal {
                        pure += 1
                        let index = zip(blocks, sets).reduce(0) { $0 + $1.0.type.dimension * inversions($1.1) }
                        smooth[index, default: 0] += 1
                    }
                    return
                }
                for set in subsets(blocks[b].multiplicity) where used + blocks[b].weight * set.count <= rank {
                    walk(b + 1, sets + [set], used + blocks[b].weight * set.count)
                }
            }
            walk(0, [], 0)
            let variety = try EquivariantVariety(ListedBlocks(blocks: blocks), rank: rank)
            let count = try variety.criticalPoints
            #expect(count.all == BigInteger(all), "\(blocks) r=\(rank)")
            #expect(count.pure == BigInteger(pure), "\(blocks) r=\(rank)")
            var h: [Int: Int] = [:]
            for (i, c) in (count.pureIndices?.coefficients ?? []).enumerated() where !c.isZero {
                h[i] = Int(exactly: c)
            }
            #expect(h == smooth, "\(blocks) r=\(rank)")
        }
    }

    /// The dense worked example of the doc comment: n = 4, r = 2.
    @Test func denseExample() throws {
        let block = IsotypicBlock(type: .real, weight: 1, multiplicity: 4, label: "R1.1")
        let count = try EquivariantComponent(blocks: [block], tuple: [2], rank: 2).criticalPoints
        #expect(count.pure == 6 && count.spurious == 5)
        #expect(count.pureIndices?.coefficients == [1, 1, 2, 1, 1])
        // J = ∅: 1·2·4 = 8 descent directions; |J| = 1: inv + 1·3
        #expect(count.parameterIndices?.coefficients == [1, 1, 2, 2, 2, 1, 1, 0, 1])
    }
}
