import Testing
import Algebra
import EqgeomTestSupport

/// Naive integer polynomials (coefficient arrays, low degree first): the second method.
enum Naive {
    static func mul(_ a: [Int], _ b: [Int]) -> [Int] {
        if a.isEmpty || b.isEmpty { return [] }
        var r = [Int](repeating: 0, count: a.count + b.count - 1)
        for (i, x) in a.enumerated() where x != 0 { for (j, y) in b.enumerated() { r[i + j] += x * y } }
        return trim(r)
    }
    /// Exact division by a monic-or-unit-leading divisor.
    static func div(_ a: [Int], _ b: [Int]) -> [Int] {
        var r = a
        let db = b.count - 1
        let lead = b[db]
        var q = [Int](repeating: 0, count: max(a.count - db, 0))
        for i in stride(from: a.count - 1, through: db, by: -1) {
            let c = r[i] / lead
            q[i - db] = c
            for j in 0...db { r[i - db + j] -= c * b[j] }
        }
        precondition(r.allSatisfy { $0 == 0 }, "not exact")
        return trim(q)
    }
    static func trim(_ a: [Int]) -> [Int] {
        var a = a
        while a.last == 0 { a.removeLast() }
        return a
    }
    static func mobius(_ n: Int) -> Int {
        var n = n
        var k = 0
        var p = 2
        while p * p <= n {
            if n % p == 0 {
                n /= p
                if n % p == 0 { return 0 }
                k += 1
            }
            p += 1
        }
        if n > 1 { k += 1 }
        return k % 2 == 0 ? 1 : -1
    }
    /// Φ_n = ∏_{d | n} (x^d − 1)^{μ(n/d)}.
    static func cyclotomic(_ n: Int) -> [Int] {
        var num = [1]
        var den = [1]
        for d in 1...n where n % d == 0 {
            var f = [Int](repeating: 0, count: d + 1)
            f[0] = -1
            f[d] = 1
            switch mobius(n / d) {
            case 1: num = mul(num, f)
            case -1: den = mul(den, f)
            default: break
            }
        }
        return div(num, den)
    }
}

@Suite struct PolynomialTests {
    @Test func cyclotomicPolynomialsMatchMobiusProduct() {
        for n in 1...30 {
            let flint = IntegerPolynomial.cyclotomic(n).coefficients.map { Int(exactly: $0)! }
            #expect(flint == Naive.cyclotomic(n), "n=\(n)")
        }
        #expect(IntegerPolynomial.cyclotomic(28).description == "x^12-x^10+x^8-x^6+x^4-x^2+1")
    }

