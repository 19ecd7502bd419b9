internal import CFlint

/// A polynomial with rational coefficients, ℚ[x] (FLINT `fmpq_poly`), with value semantics.
/// Cyclotomic numbers are residues of these modulo Φ_N.
public struct RationalPolynomial: Sendable {
    var box: FmpqPolyBox

    init(box: FmpqPolyBox) { self.box = box }

    /// The zero polynomial.
    public init() { box = FmpqPolyBox() }

    /// Σ coefficients[i]·x^i.
    public init(coefficients: [Rational]) {
        box = FmpqPolyBox()
        for (i, c) in coefficients.enumerated() where !c.isZero { fmpq_poly_set_coeff_fmpq(box.ptr, i, c.box.ptr) }
    }

    /// The same polynomial with rational coefficients.
    public init(_ p: IntegerPolynomial) {
        box = FmpqPolyBox()
        fmpq_poly_set_fmpz_poly(box.ptr, p.box.ptr)
    }

    /// The monomial c·x^e.
    public static func monomial(_ c: Rational, degree e: Int) -> Self {
        precondition(e >= 0)
        return make { fmpq_poly_set_coeff_fmpq($0, e, c.box.ptr) }
    }

    static func make(_ body: (UnsafeMutablePointer<fmpq_poly_struct>) -> Void) -> Self {
        let r = FmpqPolyBox()
        body(r.ptr)
        return Self(box: r)
    }

    /// The degree, or −1 for the zero polynomial.
    public var degree: Int { fmpq_poly_degree(box.ptr) }
    public var isZero: Bool { fmpq_poly_is_zero(box.ptr) != 0 }

    /// The coefficient of x^i.
    public func coefficient(_ i: Int) -> Rational {
        if i < 0 { return Rational(0) }
        return Rational.make { fmpq_poly_get_coeff_fmpq($0, box.ptr, i) }
    }

    /// The coefficients from x^0 up to the degree.
    public var coefficients: [Rational] { degree < 0 ? [] : (0...degree).map(coefficient) }
}
