import Foundation
import Testing
import Algebra
import EqgeomTestSupport

@Suite struct RationalTests {
    @Test func reducedForm() {
        #expect(Rational(3, 6).description == "1/2")
        #expect(Rational(-7, 21).description == "-1/3")
        #expect(Rational(7, -21).description == "-1/3")
        #expect(Rational(4, 2).isInteger && Rational(4, 2) == 2)
        #expect(Rational("10/-4") == Rational(-5, 2))
        #expect(Rational("1/0") == nil && Rational("a/2") == nil && Rational("1/2/3") == nil)
    }

    /// Field operations against cross-multiplication on Int128 numerators and denominators.
    @Test func arithmeticAgreesWithFractionFormulas() {
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<testIterations(300) {
            let (a, b) = (Int.random(in: -1000...1000, using: &rng), Int.random(in: 1...1000, using: &rng))
            let (c, d) = (Int.random(in: -1000...1000, using: &rng), Int.random(in: 1...1000, using: &rng))
            let x = Rational(a, b)
            let y = Rational(c, d)
            func same(_ r: Rational, _ n: Int128, _ m: Int128) -> Bool {
                r.numerator.description == "\(n / gcd128(n, m))" && r.denominator.description == "\(m / gcd128(n, m))"
            }
            #expect(same(x + y, Int128(a * d + c * b), Int128(b * d)))
            #expect(same(x * y, Int128(a * c), Int128(b * d)))
            #expect((x - y) + y == x)
            if c != 0 { #expect((x / y) * y == x) }
            #expect((x < y) == (a * d < c * b))
        }
    }

    @Test func inversePowerAndCodable() throws {
        #expect(Rational(0).inverse == nil)
        #expect(Rational(-2, 3).inverse == Rational(-3, 2))
        #expect(Rational(2, 3).power(-2) == Rational(9, 4))
        #expect(Rational(0).power(-1) == nil)
        let data = try JSONEncoder().encode([Rational(-5, 12)])
        #expect(
            String(decoding: data, as: UTF8.self) == "[\"-5\\/12\"]"
                || String(decoding: data, as: UTF8.self) == "[\"-5/12\"]")
        #expect(try JSONDecoder().decode([Rational].self, from: data) == [Rational(-5, 12)])
    }

    @Test func copiesAreIndependent() {
        let a = Rational(1, 3)
        var b = a
        b += Rational(1, 3)
        #expect(a == Rational(1, 3) && b == Rational(2, 3))
        var c = a
        c *= c
        #expect(c == Rational(1, 9) && a == Rational(1, 3))
    }
}

func gcd128(_ a: Int128, _ b: Int128) -> Int128 {
    var (x, y) = (a < 0 ? -a : a, b < 0 ? -b : b)
    while y != 0 { (x, y) = (y, x % y) }
    return x == 0 ? 1 : (b < 0 ? -x : x)
}
