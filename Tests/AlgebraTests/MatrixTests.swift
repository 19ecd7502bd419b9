import Testing
import Algebra
import EqgeomTestSupport

/// Rank by plain Gaussian elimination over ℚ, written here as the second method.
func naiveRank(_ a: [[Rational]]) -> Int {
    var m = a
    var rank = 0
    let cols = m.first?.count ?? 0
    for c in 0..<cols {
        guard let p = (rank..<m.count).first(where: { !m[$0][c].isZero }) else { continue }
        m.swapAt(rank, p)
        for i in 0..<m.count where i != rank && !m[i][c].isZero {
            let f = m[i][c] / m[rank][c]
            for j in 0..<cols { m[i][j] = m[i][j] - f * m[rank][j] }
        }
        rank += 1
    }
    return rank
}

/// Determinant by the Leibniz formula (all n! permutations).
func leibniz(_ a: [[Rational]]) -> Rational {
    let n = a.count
    var total = Rational(0)
    func go(_ prefix: [Int], _ rest: Set<Int>) {
        if rest.isEmpty {
            var inversions = 0
            for i in 0..<n { for j in (i + 1)..<n where prefix[i] > prefix[j] { inversions += 1 } }
            var term = Rational(inversions % 2 == 0 ? 1 : -1)
            for i in 0..<n { term *= a[i][prefix[i]] }
            total += term
            return
        }
        for x in rest.sorted() { go(prefix + [x], rest.subtracting([x])) }
    }
    go([], Set(0..<n))
    return total
}

func randomMatrix(_ r: Int, _ c: Int, rank k: Int, using rng: inout SeededGenerator) -> RationalMatrix {
    // product of random r×k and k×c matrices: rank ≤ k, usually exactly k
    var a = RationalMatrix(rows: r, columns: k)
    var b = RationalMatrix(rows: k, columns: c)
    for i in 0..<r {
        for j in 0..<k { a[i, j] = Rational(Int.random(in: -5...5, using: &rng), Int.random(in: 1...3, using: &rng)) }
    }
    for i in 0..<k { for j in 0..<c { b[i, j] = Rational(Int.random(in: -5...5, using: &rng)) } }
    return a * b
}

@Suite struct MatrixTests {
    @Test func nullspaceDimensionMatchesBruteForceRank() {
        var rng = SeededGenerator(seed: 6)
        for _ in 0..<testIterations(60) {
            let (r, c) = (Int.random(in: 1...6, using: &rng), Int.random(in: 1...7, using: &rng))
            let m = randomMatrix(r, c, rank: Int.random(in: 0...min(r, c), using: &rng), using: &rng)
            let rank = naiveRank(m.entries)
            #expect(m.rank == rank)
            let n = m.nullspace
            #expect(n.columns == c - rank)
            #expect((m * n).isZeroMatrix)
            #expect(n.rank == n.columns)  // independent
        }
    }

    @Test func determinantInverseSolveAgainstSecondMethods() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<testIterations(40) {
            let n = Int.random(in: 1...5, using: &rng)
            let m = randomMatrix(n, n, rank: Int.random(in: n - 1...n, using: &rng), using: &rng)
            #expect(m.determinant == leibniz(m.entries))
            if let inv = m.inverse {
                #expect(m * inv == RationalMatrix.identity(n))
                #expect(!m.determinant.isZero)
            } else {
                #expect(m.determinant.isZero)
            }
            let b = randomMatrix(n, 2, rank: 2, using: &rng)
            if let x = m.solve(b) { #expect(m * x == b) } else { #expect(m.rank < n) }
        }
    }

    @Test func rrefTransposeAndKronecker() {
        let a = RationalMatrix([[1, 2], [3, 4]])!
        let b = RationalMatrix([[0, 1], [1, 0]])!
        let c = RationalMatrix([[2, 0], [1, 1]])!
        let d = RationalMatrix([[1, -1], [0, 3]])!
        // mixed-product property (A⊗B)(C⊗D) = AC ⊗ BD
        #expect(a.kronecker(b) * c.kronecker(d) == (a * c).kronecker(b * d))
        #expect(a.kronecker(b)[2, 1] == 3 && a.kronecker(b)[3, 1] == 0 && a.kronecker(b)[1, 2] == 2)
        #expect(a.transposed == RationalMatrix([[1, 3], [2, 4]])!)
        #expect(a.rowReduced.form == RationalMatrix.identity(2))
        let ia = IntegerMatrix([[1, 2], [3, 4]])!
        let ib = IntegerMatrix([[0, 1], [1, 0]])!
        #expect(RationalMatrix(ia.kronecker(ib)) == a.kronecker(b))
        #expect(ia.determinant == -2)
        let singular = IntegerMatrix([[1, 2, 3], [2, 4, 6]])!
        #expect(singular.rank == 1 && singular.nullspace.columns == 2 && (singular * singular.nullspace).isZeroMatrix)
        #expect(RationalMatrix([[1, 2], [3]]) == nil)
    }

    @Test func copiesAreIndependent() {
        let a = RationalMatrix.identity(3)
        var b = a
        b[0, 1] = Rational(5)
        #expect(a[0, 1] == 0 && b[0, 1] == 5)
    }
}
