internal import CFlint

extension RationalPolynomial {
    public static func + (a: Self, b: Self) -> Self { make { fmpq_poly_add($0, a.box.ptr, b.box.ptr) } }
    public static func - (a: Self, b: Self) -> Self { make { fmpq_poly_sub($0, a.box.ptr, b.box.ptr) } }
    public static func * (a: Self, b: Self) -> Self { make { fmpq_poly_mul($0, a.box.ptr, b.box.ptr) } }
    public static prefix func - (a: Self) -> Self { make { fmpq_poly_neg($0, a.box.ptr) } }
    public static func * (c: Rational, a: Self) -> Self { make { fmpq_poly_scalar_mul_fmpq($0, a.box.ptr, c.box.ptr) } }

    /// self^e. Wraps `fmpq_poly_pow`.
    public func power(_ e: UInt) -> Self { Self.make { fmpq_poly_pow($0, box.ptr, e) } }

    /// The remainder of division by `m`. Wraps `fmpq_poly_rem`.
    /// - Precondition: `m` is not zero.
    public func remainder(dividingBy m: Self) -> Self {
        precondition(!m.isZero, "polynomial division by zero")
        return Self.make { fmpq_poly_rem($0, box.ptr, m.box.ptr) }
    }

    /// (quotient, remainder) of division by `m`, or `nil` when `m` is zero. Wraps `fmpq_poly_divrem`.
    public func divided(by m: Self) -> (quotient: Self, remainder: Self)? {
        if m.isZero { return nil }
        let q = FmpqPolyBox()
        let r = FmpqPolyBox()
        fmpq_poly_divrem(q.ptr, r.ptr, box.ptr, m.box.ptr)
        return (Self(box: q), Self(box: r))
    }

    /// The inverse of self modulo `m`, or `nil` when gcd(self, m) ≠ 1. Wraps `fmpq_poly_xgcd`.
    public func inverse(modulo m: Self) -> Self? {
        if m.isZero || isZero { return nil }
        let g = FmpqPolyBox()
        let s = FmpqPolyBox()
        let t = FmpqPolyBox()
        withExtendedLifetime(t) {  // t is not read afterwards: keep it alive through the call
            fmpq_poly_xgcd(g.ptr, s.ptr, t.ptr, box.ptr, m.box.ptr)  // g = s·self + t·m, g monic
        }
        guard fmpq_poly_is_one(g.ptr) != 0 else { return nil }
        return Self(box: s).remainder(dividingBy: m)
    }

    /// self(q(x)). Wraps `fmpq_poly_compose`.
    public func composed(with q: Self) -> Self { Self.make { fmpq_poly_compose($0, box.ptr, q.box.ptr) } }

    /// self(x^k), computed by spreading coefficients (no multiplication).
    public func inflated(by k: Int) -> Self {
        precondition(k >= 1)
        if k == 1 { return self }
        let cs = coefficients
        return Self.make { p in
            for (i, c) in cs.enumerated() where !c.isZero { fmpq_poly_set_coeff_fmpq(p, i * k, c.box.ptr) }
        }
    }

    /// The value at x. Wraps `fmpq_poly_evaluate_fmpq`.
    public func evaluated(at x: Rational) -> Rational {
        Rational.make { fmpq_poly_evaluate_fmpq($0, box.ptr, x.box.ptr) }
    }
}

extension RationalPolynomial: Equatable, Hashable {
    public static func == (a: Self, b: Self) -> Bool { a.box === b.box || fmpq_poly_equal(a.box.ptr, b.box.ptr) != 0 }
    public func hash(into hasher: inout Hasher) { hasher.combine(coefficients) }
}

extension RationalPolynomial: CustomStringConvertible {
    /// Terms from the highest degree down, e.g. `x^2 - 1/2*x + 3`.
    public var description: String { description(variable: "x") }

    /// Terms from the highest degree down in the named variable.
    public func description(variable x: String) -> String {
        if isZero { return "0" }
        var out = ""
        for i in stride(from: degree, through: 0, by: -1) {
            let c = coefficient(i)
            if c.isZero { continue }
            let mag = c.magnitude
            out += out.isEmpty ? (c.signum < 0 ? "-" : "") : (c.signum < 0 ? " - " : " + ")
            let mono = i == 0 ? "" : (i == 1 ? x : "\(x)^\(i)")
            if mono.isEmpty {
                out += mag.description
            } else if mag == Rational(1) {
                out += mono
            } else {
                out += "\(mag)*\(mono)"
            }
        }
        return out
    }
}
