import EqgeomTestSupport
import Testing

@testable import Algebra
@testable import Geometry

/// L-conv layers against direct loops (cyclic convolution), centralisers and Lie closures known by hand
/// (circulants, scalars, gl(d), so(3), the Heisenberg algebra), and eq. (11)'s raster shifts against the torus.
@Suite struct LConvTests {
    /// With shift generators S^1 … S^{k−1} the layer is a cyclic convolution: F[μ][b] = Σ_i Σ_a h[μ−i][a]·W^i[a][b].
    @Test func shiftGeneratorsReproduceCyclicConvolution() throws {
        var rng = SeededGenerator(seed: 96)
        for (d, k, mIn, mOut) in [(8, 3, 1, 1), (7, 4, 2, 3), (5, 5, 1, 2)] {
            let layer = try LConvLayer(
                generators: LConvLayer.shifts(d: d, kernel: k), inChannels: mIn, outChannels: mOut)
            #expect(layer.parameterCount == k * mIn * mOut)
            let weights = (0..<k).map { _ -> RationalMatrix in
                var w = RationalMatrix(rows: mIn, columns: mOut)
                for a in 0..<mIn { for b in 0..<mOut { w[a, b] = Rational(Int.random(in: -5...5, using: &rng)) } }
                return w
            }
            let h = (0..<(d * mIn)).map { _ in Int.random(in: -5...5, using: &rng) }
            var x = RationalMatrix(rows: d * mIn, columns: 1)
            for (e, v) in h.enumerated() { x[e, 0] = Rational(v) }
            let y = layer.linearMap(weights: weights) * x
            for mu in 0..<d {
                for b in 0..<mOut {
                    var direct = Rational(0)
                    for i in 0..<k {
                        for a in 0..<mIn { direct += Rational(h[((mu - i) % d + d) % d * mIn + a]) * weights[i][a, b] }
                    }
                    #expect(y[mu * mOut + b, 0] == direct, "d=\(d) k=\(k) μ=\(mu) b=\(b)")
                }
            }
            // the layer's symmetry: the circulants (the polynomials in S), an abelian closure
            #expect(try layer.centralizer().dimension == d)
            let closure = try LieClosure(layer.generators)
            #expect(closure.isAbelian && closure.killingFormRank == 0 && closure.dimension == min(k - 1, d - 1))
        }
    }

    /// GCN on the 5-cycle: λ(A − I) commutes with the polynomials in A, whose eigenvalues 2cos(2πk/5) have
    /// multiplicities 1, 2, 2, so the centraliser has dimension 1 + 4 + 4 = 9.
    @Test func gcnGeneratorOnACycle() throws {
        let s = LConvLayer.shift(5, by: 1)
        let adjacency = s + s.transposed
        let layer = try LConvLayer(generators: LConvLayer.gcn(adjacency: adjacency, lambda: Rational(1, 2)))
        #expect(try layer.centralizer().dimension == 9)
        #expect(layer.generators[0][0, 1] == Rational(1, 2) && layer.generators[0][0, 0] == Rational(-1, 2))
    }

    @Test func knownLieAlgebras() throws {
        let gl3 = try LieClosure(LConvLayer.glBasis(3))
        #expect(gl3.dimension == 9 && gl3.killingFormRank == 8)
        #expect(try LConvLayer(generators: LConvLayer.glBasis(3)).centralizer().dimension == 1)
        let so3 = try LieClosure(
            try ["[[0,0,0],[0,0,-1],[0,1,0]]", "[[0,0,1],[0,0,0],[-1,0,0]]"].map { try RationalMatrix(parsing: $0) })
        #expect(so3.dimension == 3 && so3.killingFormRank == 3 && so3.structureConstants?.count == 3)
        let heisenberg = try LieClosure(
            try ["[[0,1,0],[0,0,0],[0,0,0]]", "[[0,0,0],[0,0,1],[0,0,0]]"].map { try RationalMatrix(parsing: $0) })
        #expect(heisenberg.dimension == 3 && heisenberg.killingFormRank == 0 && !heisenberg.isAbelian)
    }

