import Foundation
import Algebra

/// A floating-point value with a rigorous bound on its distance from the exact value.
public struct BoundedDouble: Sendable, Equatable, Codable {
    /// The nearest double (within `errorBound` of the exact value).
    public let value: Double
    /// |value − exact| ≤ errorBound.
    public let errorBound: Double
}

/// A complex floating-point value with a bound on |value − exact| (the modulus of the error).
public struct BoundedComplex: Sendable, Equatable, Codable {
    /// Re of the value.
    public let real: Double
    /// Im of the value.
    public let imaginary: Double
    /// |value − exact| ≤ errorBound (modulus of the complex error).
    public let errorBound: Double
}

extension Rational {
    /// The nearest double (rounded once after an exact big-integer division), with its error bound.
    public var approximation: BoundedDouble {
        let num = numerator
        let den = denominator
        // scale so the integer quotient has 64 significant bits, then one rounding to Double
        let shift = max(0, 64 - (num.bitLength - den.bitLength))
        let q = (num * BigInteger(2).power(UInt(shift))) / den
        let v = Double(sign: .plus, exponent: -shift, significand: Double(q.description) ?? .nan)
        return BoundedDouble(value: v, errorBound: abs(v) * 0x1p-52 + Double.leastNormalMagnitude)
    }
}

extension CyclotomicNumber {
    /// The complex value Σ c_j ζ_N^j in double precision, with a bound on the error.
    ///
    /// Each ζ_N^j is evaluated as (cos, sin)(2π·(j mod N)/N) by the C library (error ≤ 1 ulp plus the
    /// rounding of the argument, ≤ 8 ulp of 2π, i.e. ≤ 8ε with ε = 2^−52), each coefficient is rounded
    /// once (ε relative), and the sum of k terms adds ≤ kε relative to Σ|c_j|. So
    /// |error| ≤ (k + 20)·ε·Σ|c_j|, stated with a factor 2 of margin.
    public var approximation: BoundedComplex {
        let n = field.order
        var re = 0.0
        var im = 0.0
        var magnitudeSum = 0.0
        let cs = coefficients
        for (j, c) in cs.enumerated() where !c.isZero {
            let v = c.approximation.value
            let angle = 2 * Double.pi * Double(j % n) / Double(n)
            re += v * cos(angle)
            im += v * sin(angle)
            magnitudeSum += abs(v)
        }
        let eps = 0x1p-52
        return BoundedComplex(
            real: re, imaginary: im,
            errorBound: 2 * (Double(cs.count) + 20) * eps * magnitudeSum + Double.leastNormalMagnitude)
    }
}

extension RationalMatrix {
    /// The entries rounded once each to the nearest double, row-major.
    public var nearestDoubles: [Double] {
        (0..<rows).flatMap { i in (0..<columns).map { isZero(i, $0) ? 0 : self[i, $0].approximation.value } }
    }
}
