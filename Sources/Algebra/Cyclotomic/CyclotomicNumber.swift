/// An element of a cyclotomic field ℚ(ζ_N), stored exactly as its reduced polynomial in ζ_N
/// (degree < φ(N)), so equality and the zero test are exact.
public struct CyclotomicNumber: Sendable {
    /// The field ℚ(ζ_N) this number is written in.
    public let field: CyclotomicField
    /// The unique representative of degree < φ(N) of this number as a polynomial in ζ_N.
    public let polynomial: RationalPolynomial

    init(field: CyclotomicField, reduced: RationalPolynomial) {
        self.field = field
        polynomial = reduced
    }

    init(field: CyclotomicField, polynomial p: RationalPolynomial) {
        self.init(field: field, reduced: p.degree < field.degree ? p : p.remainder(dividingBy: field.modulus))
    }

    /// The rational number q, in ℚ(ζ_1) = ℚ.
    public init(_ q: Rational) { self = CyclotomicField(1).element(q) }

    /// The same number written in ℚ(ζ_M), for a multiple M of N: ζ_N = ζ_M^{M/N}.
    /// - Precondition: `order` is a positive multiple of `field.order`.
    public func lifted(to order: Int) -> CyclotomicNumber {
        precondition(
            order >= 1 && order % field.order == 0, "can only lift ℚ(ζ_\(field.order)) to a multiple of \(field.order)")
        if order == field.order { return self }
        let f = CyclotomicField(order)
        return CyclotomicNumber(field: f, polynomial: polynomial.inflated(by: order / field.order))
    }

    /// Both numbers in the field of lcm of their orders.
    static func common(_ a: Self, _ b: Self) -> (Self, Self) {
        if a.field.order == b.field.order { return (a, b) }
        let l = lcm(a.field.order, b.field.order)
        return (a.lifted(to: l), b.lifted(to: l))
    }

    public var isZero: Bool { polynomial.isZero }

    /// The number is rational exactly when its reduced polynomial is constant; then that constant.
    public var rationalValue: Rational? { polynomial.degree <= 0 ? polynomial.coefficient(0) : nil }

    /// The coefficients c_j of Σ c_j ζ_N^j, j < φ(N).
    public var coefficients: [Rational] { polynomial.coefficients }
}

extension CyclotomicNumber {
    public static func + (a: Self, b: Self) -> Self {
        let (x, y) = common(a, b)
        return Self(field: x.field, reduced: x.polynomial + y.polynomial)
    }
    public static func - (a: Self, b: Self) -> Self {
        let (x, y) = common(a, b)
        return Self(field: x.field, reduced: x.polynomial - y.polynomial)
    }
    public static func * (a: Self, b: Self) -> Self {
        let (x, y) = common(a, b)
        return Self(field: x.field, polynomial: x.polynomial * y.polynomial)
    }
    public static prefix func - (a: Self) -> Self { Self(field: a.field, reduced: -a.polynomial) }
    public static func * (q: Rational, a: Self) -> Self { Self(field: a.field, reduced: q * a.polynomial) }
    public static func += (a: inout Self, b: Self) { a = a + b }
    public static func -= (a: inout Self, b: Self) { a = a - b }
    public static func *= (a: inout Self, b: Self) { a = a * b }

    /// 1/self, or `nil` for zero (Φ_N is irreducible, so every non-zero element is invertible).
    public var inverse: Self? {
        guard let inv = polynomial.inverse(modulo: field.modulus) else { return nil }
        return Self(field: field, reduced: inv)
    }

    /// a/b, or `nil` when b is zero.
    public static func / (a: Self, b: Self) -> Self? {
        guard let inv = b.inverse else { return nil }
        return a * inv
    }

    /// self^e for e ≥ 0 (square and multiply, reducing mod Φ_N at each step).
    public func power(_ e: Int) -> Self {
        precondition(e >= 0)
        var result = field.element(Rational(1))
        var base = self
        var k = e
        while k > 0 {
            if k & 1 == 1 { result *= base }
            base *= base
            k >>= 1
        }
        return result
    }

    /// The complex conjugate: ζ_N^j ↦ ζ_N^{−j}.
    public var conjugate: Self {
        let n = field.order
        var p = RationalPolynomial()
        for (j, c) in coefficients.enumerated() where !c.isZero {
            p = p + RationalPolynomial.monomial(c, degree: (n - j) % n)
        }
        return Self(field: field, polynomial: p)
    }

    /// Re(self) = (z + z̄)/2, in the same field.
    public var realPart: Self { Rational(1, 2) * (self + conjugate) }

    /// Im(self) = (z − z̄)/(2i), written in ℚ(ζ_lcm(N,4)).
    public var imaginaryPart: Self {
        let l = lcm(field.order, 4)
        let f = CyclotomicField(l)
        return Rational(-1, 2) * f.zeta(l / 4) * (self - conjugate).lifted(to: l)
    }

    /// Whether the number is real (equal to its conjugate).
    public var isReal: Bool { self == conjugate }
}

extension CyclotomicNumber: Equatable {
    /// Exact: both sides are written in one field and their reduced polynomials compared.
    public static func == (a: Self, b: Self) -> Bool {
        let (x, y) = common(a, b)
        return x.polynomial == y.polynomial
    }
}

extension CyclotomicNumber: CustomStringConvertible {
    /// The polynomial in ζ_N written with `z`, and the field, e.g. `-z^5 + 1/2 in Q(zeta_28)`.
    public var description: String {
        if field.order == 1 { return polynomial.coefficient(0).description }
        return "\(polynomial.description(variable: "z")) in Q(zeta_\(field.order))"
    }
}