    @Test func truncatedProductsAgreeWithNaiveConvolution() {
        var rng = SeededGenerator(seed: 4)
        for _ in 0..<testIterations(100) {
            let a = (0..<Int.random(in: 0...12, using: &rng)).map { _ in Int.random(in: -9...9, using: &rng) }
            let b = (0..<Int.random(in: 0...12, using: &rng)).map { _ in Int.random(in: -9...9, using: &rng) }
            let k = Int.random(in: 0...25, using: &rng)
            let full = Naive.mul(a, b)
            let low = IntegerPolynomial(coefficients: a).multipliedTruncated(
                by: IntegerPolynomial(coefficients: b), length: k)
            #expect(
                low.coefficients.map { Int(exactly: $0)! } == Naive.trim(Array(full.prefix(k))), "a=\(a) b=\(b) k=\(k)")
            #expect(
                IntegerPolynomial(coefficients: a) * IntegerPolynomial(coefficients: b)
                    == IntegerPolynomial(coefficients: full))
        }
    }

    @Test func truncatedPowersAgreeWithRepeatedProducts() {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<testIterations(40) {
            let a = (0..<Int.random(in: 1...5, using: &rng)).map { _ in Int.random(in: -3...3, using: &rng) }
            let e = Int.random(in: 0...7, using: &rng)
            let k = Int.random(in: 1...30, using: &rng)
            var naive = [1]
            for _ in 0..<e { naive = Naive.mul(naive, a) }
            let p = IntegerPolynomial(coefficients: a).powerTruncated(UInt(e), length: k)
            #expect(p == IntegerPolynomial(coefficients: Array(naive.prefix(k))), "a=\(a) e=\(e) k=\(k)")
        }
    }

    /// [x^99] (1+…+x^28)^2 (1+x^2+…+x^56)^13: the paper's MNIST count (MATH.md §4.3).
    @Test func mnistCoefficient() {
        let real = IntegerPolynomial.geometric(count: 29, step: 1)
        let complex = IntegerPolynomial.geometric(count: 29, step: 2)
        let f = real.powerTruncated(2, length: 100).multipliedTruncated(
            by: complex.powerTruncated(13, length: 100), length: 100)
        #expect(f.coefficient(99) == 72425986088826)
    }

    @Test func evaluationAndRationalPolynomials() {
        let p = IntegerPolynomial(coefficients: [-1, -2, 1, 1])  // x^3 + x^2 − 2x − 1
        #expect(p.evaluated(at: 2) == 7)
        let q = RationalPolynomial(p)
        #expect(q.evaluated(at: Rational(1, 2)) == Rational(-13, 8))  // 1/8 + 1/4 − 1 − 1
        let (quo, rem) = q.divided(by: RationalPolynomial(coefficients: [1, 1]))!  // ÷ (x+1)
        #expect(quo * RationalPolynomial(coefficients: [1, 1]) + rem == q)
        #expect(rem == RationalPolynomial(coefficients: [1]))
        let m = RationalPolynomial(IntegerPolynomial.cyclotomic(7))
        let x = RationalPolynomial(coefficients: [0, 1])
        let inv = x.inverse(modulo: m)!
        #expect((inv * x).remainder(dividingBy: m) == RationalPolynomial(coefficients: [1]))
        #expect(
            RationalPolynomial(coefficients: [1, 1]).inverse(modulo: RationalPolynomial(coefficients: [1, 1])) == nil)
        #expect(q.description == "x^3 + x^2 - 2*x - 1")
    }
}

@Suite struct GeometricPowerTests {
    /// The closed form against FLINT's truncated powering of the polynomial itself.
    @Test func closedFormAgreesWithTruncatedPower() {
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<testIterations(60) {
            let c = Int.random(in: 1...9, using: &rng)
            let s = Int.random(in: 1...3, using: &rng)
            let e = Int.random(in: 0...12, using: &rng)
            let length = Int.random(in: 0...80, using: &rng)
            let expected = IntegerPolynomial.geometric(count: c, step: s).powerTruncated(UInt(e), length: length)
            #expect(
                IntegerPolynomial.geometricPower(count: c, step: s, exponent: e, length: length) == expected,
                "c=\(c) s=\(s) e=\(e) len=\(length)")
        }
    }

    @Test func coefficientOfProductIsADotProduct() {
        var rng = SeededGenerator(seed: 13)
        for _ in 0..<testIterations(60) {
            let a = IntegerPolynomial(
                coefficients: (0..<Int.random(in: 0...10, using: &rng)).map { _ in Int.random(in: -9...9, using: &rng) }
            )
            let b = IntegerPolynomial(
                coefficients: (0..<Int.random(in: 0...10, using: &rng)).map { _ in Int.random(in: -9...9, using: &rng) }
            )
            let k = Int.random(in: 0...22, using: &rng)
            #expect(
                IntegerPolynomial.coefficientOfProduct(a, b, degree: k) == (a * b).coefficient(k),
                "a=\(a) b=\(b) k=\(k)")
        }
    }

    @Test func randomBelowIsInRangeAndCoversSmallRanges() {
        var rng = SeededGenerator(seed: 12)
        var seen = Set<Int>()
        for _ in 0..<500 { seen.insert(Int(exactly: BigInteger.random(below: 7, using: &rng))!) }
        #expect(seen == Set(0..<7))
        let big = BigInteger(10).power(40)
        for _ in 0..<100 {
            let x = BigInteger.random(below: big, using: &rng)
            #expect(x.signum >= 0 && x < big)
        }
    }
}

