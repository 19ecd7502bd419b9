import Testing
import Algebra
import EqgeomTestSupport

@Suite struct CyclotomicTests {
    @Test func twiceCosineOfTwoPiOverSevenIsRootOfItsMinimalPolynomial() {
        let field = CyclotomicField(7)
        let a = field.zeta(1) + field.zeta(-1)
        let one = field.element(Rational(1))
        let value = a * a * a + a * a - Rational(2) * a - one
        #expect(value.isZero)
        #expect(!(a * a * a + a * a - a - one).isZero)
        #expect(a == Rational(2) * CyclotomicField.cosine(1, 7))
        #expect(a.isReal)
    }

    @Test func knownValues() {
        #expect(CyclotomicField.sine(1, 12).rationalValue == Rational(1, 2))  // sin 30°
        #expect(CyclotomicField.cosine(1, 6).rationalValue == Rational(1, 2))  // cos 60°
        #expect(CyclotomicField.cosine(1, 4).isZero)  // cos 90°
        #expect(CyclotomicField.sine(1, 4).rationalValue == 1)
        #expect(CyclotomicField.cosine(1, 2).rationalValue == -1)
        let c8 = CyclotomicField.cosine(1, 8)
        #expect((c8 * c8).rationalValue == Rational(1, 2))  // cos² 45° = 1/2
        let c5 = CyclotomicField.cosine(1, 5)  // (√5 − 1)/4: 4c² + 2c − 1 = 0
        #expect((Rational(4) * c5 * c5 + Rational(2) * c5 - CyclotomicNumber(Rational(1))).isZero)
        let i = CyclotomicField(4).imaginaryUnit!
        #expect((i * i).rationalValue == -1)
        #expect(CyclotomicField(6).imaginaryUnit == nil)
    }

    /// cos² + sin² = 1 and the angle-addition formulas, across fields of different orders.
    @Test func trigonometricIdentities() {
        for n in 1...24 {
            for k in 0..<n {
                let c = CyclotomicField.cosine(k, n)
                let s = CyclotomicField.sine(k, n)
                #expect((c * c + s * s).rationalValue == 1, "k=\(k) n=\(n)")
                #expect(c.isReal && s.isReal)
                let c2 = CyclotomicField.cosine(2 * k, n)
                let s2 = CyclotomicField.sine(2 * k, n)
                #expect(c2 == c * c - s * s && s2 == Rational(2) * s * c, "k=\(k) n=\(n)")
            }
        }
    }

    @Test func fieldOperations() {
        var rng = SeededGenerator(seed: 8)
        for n in [3, 5, 8, 12, 28] {
            let field = CyclotomicField(n)
            for _ in 0..<testIterations(10) {
                let coeffs = (0..<field.degree).map { _ in
                    Rational(Int.random(in: -4...4, using: &rng), Int.random(in: 1...3, using: &rng))
                }
                let a = field.element(RationalPolynomial(coefficients: coeffs))
                if a.isZero {
                    #expect(a.inverse == nil)
                    continue
                }
                #expect((a * a.inverse!).rationalValue == 1)
                #expect((a / a)!.rationalValue == 1)
                #expect(a.conjugate.conjugate == a)
                #expect((a * a.conjugate).isReal)
                #expect(a.realPart.isReal && a.imaginaryPart.isReal)
                let j = CyclotomicField(lcmInt(n, 4)).imaginaryUnit!
                #expect(a.realPart + j * a.imaginaryPart == a)
                #expect(a.power(3) == a * a * a)
            }
            #expect(field.zeta(1).power(n).rationalValue == 1)
            #expect((field.zeta(1) * field.zeta(-1)).rationalValue == 1)
        }
    }
}

func lcmInt(_ a: Int, _ b: Int) -> Int {
    var (x, y) = (a, b)
    while y != 0 { (x, y) = (y, x % y) }
    return a / x * b
}
