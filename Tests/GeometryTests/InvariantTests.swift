import Testing
import Algebra
import Geometry
import EqgeomTestSupport

/// Rank over ℚ of the Jacobian of a bilinear map (X, Y) ↦ X·Y at (X0, Y0), where X and Y are linear
/// in their own parameters: the dimension of the image variety (second method for dimensions).
func bilinearJacobianRank(
    xParameters: Int, yParameters: Int,
    x: ([Rational]) -> RationalMatrix, y: ([Rational]) -> RationalMatrix,
    using rng: inout SeededGenerator
) -> Int {
    // non-zero entries, so that the random point is generic with overwhelming probability
    func random(_ k: Int) -> [Rational] {
        (0..<k).map { _ in
            Rational(
                Int.random(in: 1...97, using: &rng) * (Bool.random(using: &rng) ? 1 : -1),
                Int.random(in: 1...89, using: &rng))
        }
    }
    let (x0, y0) = (x(random(xParameters)), y(random(yParameters)))
    func unit(_ k: Int, _ i: Int) -> [Rational] { (0..<k).map { $0 == i ? Rational(1) : Rational(0) } }
    var columns: [RationalMatrix] = []
    for i in 0..<xParameters { columns.append(x(unit(xParameters, i)) * y0) }
    for i in 0..<yParameters { columns.append(x0 * y(unit(yParameters, i))) }
    let rows = columns[0].rows * columns[0].columns
    var j = RationalMatrix(rows: rows, columns: columns.count)
    for (c, m) in columns.enumerated() {
        for a in 0..<m.rows { for b in 0..<m.columns where !m.isZero(a, b) { j[a * m.columns + b, c] = m[a, b] } }
    }
    return j.rank
}

@Suite struct InvariantTests {
    /// MATH.md §3 worked example: σ = (1 3 4)(2 5), m = 2, r = 1.
    @Test func workedExample() throws {
        let g = try PermutationGroup(generators: [Permutation(cycles: "(1 3 4)(2 5)")])
        let v = try InvariantVariety(group: g, rows: 2, rank: 1)
        #expect(v.orbits == [[1, 3, 4], [2, 5]] && v.orbitCount == 2)
        #expect(try v.dimension == 3 && v.degree == 2 && v.edDegree == 2)
        // [[a,c,a,a,c],[b,d,b,b,d]] = ψ⁻¹([[a,c],[b,d]])
        let w = try v.psiInverse(RationalMatrix([[1, 3], [2, 4]])!)
        #expect(w == RationalMatrix([[1, 3, 1, 1, 3], [2, 4, 2, 2, 4]])!)
        #expect(try v.psi(w) == RationalMatrix([[1, 3], [2, 4]])!)
        #expect(throws: GeometryError.self) { try v.psi(RationalMatrix([[1, 2, 3, 4, 5], [0, 0, 0, 0, 0]])!) }
        #expect(v.encoderPattern == IntegerMatrix([[1, 0, 1, 1, 0], [0, 1, 0, 0, 1]])!)
        #expect(v.parameterCount == 1 * 2 + 2 * 1)
        #expect(v.singularLocus?.rank == 0)  // Sing M_{1,2×2} = {0}
        for m in 2...6 {
            let u = try InvariantVariety(group: g, rows: m, rank: 1)
            #expect(try u.dimension == m + 1 && u.degree == BigInteger(m) && u.edDegree == 2)
        }
    }

    /// Invariant matrices commute with the action: W P_g = W for each generator (exact), and the
    /// dimension equals the Jacobian rank of the parameterization W = D·E·E_P.
    @Test func parameterizationIsInvariantAndHasTheRightDimension() throws {
        var rng = SeededGenerator(seed: 21)
        for _ in 0..<testIterations(12) {
            let n = Int.random(in: 2...7, using: &rng)
            let gens = try (0..<Int.random(in: 1...2, using: &rng)).map { _ in
                try Permutation(images: (1...n).map { $0 }.shuffled(using: &rng)).power(
                    Int.random(in: 1...3, using: &rng))
            }
            let g = try PermutationGroup(generators: gens, degree: n)
            let m = Int.random(in: 1...4, using: &rng)
            let r = Int.random(in: 0...min(m, n), using: &rng)
            let v = try InvariantVariety(group: g, rows: m, rank: r)
            let k = v.orbitCount
            let rho = v.effectiveRank
            let ep = RationalMatrix(v.encoderPattern)
            var w = RationalMatrix(rows: m, columns: k)
            for i in 0..<m { for j in 0..<k { w[i, j] = Rational(Int.random(in: -5...5, using: &rng)) } }
            let full = w * ep
            for s in gens { #expect(full * RationalMatrix(s.matrix) == full) }
            #expect(v.isInvariant(full))
            if rho > 0 {
                let dim = bilinearJacobianRank(
                    xParameters: m * rho, yParameters: rho * k,
                    x: { p in
                        var d = RationalMatrix(rows: m, columns: rho)
                        for i in 0..<m { for j in 0..<rho { d[i, j] = p[i * rho + j] } }
                        return d
                    },
                    y: { p in
                        var e = RationalMatrix(rows: rho, columns: k)
                        for i in 0..<rho { for j in 0..<k { e[i, j] = p[i * k + j] } }
                        return e * ep
                    },
                    using: &rng)
                #expect(dim == v.dimension, "n=\(n) m=\(m) r=\(r) orbits=\(v.orbits)")
            } else {
                #expect(v.dimension == 0)
            }
        }
    }
}
