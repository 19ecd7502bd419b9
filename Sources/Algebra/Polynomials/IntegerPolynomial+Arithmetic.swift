internal import CFlint

extension IntegerPolynomial {
    public static func + (a: Self, b: Self) -> Self { make { fmpz_poly_add($0, a.box.ptr, b.box.ptr) } }
    public static func - (a: Self, b: Self) -> Self { make { fmpz_poly_sub($0, a.box.ptr, b.box.ptr) } }
    public static func * (a: Self, b: Self) -> Self { make { fmpz_poly_mul($0, a.box.ptr, b.box.ptr) } }
    public static prefix func - (a: Self) -> Self { make { fmpz_poly_neg($0, a.box.ptr) } }
    public static func * (c: BigInteger, a: Self) -> Self {
        make { fmpz_poly_scalar_mul_fmpz($0, a.box.ptr, c.box.ptr) }
    }

    /// self^e. Wraps `fmpz_poly_pow`.
    public func power(_ e: UInt) -> Self { Self.make { fmpz_poly_pow($0, box.ptr, e) } }

    /// self·other mod x^length: the power series product to `length` terms. Wraps `fmpz_poly_mullow`.
    /// - Precondition: `length >= 0`.
    public func multipliedTruncated(by other: Self, length: Int) -> Self {
        precondition(length >= 0)
        if length == 0 || isZero || other.isZero { return Self() }
        return Self.make { fmpz_poly_mullow($0, box.ptr, other.box.ptr, length) }
    }

    /// self^e mod x^length. Wraps `fmpz_poly_pow_trunc`.
    /// - Precondition: `length >= 0`.
    public func powerTruncated(_ e: UInt, length: Int) -> Self {
        precondition(length >= 0)
        if length == 0 { return Self() }
        return Self.make { fmpz_poly_pow_trunc($0, box.ptr, e, length) }
    }

    /// self mod x^length.
    public func truncated(length: Int) -> Self {
        var r = self
        r.withMutablePointer { fmpz_poly_truncate($0, max(0, length)) }
        return r
    }

    /// The value at x. Wraps `fmpz_poly_evaluate_fmpz`.
    public func evaluated(at x: BigInteger) -> BigInteger {
        BigInteger.make { fmpz_poly_evaluate_fmpz($0, box.ptr, x.box.ptr) }
    }

    /// The n-th cyclotomic polynomial Φ_n = ∏ (x − ω) over primitive n-th roots ω. Wraps `fmpz_poly_cyclotomic`.
    /// - Precondition: `n >= 1`.
    public static func cyclotomic(_ n: Int) -> Self {
        precondition(n >= 1, "cyclotomic polynomial needs n ≥ 1")
        return make { fmpz_poly_cyclotomic($0, UInt(n)) }
    }
}

extension IntegerPolynomial: Equatable, Hashable {
    public static func == (a: Self, b: Self) -> Bool { a.box === b.box || fmpz_poly_equal(a.box.ptr, b.box.ptr) != 0 }
    public func hash(into hasher: inout Hasher) { hasher.combine(coefficients) }
}

extension IntegerPolynomial: CustomStringConvertible {
    /// FLINT's pretty form in x, e.g. `x^12-x^10+1`. Wraps `fmpz_poly_get_str_pretty`.
    public var description: String {
        guard let c = fmpz_poly_get_str_pretty(box.ptr, "x") else { return "?" }
        defer { flint_free(c) }
        return String(cString: c)
    }
}

extension IntegerPolynomial {
    /// The resultant Res(a, b) (FLINT `fmpz_poly_resultant`).
    public static func resultant(_ a: Self, _ b: Self) -> BigInteger {
        BigInteger.make { r in withExtendedLifetime((a, b)) { fmpz_poly_resultant(r, a.box.ptr, b.box.ptr) } }
    }

    /// The polynomial of degree below n through the n points (x_i, y_i), which must have integer coefficients
    /// (FLINT `fmpz_poly_interpolate_fmpz_vec`, Newton's divided differences).
    /// - Precondition: distinct x_i, as many values as points.
    public static func interpolating(at xs: [BigInteger], values ys: [BigInteger]) -> Self {
        precondition(xs.count == ys.count && Set(xs).count == xs.count)
        let n = xs.count
        guard n > 0, let x = _fmpz_vec_init(n), let y = _fmpz_vec_init(n) else { return Self() }
        defer {
            _fmpz_vec_clear(x, n)
            _fmpz_vec_clear(y, n)
        }
        withExtendedLifetime((xs, ys)) {
            for i in 0..<n {
                fmpz_set(x + i, xs[i].box.ptr)
                fmpz_set(y + i, ys[i].box.ptr)
            }
        }
        return make { fmpz_poly_interpolate_fmpz_vec($0, x, y, n) }
    }
}