    /// The Lie closure (spinning mod p, then the exact check or the dimension bound) against spinning over ℚ with an
    /// exact echelon form, and its Killing form's rank against ad matrices found by solving for coordinates in that
    /// other basis (the rank does not depend on the basis), on random sparse integer generators of closures of every
    /// size, traceless and skew ones included (the sl(d) and so(d) bounds).
    @Test func lieClosureAgainstExactSpinning() throws {
        var rng = SeededGenerator(seed: 58)
        for trial in 0..<30 {
            let d = 2 + trial % 4
            let count = 1 + trial % 3
            let gens = (0..<count).map { _ -> RationalMatrix in
                var m = RationalMatrix(rows: d, columns: d)
                for i in 0..<d {
                    for j in 0..<d where Int.random(in: 0..<3, using: &rng) == 0 {
                        m[i, j] = Rational(Int.random(in: -2...2, using: &rng))
                    }
                }
                switch trial % 3 {
                case 1: return m - m.transposed  // skew: so(d) at most
                case 2:  // traceless: sl(d) at most
                    var trace = Rational(0)
                    for i in 0..<d { trace += m[i, i] }
                    m[0, 0] = m[0, 0] - trace
                    return m
                default: return m
                }
            }
            let closure = try LieClosure(gens)
            let exact = GeneratedAlgebra.exact(gens, dimension: d, operation: .bracket)
            #expect(closure.dimension == exact.count, "\(gens)")
            guard closure.dimension > 0, let rank = closure.killingFormRank else { continue }
            let m = exact.count
            let columns = MatrixSpan.vectorized(exact, length: d * d).transposed
            var ad = [RationalMatrix](repeating: RationalMatrix(rows: m, columns: m), count: m)
            for i in 0..<m {
                for j in 0..<m {
                    let bracket = exact[i] * exact[j] - exact[j] * exact[i]
                    var v = RationalMatrix(rows: d * d, columns: 1)
                    for e in 0..<(d * d) { v[e, 0] = bracket[e / d, e % d] }
                    let coordinates = try #require(columns.solve(v))
                    for k in 0..<m { ad[i][k, j] = coordinates[k, 0] }
                }
            }
            var killing = RationalMatrix(rows: m, columns: m)
            for i in 0..<m {
                for j in 0..<m {
                    let product = ad[i] * ad[j]
                    for k in 0..<m { killing[i, j] = killing[i, j] + product[k, k] }
                }
            }
            #expect(rank == killing.rank, "\(gens)")
        }
        // past 64 dimensions: gl(9) from two random matrices, its Killing form's rank d² − 1 by theory
        var a = RationalMatrix(rows: 9, columns: 9)
        var b = RationalMatrix(rows: 9, columns: 9)
        for i in 0..<9 {
            for j in 0..<9 {
                a[i, j] = Rational(Int.random(in: -3...3, using: &rng))
                b[i, j] = Rational(Int.random(in: -3...3, using: &rng))
            }
        }
        let gl9 = try LieClosure([a, b])
        #expect(gl9.dimension == 81 && gl9.killingFormRank == 80 && gl9.structureConstants == nil)
    }

    /// Eq. (11)'s raster shifts on a 3×3 image commute with the vertical torus shift, not the horizontal one;
    /// 2-D torus shifts commute with both.
    @Test func rasterShiftsAreNotHorizontallyEquivariant() throws {
        let raster = try LConvLayer(generators: LConvLayer.rasterShifts(height: 3, width: 3, offsets: [0, 1, 3, 4]))
        let torus = try LConvLayer(generators: LConvLayer.torusShifts(height: 3, width: 3, kernel: 2))
        let horizontal = try Permutation.shift(height: 3, width: 3, along: .x)
        let vertical = try Permutation.shift(height: 3, width: 3, along: .y)
        #expect(try raster.commutatorDefect([vertical]).isZero)
        #expect(!(try raster.commutatorDefect([horizontal]).isZero))
        #expect(try torus.commutatorDefect([horizontal, vertical]).isZero)
        #expect(try torus.centralizer().dimension == 9)  // the 2-D circulants
    }
}
