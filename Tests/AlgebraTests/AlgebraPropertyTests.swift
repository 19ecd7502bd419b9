import Testing
import PropertyBased
import Algebra
import EqgeomTestSupport

/// Algebraic laws on generated inputs (with shrinking to a minimal counterexample on failure).
@Suite struct AlgebraPropertyTests {
    static let big = Gen.int(in: Int.min / 2...Int.max / 2)

    @Test func integerRingLaws() async {
        await propertyCheck(count: 300, input: Self.big, Self.big, Gen.int(in: 1...1_000_000)) { a, b, c in
            let (x, y, z) = (BigInteger(a), BigInteger(b), BigInteger(c))
            #expect((x + y) - y == x)
            #expect((x * y * z).exactQuotient(z) == x * y)
            #expect(x * (y + z) == x * y + x * z)
            #expect(BigInteger((x * y).description) == x * y)
            #expect(BigInteger.gcd(x, z) * BigInteger.lcm(x, z) == (x * z).magnitude)
        }
    }

    @Test func rationalFieldLaws() async {
        await propertyCheck(
            count: 300, input: Gen.int(in: -10_000...10_000), Gen.int(in: 1...10_000), Gen.int(in: -10_000...10_000),
            Gen.int(in: 1...10_000)
        ) { a, b, c, d in
            let (x, y) = (Rational(a, b), Rational(c, d))
            #expect((x + y) - y == x)
            if !y.isZero { #expect((x / y) * y == x && y * y.inverse! == 1) }
            #expect(Rational(x.description) == x)
        }
    }

    @Test func permutationGroupLaws() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1...12), Gen.int(in: 0...1_000_000)) { n, seed in
            var g = SeededGenerator(seed: UInt64(seed))
            let s = try? Permutation(images: Array(1...n).shuffled(using: &g))
            let t = try? Permutation(images: Array(1...n).shuffled(using: &g))
            guard let s, let t else {
                Issue.record("not a permutation")
                return
            }
            #expect((s * t).inverse == t.inverse * s.inverse)
            #expect(s.power(Int(exactly: s.order) ?? 1).isIdentity)
            #expect((try? Permutation(cycles: s.description, degree: n)) == s)
        }
    }
}
