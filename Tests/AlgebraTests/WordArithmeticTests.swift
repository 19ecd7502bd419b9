import Testing
import Algebra
import EqgeomTestSupport

/// gcd, lcm, divisors and φ, the one home of word-size number theory, against brute force (both branches of
/// `divisors`: trial division below 2^20, FLINT's factorisation above).
@Suite struct WordArithmeticTests {
    @Test func agreeWithBruteForce() {
        var rng = SeededGenerator(seed: 31)
        for _ in 0..<testIterations(300) {
            let a = rng.next(in: -5000...5000)
            let b = rng.next(in: -5000...5000)
            let g = gcd(a, b)
            #expect(g >= 0 && (a == 0 && b == 0 ? g == 0 : a % g == 0 && b % g == 0))
            if g > 0 { #expect(gcd(a / g, b / g) == 1) }
            let l = lcm(a, b)
            #expect(a == 0 || b == 0 ? l == 0 : l % abs(a) == 0 && l % abs(b) == 0 && l * g == abs(a * b))
        }
        for n in 1...500 {
            let expected = (1...n).filter { n % $0 == 0 }
            #expect(divisors(of: n) == expected, "n = \(n)")
            #expect(eulerPhi(n) == (1...n).filter { gcd($0, n) == 1 }.count, "n = \(n)")
        }
    }

    @Test func largeArgumentsUseTheFactorisation() {
        // 2^20 · 3 · 5² and a prime above 2^20: divisors from the factorisation, checked by multiplication
        for n in [(1 << 20) * 75, 1_048_583, 2_147_483_646] {
            let d = divisors(of: n)
            #expect(d.first == 1 && d.last == n && d == d.sorted() && Set(d).count == d.count)
            #expect(d.allSatisfy { n % $0 == 0 })
            #expect(zip(d, d.reversed()).allSatisfy { $0 * $1 == n })
        }
        #expect(divisors(of: 1_048_583).count == 2)  // a prime
        #expect(divisors(of: (1 << 20) * 75).count == 21 * 2 * 3)
        #expect(eulerPhi(1_048_583) == 1_048_582)
    }
}
