/// The cyclotomic field ℚ(ζ_N) = ℚ[x]/(Φ_N), ζ_N = e^{2πi/N}, as a context that makes its elements.
///
/// cos(2πk/N) and sin(2πk/N) are cyclotomic numbers (MATH.md §5): cos lies in ℚ(ζ_N), sin in
/// ℚ(ζ_{lcm(N,4)}) because it needs i = ζ_4. Numbers of different fields combine in the field of
/// the least common multiple of their orders.
///
///     let K = CyclotomicField(7)
///     let a = K.zeta(1) + K.zeta(-1)     // 2cos(2π/7), a root of x³ + x² − 2x − 1
public struct CyclotomicField: Sendable, Hashable {
    /// N.
    public let order: Int
    /// Φ_N, the minimal polynomial of ζ_N.
    public let modulus: RationalPolynomial

    /// ℚ(ζ_N).
    /// - Precondition: `order >= 1`.
    public init(_ order: Int) {
        precondition(order >= 1, "cyclotomic field needs N ≥ 1")
        self.order = order
        modulus = RationalPolynomial(IntegerPolynomial.cyclotomic(order))
    }

    /// [ℚ(ζ_N) : ℚ] = φ(N).
    public var degree: Int { modulus.degree }

    /// The rational number q as an element.
    public func element(_ q: Rational) -> CyclotomicNumber {
        CyclotomicNumber(field: self, reduced: RationalPolynomial.monomial(q, degree: 0))
    }

    /// ζ_N^k for any integer k.
    public func zeta(_ k: Int) -> CyclotomicNumber {
        let e = ((k % order) + order) % order
        return CyclotomicNumber(field: self, polynomial: RationalPolynomial.monomial(Rational(1), degree: e))
    }

    /// The element Σ c_j ζ_N^j of the given polynomial in ζ_N.
    public func element(_ p: RationalPolynomial) -> CyclotomicNumber { CyclotomicNumber(field: self, polynomial: p) }

    /// i = ζ_4, present when 4 divides N.
    public var imaginaryUnit: CyclotomicNumber? { order % 4 == 0 ? zeta(order / 4) : nil }

    public static func == (a: Self, b: Self) -> Bool { a.order == b.order }
    public func hash(into hasher: inout Hasher) { hasher.combine(order) }
}

extension CyclotomicField {
    /// cos(2πk/n) as an element of ℚ(ζ_n) = (ζ_n^k + ζ_n^{−k})/2.
    /// - Precondition: `n >= 1`.
    public static func cosine(_ k: Int, _ n: Int) -> CyclotomicNumber {
        let f = CyclotomicField(n)
        return Rational(1, 2) * (f.zeta(k) + f.zeta(-k))
    }

    /// sin(2πk/n) as an element of ℚ(ζ_L), L = lcm(n, 4): (ζ_n^k − ζ_n^{−k})/(2i).
    /// - Precondition: `n >= 1`.
    public static func sine(_ k: Int, _ n: Int) -> CyclotomicNumber {
        let l = lcm(n, 4)
        let f = CyclotomicField(l)
        let s = l / n
        // 1/(2i) = −i/2
        return Rational(-1, 2) * f.zeta(l / 4) * (f.zeta(k * s) - f.zeta(-k * s))
    }
}

extension CyclotomicField {
    /// Σ a_k·b_k in this field: products are summed as polynomials and reduced modulo Φ_N once,
    /// instead of once per product.
    /// - Precondition: equal lengths; every number's order divides N.
    public func dot(_ a: [CyclotomicNumber], _ b: [CyclotomicNumber]) -> CyclotomicNumber {
        precondition(a.count == b.count, "dot product of different lengths")
        var sum = RationalPolynomial()
        for (x, y) in zip(a, b) where !x.isZero && !y.isZero {
            sum = sum + x.lifted(to: order).polynomial * y.lifted(to: order).polynomial
        }
        return element(sum)
    }
}
