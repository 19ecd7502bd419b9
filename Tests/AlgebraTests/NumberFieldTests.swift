import Testing

@testable import Algebra

/// antic number fields and arb enclosures: ℚ(√5) by hand, the golden ratio's embeddings, and random identities
/// against the rational polynomial arithmetic they are built on (a second method: reduction modulo f).
@Suite struct NumberFieldTests {
    @Test func squareRootOfFive() throws {
        let k = NumberField(IntegerPolynomial(coefficients: [-5, 0, 1]))
        let a = k.generator
        #expect(a * a == NumberFieldElement(5, in: k))
        let phi = (NumberFieldElement(1, in: k) + a) / NumberFieldElement(2, in: k)
        #expect(phi * phi == phi + NumberFieldElement(1, in: k))  // the golden ratio
        #expect((NumberFieldElement(1, in: k) / phi) == phi - NumberFieldElement(1, in: k))
        #expect(phi.description == "1/2*a + 1/2")
        let roots = k.realEmbeddings()
        #expect(roots.count == 2)
        // −√5 < 0 < √5, enclosures certified: ≈ ±2.2360679…
        let (lo, hi) = roots[1].enclosure(of: a)
        #expect(lo > Rational(22360679, 10_000_000) && hi < Rational(22360680, 10_000_000))
        #expect(roots[0].sign(of: a) == -1 && roots[1].sign(of: phi) == 1)
        #expect(roots[0].sign(of: phi) == -1)  // (1 − √5)/2
    }

    @Test func imaginaryQuadraticFieldHasNoRealEmbedding() {
        let k = NumberField(IntegerPolynomial(coefficients: [1, 0, 1]))
        #expect(k.realEmbeddings().isEmpty)
        #expect(k.generator * k.generator == NumberFieldElement(-1, in: k))
    }

    /// (p·q mod f) computed by antic equals the product of rational polynomials reduced modulo f, on random
    /// elements of the cubic field ℚ(2cos(2π/7)) (x³ + x² − 2x − 1).
    @Test func arithmeticAgreesWithPolynomialsModuloF() {
        let f = IntegerPolynomial(coefficients: [-1, -2, 1, 1])
        let k = NumberField(f)
        var rng = SplitMix(3)
        for _ in 0..<300 {
            let p = RationalPolynomial(
                coefficients: (0..<3).map { _ in Rational(rng.next(in: -9...9), rng.next(in: 1...5)) })
            let q = RationalPolynomial(
                coefficients: (0..<3).map { _ in Rational(rng.next(in: -9...9), rng.next(in: 1...5)) })
            let (x, y) = (NumberFieldElement(p, in: k), NumberFieldElement(q, in: k))
            #expect((x * y).polynomial == (p * q).remainder(dividingBy: RationalPolynomial(f)))
            #expect((x + y) - y == x)
            if !y.isZero { #expect((x / y) * y == x) }
        }
        #expect(k.realEmbeddings().count == 3)  // totally real
    }
}
