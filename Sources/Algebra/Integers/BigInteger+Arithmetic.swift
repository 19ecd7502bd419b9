internal import CFlint

extension BigInteger {
    public static func + (a: BigInteger, b: BigInteger) -> BigInteger { make { fmpz_add($0, a.box.ptr, b.box.ptr) } }
    public static func - (a: BigInteger, b: BigInteger) -> BigInteger { make { fmpz_sub($0, a.box.ptr, b.box.ptr) } }
    public static func * (a: BigInteger, b: BigInteger) -> BigInteger { make { fmpz_mul($0, a.box.ptr, b.box.ptr) } }
    public static prefix func - (a: BigInteger) -> BigInteger { make { fmpz_neg($0, a.box.ptr) } }

    public static func += (a: inout BigInteger, b: BigInteger) {
        let p = b.box
        a.withMutablePointer { fmpz_add($0, $0, p.ptr) }
    }
    public static func -= (a: inout BigInteger, b: BigInteger) {
        let p = b.box
        a.withMutablePointer { fmpz_sub($0, $0, p.ptr) }
    }
    public static func *= (a: inout BigInteger, b: BigInteger) {
        let p = b.box
        a.withMutablePointer { fmpz_mul($0, $0, p.ptr) }
    }

    /// Quotient rounded toward zero, as Swift's `/` on `Int`. Wraps `fmpz_tdiv_q`.
    /// - Precondition: `b` is not zero.
    public static func / (a: BigInteger, b: BigInteger) -> BigInteger {
        precondition(!b.isZero, "BigInteger division by zero")
        return make { fmpz_tdiv_q($0, a.box.ptr, b.box.ptr) }
    }

    /// Remainder with the sign of `a`, as Swift's `%` on `Int`. Wraps `fmpz_tdiv_qr`.
    /// - Precondition: `b` is not zero.
    public static func % (a: BigInteger, b: BigInteger) -> BigInteger {
        precondition(!b.isZero, "BigInteger division by zero")
        let q = FmpzBox()
        return make { fmpz_tdiv_qr(q.ptr, $0, a.box.ptr, b.box.ptr) }
    }

    /// `(q, r)` with `a = q·b + r` and `0 ≤ r < |b|` (Euclidean division), or `nil` if `b` is zero.
    public func euclideanDivision(by b: BigInteger) -> (quotient: BigInteger, remainder: BigInteger)? {
        if b.isZero { return nil }
        var r = BigInteger.make { fmpz_fdiv_r($0, box.ptr, b.box.ptr) }
        if r.signum < 0 { r = r + b.magnitude }
        let rr = r
        let q = BigInteger.make {
            fmpz_sub($0, box.ptr, rr.box.ptr)
            fmpz_divexact($0, $0, b.box.ptr)
        }
        return (q, r)
    }

    /// `a / b` when `b` divides `a` exactly, else `nil`. Wraps `fmpz_divisible`, `fmpz_divexact`.
    public func exactQuotient(_ b: BigInteger) -> BigInteger? {
        if b.isZero { return nil }
        guard fmpz_divisible(box.ptr, b.box.ptr) != 0 else { return nil }
        return BigInteger.make { fmpz_divexact($0, box.ptr, b.box.ptr) }
    }

    /// `self^exponent`. Wraps `fmpz_pow_ui`.
    public func power(_ exponent: UInt) -> BigInteger { BigInteger.make { fmpz_pow_ui($0, box.ptr, exponent) } }

    /// The non-negative greatest common divisor. Wraps `fmpz_gcd`.
    public static func gcd(_ a: BigInteger, _ b: BigInteger) -> BigInteger {
        make { fmpz_gcd($0, a.box.ptr, b.box.ptr) }
    }

    /// The non-negative least common multiple. Wraps `fmpz_lcm`.
    public static func lcm(_ a: BigInteger, _ b: BigInteger) -> BigInteger {
        make { fmpz_lcm($0, a.box.ptr, b.box.ptr) }
    }

    /// n! . Wraps `fmpz_fac_ui`.
    public static func factorial(_ n: UInt) -> BigInteger { make { fmpz_fac_ui($0, n) } }

    /// The binomial coefficient C(n, k) (0 when k > n). Wraps `fmpz_bin_uiui`.
    public static func binomial(_ n: UInt, _ k: UInt) -> BigInteger {
        if k > n { return BigInteger(0) }
        return make { fmpz_bin_uiui($0, n, k) }
    }

    /// |self|.
    public var magnitude: BigInteger { BigInteger.make { fmpz_abs($0, box.ptr) } }
    /// −1, 0 or 1.
    public var signum: Int { Int(fmpz_sgn(box.ptr)) }
    public var isZero: Bool { fmpz_is_zero(box.ptr) != 0 }
    /// Number of bits of |self| (0 for zero). Wraps `fmpz_bits`.
    public var bitLength: Int { Int(fmpz_bits(box.ptr)) }
    /// Number of decimal digits of |self| (1 for zero).
    public var decimalDigitCount: Int { magnitude.description.count }
}

extension Int {
    /// The value of `b` if it fits in `Int`, else `nil`.
    public init?(exactly b: BigInteger) {
        guard fmpz_fits_si(b.box.ptr) != 0 else { return nil }
        self = fmpz_get_si(b.box.ptr)
    }
}
