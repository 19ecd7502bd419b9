import Testing
import Algebra
import Geometry
import EqgeomTestSupport

/// The dense rational matrix of a pattern with the given weights.
func realize(_ p: WeightSharingPattern, _ theta: [Rational]) -> RationalMatrix {
    var m = RationalMatrix(rows: p.rows, columns: p.columns)
    for (k, occ) in p.parameters.enumerated() {
        for o in occ { m[o.row, o.column] = m[o.row, o.column] + Rational(o.sign) * theta[k] }
    }
    return m
}

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
    /// A random matrix of each component, built from the masks, commutes with P_σ exactly
    /// (W = B·M·Bᵀ in cyclotomic arithmetic) and has the component's maximal rank.
    @Test func componentMasksAreEquivariantWithTheRightRank() throws {
        var rng = SeededGenerator(seed: 51)
        for text in ["(1 3 4)(2 5)", "(1 2 3 4 5 6)", "(1 2 3 4)(5 6)(7)"] {
            let sigma = try Permutation(cycles: text)
            let basis = try ExactBasis(sigma)
            let b = basis.denseMatrix()
            let n = sigma.degree
            let field = CyclotomicField(basis.layout.cycles.map(\.count).reduce(4) { lcmInt($0, $1) })
            for r in [n / 2, n - 1] {
                let v = try EquivariantVariety(permutation: sigma, rank: r)
                for t in v.components {
                    let arch = try ComponentArchitecture(try v.component(t))
                    #expect(arch.parameterCount == arch.component.parameterCount)
                    let m =
                        realize(arch.decoder, randomWeights(arch.decoder.parameters.count, using: &rng))
                        * realize(arch.encoder, randomWeights(arch.encoder.parameters.count, using: &rng))
                    #expect(m.rank == arch.component.maximalRank, "\(text) t=\(t)")
                    // W = B M Bᵀ, then P W = W P entry by entry: W[σ(i), σ(j)] = W[i, j]
                    let mc = (0..<n).map { i in (0..<n).map { CyclotomicNumber(m[i, $0]) } }
                    let bm = (0..<n).map { i in (0..<n).map { j in field.dot(b[i], (0..<n).map { mc[$0][j] }) } }
                    let w = (0..<n).map { i in (0..<n).map { j in field.dot(bm[i], b[j]) } }
                    var equivariant = true
                    for i in 0..<n {
                        for j in 0..<n where w[sigma.image(of: i + 1) - 1][sigma.image(of: j + 1) - 1] != w[i][j] {
                            equivariant = false
                        }
                    }
                    #expect(equivariant, "\(text) t=\(t)")
                }
            }
        }
    }

    @Test func invariantArchitecture() throws {
        var rng = SeededGenerator(seed: 52)
        let g = try PermutationGroup(generators: [Permutation(cycles: "(1 3 4)(2 5)")])
        let v = try InvariantVariety(group: g, rows: 3, rank: 2)
        let (enc, dec) = try v.architecture()
        #expect(enc.parameters.count + dec.parameters.count == v.parameterCount)
        let w =
            realize(dec, randomWeights(dec.parameters.count, using: &rng))
            * realize(enc, randomWeights(enc.parameters.count, using: &rng))
        #expect(v.isInvariant(w) && w.rank == 2)
    }

    /// Orbit counts: S_n's layers are counted by Bell numbers; any small group by Burnside's lemma.
    @Test func layerOrbitsMatchBellNumbersAndBurnside() throws {
        let s8 = try PermutationGroup(generators: [
            Permutation(cycles: "(1 2)", degree: 8), Permutation(cycles: "(1 2 3 4 5 6 7 8)"),
        ])
        let layer = try EquivariantLayer(group: s8, inputPower: 2, outputPower: 2)
        #expect(layer.parameterCount == 15 && layer.shape == [64, 64] && layer.index.count == 4096)
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
                    for s in gens {
                        for a in 0..<n {
                            for b in 0..<n {
                                #expect(
                                    layer.index[(s.image(of: a + 1) - 1) * n + s.image(of: b + 1) - 1]
                                        == layer.index[a * n + b])
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
