import Foundation
import Testing
import Algebra
import NumericBridge
import EqgeomTestSupport

@Suite struct ApproximationTests {
    /// cos(2πk/n) and sin(2πk/n) as cyclotomic numbers, converted back, agree with libm within the stated bound.
    @Test func cosineAndSineRoundTrip() {
        for n in 1...40 {
            for k in 0..<n {
                let c = CyclotomicField.cosine(k, n).approximation
                let s = CyclotomicField.sine(k, n).approximation
                let exactC = cos(2 * Double.pi * Double(k) / Double(n))
                let exactS = sin(2 * Double.pi * Double(k) / Double(n))
                // libm evaluates at a rounded argument: its own error is up to ≈ 2π·ε ≈ 1.4e-15
                #expect(abs(c.real - exactC) <= c.errorBound + 2e-15, "cos k=\(k) n=\(n)")
                #expect(abs(c.imaginary) <= c.errorBound, "cos is real, k=\(k) n=\(n)")
                #expect(abs(s.real - exactS) <= s.errorBound + 2e-15, "sin k=\(k) n=\(n)")
                #expect(c.errorBound < 1e-12)
            }
        }
        // 2cos(2π/7) = 1.2469796037174670...
        let a = (Rational(2) * CyclotomicField.cosine(1, 7)).approximation
        #expect(abs(a.real - 1.246979603717467) < 1e-15 && a.errorBound < 1e-13)
    }

    @Test func rationalApproximation() {
        #expect(Rational(1, 3).approximation.value == 1.0 / 3.0)
        #expect(Rational(-22, 7).approximation.value == -22.0 / 7.0)
        let big = Rational(BigInteger(10).power(400) + 1, BigInteger(10).power(399))!
        #expect(abs(big.approximation.value - 10) < 1e-14)
    }
}
