import Testing
import Algebra
import EqgeomTestSupport

@Suite struct BigIntegerTests {
    @Test func factorialsMatchPublishedValues() {
        #expect(BigInteger.factorial(0) == 1)
        #expect(BigInteger.factorial(20).description == "2432902008176640000")
        #expect(BigInteger.factorial(25).description == "15511210043330985984000000")
        #expect(
            BigInteger.factorial(52).description
                == "80658175170943878571660636856403766975289505440883277824000000000000")
        #expect(BigInteger.factorial(1000).description.count == 2568)
    }

    @Test func binomialsMatchPublishedValuesAndPascal() {
        #expect(BigInteger.binomial(100, 50).description == "100891344545564193334812497256")
        #expect(BigInteger.binomial(28, 13) == 37442160)
        #expect(BigInteger.binomial(5, 7) == 0)
        // Pascal's rule and n!/(k!(n-k)!) as second methods.
        for n in 1...60 {
            for k in 1..<n {
                let b = BigInteger.binomial(UInt(n), UInt(k))
                #expect(b == BigInteger.binomial(UInt(n - 1), UInt(k - 1)) + BigInteger.binomial(UInt(n - 1), UInt(k)))
                #expect(
                    b * BigInteger.factorial(UInt(k)) * BigInteger.factorial(UInt(n - k))
                        == BigInteger.factorial(UInt(n)))
            }
        }
    }

    @Test func arithmeticAgreesWithInt128() {
        var rng = SeededGenerator(seed: 1)
        let values =
            edgeIntegers
            + (0..<testIterations(200)).map { _ in
                Int.random(in: Int.min + 1...Int.max, using: &rng) >> Int.random(in: 0...62, using: &rng)
            }
        for a in values {
            for b in values.prefix(12) {
                let (x, y) = (BigInteger(a), BigInteger(b))
                #expect((x + y).description == (Int128(a) + Int128(b)).description, "a=\(a) b=\(b)")
                #expect((x - y).description == (Int128(a) - Int128(b)).description, "a=\(a) b=\(b)")
                #expect((x * y).description == (Int128(a) * Int128(b)).description, "a=\(a) b=\(b)")
                if b != 0 {
                    #expect((x / y).description == (Int128(a) / Int128(b)).description, "a=\(a) b=\(b)")
                    #expect((x % y).description == (Int128(a) % Int128(b)).description, "a=\(a) b=\(b)")
                    let (q, r) = x.euclideanDivision(by: y)!
                    #expect(q * y + r == x && r.signum >= 0 && r < y.magnitude, "a=\(a) b=\(b)")
                    #expect((x * y).exactQuotient(y) == x)
                }
                #expect((x < y) == (a < b))
                #expect(((x + y) - y) == x)
            }
        }
    }

    @Test func powersGcdAndParsing() {
        #expect((BigInteger(2).power(100) + 1).description == "1267650600228229401496703205377")
        #expect(BigInteger.gcd(BigInteger.factorial(30), BigInteger(2).power(100)) == BigInteger(2).power(26))
        #expect(BigInteger.lcm(4, 6) == 12)
        #expect(BigInteger("-99999999999999999999")! * 3 == BigInteger("-299999999999999999997")!)
        for bad in ["", "-", "12a", " 1", "1 ", "+5", "1e5", "0x10", "١٢"] { #expect(BigInteger(bad) == nil, "\(bad)") }
        #expect(BigInteger(10).exactQuotient(3) == nil)
        #expect(BigInteger(10).euclideanDivision(by: 0) == nil)
        #expect(Int(exactly: BigInteger(2).power(63)) == nil)
        #expect(Int(exactly: BigInteger(Int.min + 1)) == Int.min + 1)
    }

    @Test func stringRoundTripAndCodable() throws {
        var rng = SeededGenerator(seed: 2)
        for _ in 0..<testIterations(100) {
            var x = BigInteger(Int.random(in: -1_000_000...1_000_000, using: &rng))
            x = x * BigInteger(Int.random(in: 1...Int.max, using: &rng)).power(UInt.random(in: 0...5, using: &rng))
            #expect(BigInteger(x.description) == x)
        }
        let data = try JSONEncoder().encode([BigInteger.factorial(30)])
        #expect(String(decoding: data, as: UTF8.self) == "[\"265252859812191058636308480000000\"]")
        #expect(try JSONDecoder().decode([BigInteger].self, from: data) == [BigInteger.factorial(30)])
    }

    @Test func copiesAreIndependent() {
        let a = BigInteger(2).power(100)
        var b = a
        b += 1
        #expect(a == BigInteger(2).power(100))
        #expect(b == a + 1)
        var c = a
        c += c  // aliasing: both operands are the same storage
        #expect(c == BigInteger(2).power(101))
        var d = a
        d *= d
        #expect(d == BigInteger(2).power(200) && a == BigInteger(2).power(100))
    }
}

import Foundation