/// Root fibres {z : z^S = a} (MATH.md §14.2) on polynomials built from known factors, where the fibres are known by
/// construction: x^S − a contributes one full fibre over a, and nothing else does.
@Suite struct RootFibreTests {
    static func product(_ factors: [[Int]]) -> IntegerPolynomial {
        IntegerPolynomial(coefficients: factors.reduce([1]) { Naive.mul($0, $1) })
    }

    @Test func fibresOfKnownFactors() throws {
        // (x² − 2)(x² + 3)(x − 5)(x³ − 7)
        let p = Self.product([[-2, 0, 1], [3, 0, 1], [-5, 1], [-7, 0, 0, 1]])
        let f = try #require(p.rootFibres(exponents: [1, 2, 3, 6]))
        #expect(f.multiplicities == [1, 1, 1, 1, 1, 1, 1, 1] && f.zeroMultiplicity == 0)
        #expect(f.fibres[1]?.count == 8)
        #expect(f.fibres[1]?.filter(\.isReal).count == 4)  // ±√2, 5, ∛7
        #expect(f.fibres[2]?.count == 2 && f.fibres[2]?.allSatisfy(\.isReal) == true)  // over 2 and −3
        #expect(f.fibres[3]?.count == 1 && f.fibres[3]?.first?.roots.count == 3)  // over 7
        #expect(f.fibres[6]?.isEmpty == true)
        // x⁴ + 1, S = 2: fibres over ±i, a conjugate pair; S = 4: one real fibre over −1
        let q = Self.product([[1, 0, 0, 0, 1]])
        let g = try #require(q.rootFibres(exponents: [2, 4]))
        #expect(g.fibres[2]?.count == 2 && g.fibres[2]?.allSatisfy { !$0.isReal } == true)
        #expect(g.fibres[4]?.count == 1 && g.fibres[4]?.first?.isReal == true)
        let two = try #require(g.fibres[2])
        #expect(Set(two[0].roots).isDisjoint(with: two[1].roots))
        // x³·(x² − 2)²: three zeros, ±√2 twice each
        let r = Self.product([[0, 0, 0, 1], [-2, 0, 1], [-2, 0, 1]])
        let h = try #require(r.rootFibres(exponents: [2]))
        #expect(h.zeroMultiplicity == 3 && h.multiplicities == [2, 2] && h.fibres[2]?.count == 1)
        // x⁴ − 1: S = 2 gives {±1} over 1 and {±i} over −1, S = 4 one fibre, S = 3 none
        let s = try #require(Self.product([[-1, 0, 0, 0, 1]]).rootFibres(exponents: [2, 3, 4]))
        #expect(s.fibres[2]?.count == 2 && s.fibres[3]?.isEmpty == true && s.fibres[4]?.count == 1)
    }

    /// ∏_j (x^S − a_j) with distinct random nonzero a_j and one extra factor x − b: exactly one full fibre per a_j
    /// (x − b adds no full fibre for S ≥ 2), real, each of S roots.
    @Test func randomProductsOfBinomials() throws {
        var rng = SeededGenerator(seed: 1406)
        for s in [2, 3, 4, 6] {
            for _ in 0..<testIterations(6) {
                var values = Set<Int>()
                while values.count < 3 { values.insert(Int.random(in: -40...40, using: &rng)) }
                values.remove(0)
                let b = Int.random(in: 1...50, using: &rng)
                var factors = values.map { a -> [Int] in [-a] + Array(repeating: 0, count: s - 1) + [1] }
                factors.append([-b, 1])
                let p = Self.product(factors)
                let f = try #require(p.rootFibres(exponents: [s]))
                let fibres = try #require(f.fibres[s])
                #expect(fibres.count == values.count, "S=\(s) a=\(values) b=\(b)")
                #expect(fibres.allSatisfy { $0.isReal && $0.roots.count == s && Set($0.roots).count == s })
            }
        }
    }
}
