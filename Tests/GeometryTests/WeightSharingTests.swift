import Testing
import Algebra
import Geometry
import EqgeomTestSupport

func randomWeights(_ k: Int, using rng: inout SeededGenerator) -> [Rational] {
    (0..<k).map { _ in
        Rational(
            Int.random(in: 1...50, using: &rng) * (Bool.random(using: &rng) ? 1 : -1),
            Int.random(in: 1...7, using: &rng))
    }
}

/// Group elements by closure (small groups only), for Burnside's lemma.
func elements(_ g: PermutationGroup) -> [Permutation] {
    var seen: Set<Permutation> = [Permutation(identityOn: g.degree)]
    var frontier = Array(seen)
    while let x = frontier.popLast() {
        for s in g.generators {
            let y = x * s
            if seen.insert(y).inserted { frontier.append(y) }
        }
    }
    return Array(seen)
}

@Suite struct WeightSharingTests {
    @Test func invariantArchitecture() throws {
        var rng = SeededGenerator(seed: 52)
        let g = try PermutationGroup(generators: [Permutation(cycles: "(1 3 4)(2 5)")])
        let v = try InvariantVariety(group: g, rows: 3, rank: 2)
        let (enc, dec) = try v.architecture()
        #expect(enc.parameters.count + dec.parameters.count == v.parameterCount)
        let w =
            dec.matrix(randomWeights(dec.parameters.count, using: &rng))
            * enc.matrix(randomWeights(enc.parameters.count, using: &rng))
        #expect(v.isInvariant(w) && w.rank == 2)
    }

    /// Orbit counts: S_n's layers are counted by Bell numbers; any small group by Burnside's lemma.
    @Test func layerOrbitsMatchBellNumbersAndBurnside() throws {
        let s8 = try PermutationGroup(generators: [
            Permutation(cycles: "(1 2)", degree: 8), Permutation(cycles: "(1 2 3 4 5 6 7 8)"),
        ])
        let layer = try EquivariantLayer(group: s8, inputPower: 2, outputPower: 2)
        #expect(layer.parameterCount == 15 && layer.shape == [64, 64] && layer.index()?.count == 4096)
        #expect(try EquivariantLayer(group: s8, inputPower: 1, outputPower: 1).parameterCount == 2)
        #expect(try EquivariantLayer(group: s8, inputPower: 1, outputPower: 0).parameterCount == 1)
        #expect(try EquivariantLayer(group: s8, inputPower: 2, outputPower: 1).parameterCount == 5)
        var rng = SeededGenerator(seed: 53)
        for _ in 0..<testIterations(15) {
            let n = Int.random(in: 1...5, using: &rng)
            let gens = try (0..<Int.random(in: 1...2, using: &rng)).map { _ in
                try Permutation(images: Array(1...n).shuffled(using: &rng))
            }
            let g = try PermutationGroup(generators: gens, degree: n)
            let all = elements(g)
            for (p, q) in [(1, 1), (2, 1), (2, 2), (0, 1)] {
                let layer = try EquivariantLayer(group: g, inputPower: p, outputPower: q)
                var fixedSum = 0
                for x in all { fixedSum += power((1...n).filter { x.image(of: $0) == $0 }.count, p + q) }
                #expect(layer.parameterCount * all.count == fixedSum, "n=\(n) p=\(p) q=\(q)")
                // W[g·a, g·b] = W[a, b] for every generator
                if p == 1 && q == 1 {
                    let index = try #require(layer.index())
                    for s in gens {
                        for a in 0..<n {
                            for b in 0..<n {
                                let image = (s.image(of: a + 1) - 1) * n + s.image(of: b + 1) - 1
                                #expect(index[image] == index[a * n + b])
                            }
                        }
                    }
                }
            }
        }
        // cyclic σ, p = q = 1: the commutant, Σ gcd(c_i, c_j) parameters
        let sigma = try Permutation(cycles: "(1 2 3 4)(5 6)(7 8 9)")
        #expect(
            try EquivariantLayer(group: PermutationGroup(generators: [sigma]), inputPower: 1, outputPower: 1)
                .parameterCount == BlockStructure(sigma).commutantDimension)
    }
}

func power(_ b: Int, _ e: Int) -> Int { (0..<e).reduce(1) { a, _ in a * b } }

/// Layers between tensor powers without listing index tuples (MATH.md §6): S_n and A_n recognised by Jordan's
/// criterion give set partitions whose pattern index equals the listed orbits exactly (same numbering); a
/// 2-transitive group without a transposition or 3-cycle is listed; a large layer of a small group is counted by
/// Burnside's lemma, checked against the fixed points of D4 on 28×28 worked by hand.
@Suite struct LayerWithoutListingTests {
    @Test func setPartitionsEqualTheListedOrbits() throws {
        let cases: [(String, [Permutation], Int, [Int])] = [
            ("S4", [try Permutation(cycles: "(1 2)", degree: 4), try Permutation(cycles: "(1 2 3 4)")], 4, [2, 3, 4]),
            ("S3", [try Permutation(cycles: "(1 2)", degree: 3), try Permutation(cycles: "(1 2 3)")], 3, [4, 5]),
            (
                "A7", [try Permutation(cycles: "(1 2 3)", degree: 7), try Permutation(cycles: "(1 2 3 4 5 6 7)")], 7,
                [3, 5]
            ),
        ]
        for (name, generators, n, lengths) in cases {
            let group = try PermutationGroup(generators: generators, degree: n)
            for k in lengths {
                #expect(try group.hasSymmetricTupleOrbits(length: k), "\(name) k=\(k)")
                let layer = try EquivariantLayer(group: group, inputPower: k - k / 2, outputPower: k / 2)
                let listed = try group.orbitsOnTuples(length: k)
                #expect(layer.method == "set-partitions" && layer.parameterCount == listed.count, "\(name) k=\(k)")
                #expect(layer.index() == listed.orbitOf, "\(name) k=\(k)")
            }
        }
        // AGL(1,5): 2-transitive, no transposition or 3-cycle: listed, and fewer orbits than S_5 on triples
        let agl = try PermutationGroup(generators: [
            try Permutation(cycles: "(1 2 3 4 5)"), try Permutation(cycles: "(2 3 5 4)"),
        ])
        let layer = try EquivariantLayer(group: agl, inputPower: 2, outputPower: 1)
        #expect(try !agl.hasSymmetricTupleOrbits(length: 3) && layer.method == "listed")
        #expect(layer.parameterCount == agl.burnsideOrbitCount(length: 3) && layer.parameterCount > 5)
    }

    @Test func largeLayersAreCountedWithoutListing() throws {
        let n = 1000
        let symmetric = try PermutationGroup(generators: [
            try Permutation(cycles: "(1 2)", degree: n), try Permutation(images: (1...n).map { $0 % n + 1 }),
        ])
        let t3 = try EquivariantLayer(group: symmetric, inputPower: 3, outputPower: 3)
        #expect(t3.parameterCount == 203 && t3.method == "set-partitions" && t3.index() == nil)
        #expect(t3.denseEntries == BigInteger(10).power(18))
        // D4 on 28×28, T1 → T2: (784³ + 2·28³)/8 (only the identity and the two diagonal reflections fix pixels)
        let d4 = try PermutationGroup(generators: [
            try Permutation.rotation(size: 28, degrees: 90),
            try Permutation.reflection(height: 28, width: 28, .horizontal),
        ])
        let layer = try EquivariantLayer(group: d4, inputPower: 1, outputPower: 2)
        #expect(layer.method == "burnside" && layer.parameterCount == (784 * 784 * 784 + 2 * 28 * 28 * 28) / 8)
    }
}
