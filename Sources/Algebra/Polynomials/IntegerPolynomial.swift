internal import CFlint

/// A polynomial with integer coefficients, ℤ[x] (FLINT `fmpz_poly`), with value semantics.
///
/// Truncated products and powers (`multipliedTruncated`, `powerTruncated`) compute power series
/// modulo x^k; counting components of E^σ reads coefficients of such products (MATH.md §4.3).
///
///     IntegerPolynomial.cyclotomic(28)   // x^12-x^10+x^8-x^6+x^4-x^2+1
public struct IntegerPolynomial: Sendable {
    var box: FmpzPolyBox

    init(box: FmpzPolyBox) { self.box = box }

    /// The zero polynomial.
    public init() { box = FmpzPolyBox() }

    /// Σ coefficients[i]·x^i.
    public init(coefficients: [Int]) {
        box = FmpzPolyBox()
        fmpz_poly_fit_length(box.ptr, coefficients.count)
        for (i, c) in coefficients.enumerated() where c != 0 { fmpz_poly_set_coeff_si(box.ptr, i, c) }
    }

    /// Σ coefficients[i]·x^i.
    public init(coefficients: [BigInteger]) {
        box = FmpzPolyBox()
        fmpz_poly_fit_length(box.ptr, coefficients.count)
        for (i, c) in coefficients.enumerated() where !c.isZero { fmpz_poly_set_coeff_fmpz(box.ptr, i, c.box.ptr) }
    }

    /// Σ_{j=0}^{count-1} x^(j·step): the generating polynomial of a block with `count` admissible
    /// values spaced `step` apart, e.g. 1 + x² + … + x^(2d) for a complex block (MATH.md §4.3).
    public static func geometric(count: Int, step: Int) -> IntegerPolynomial {
        precondition(count >= 0 && step >= 0)
        let p = FmpzPolyBox()
        if count > 0 { fmpz_poly_fit_length(p.ptr, (count - 1) * step + 1) }
        for j in 0..<count { fmpz_poly_set_coeff_si(p.ptr, j * step, 1) }
        return IntegerPolynomial(box: p)
    }

    static func make(_ body: (UnsafeMutablePointer<fmpz_poly_struct>) -> Void) -> IntegerPolynomial {
        let r = FmpzPolyBox()
        body(r.ptr)
        return IntegerPolynomial(box: r)
    }

    mutating func withMutablePointer<R>(_ body: (UnsafeMutablePointer<fmpz_poly_struct>) throws -> R) rethrows -> R {
        if !isKnownUniquelyReferenced(&box) { box = box.copy() }
        return try body(box.ptr)
    }

    /// The degree, or −1 for the zero polynomial.
    public var degree: Int { fmpz_poly_degree(box.ptr) }
    public var isZero: Bool { fmpz_poly_length(box.ptr) == 0 }

    /// The coefficient of x^i (zero beyond the degree or for negative i).
    public func coefficient(_ i: Int) -> BigInteger {
        if i < 0 { return BigInteger(0) }
        return BigInteger.make { fmpz_poly_get_coeff_fmpz($0, box.ptr, i) }
    }

    /// Sets the coefficient of x^i.
    public mutating func setCoefficient(_ i: Int, _ value: BigInteger) {
        precondition(i >= 0)
        withMutablePointer { fmpz_poly_set_coeff_fmpz($0, i, value.box.ptr) }
    }

    /// The coefficients from x^0 up to the degree.
    public var coefficients: [BigInteger] { degree < 0 ? [] : (0...degree).map(coefficient) }
}
