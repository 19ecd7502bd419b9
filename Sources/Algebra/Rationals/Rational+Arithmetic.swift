internal import CFlint

extension Rational {
    public static func + (a: Rational, b: Rational) -> Rational { make { fmpq_add($0, a.box.ptr, b.box.ptr) } }
    public static func - (a: Rational, b: Rational) -> Rational { make { fmpq_sub($0, a.box.ptr, b.box.ptr) } }
    public static func * (a: Rational, b: Rational) -> Rational { make { fmpq_mul($0, a.box.ptr, b.box.ptr) } }
    public static prefix func - (a: Rational) -> Rational { make { fmpq_neg($0, a.box.ptr) } }

    /// a/b.
    /// - Precondition: `b` is not zero (use `inverse` to test first).
    public static func / (a: Rational, b: Rational) -> Rational {
        precondition(!b.isZero, "Rational division by zero")
        return make { fmpq_div($0, a.box.ptr, b.box.ptr) }
    }

    public static func += (a: inout Rational, b: Rational) {
        let p = b.box
        a.withMutablePointer { fmpq_add($0, $0, p.ptr) }
    }
    public static func -= (a: inout Rational, b: Rational) {
        let p = b.box
        a.withMutablePointer { fmpq_sub($0, $0, p.ptr) }
    }
    public static func *= (a: inout Rational, b: Rational) {
        let p = b.box
        a.withMutablePointer { fmpq_mul($0, $0, p.ptr) }
    }

    /// 1/self, or `nil` for zero. Wraps `fmpq_inv`.
    public var inverse: Rational? { isZero ? nil : Rational.make { fmpq_inv($0, box.ptr) } }

    /// self^exponent (negative exponents invert); `nil` for 0^negative. Wraps `fmpq_pow_si`.
    public func power(_ exponent: Int) -> Rational? {
        if exponent < 0 && isZero { return nil }
        return Rational.make { fmpq_pow_si($0, box.ptr, exponent) }
    }

    /// |self|.
    public var magnitude: Rational { Rational.make { fmpq_abs($0, box.ptr) } }
}

extension Rational: Equatable, Hashable, Comparable {
    public static func == (a: Rational, b: Rational) -> Bool {
        a.box === b.box || fmpq_equal(a.box.ptr, b.box.ptr) != 0
    }
    public static func < (a: Rational, b: Rational) -> Bool { fmpq_cmp(a.box.ptr, b.box.ptr) < 0 }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(numerator)
        hasher.combine(denominator)
    }
}

extension Rational: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension Rational: LosslessStringConvertible, CustomStringConvertible {
    /// Parses `p` or `p/q` with decimal integers p, q (q ≠ 0); `nil` otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let p = BigInteger(String(parts[0])) else { return nil }
            self.init(p)
        case 2:
            guard let p = BigInteger(String(parts[0])), let q = BigInteger(String(parts[1])) else { return nil }
            self.init(p, q)
        default:
            return nil
        }
    }

    /// `p` for integers, else `p/q`.
    public var description: String {
        isInteger ? numerator.description : "\(numerator)/\(denominator)"
    }
}

/// Encoded as a JSON string `"p/q"` (or `"p"`), exact.
extension Rational: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let v = Rational(s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a rational number: \(s)")
        }
        self = v
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension Rational {
    /// x mod p for a prime p below 2^62: numerator · denominator⁻¹ mod p, or nil when p divides the denominator.
    public func residue(modulo p: UInt64) -> UInt64? {
        let modulus = BigInteger(UInt(p))
        let r = BigInteger.make { fmpz_zero($0) }
        var result: UInt64? = nil
        withExtendedLifetime((self, modulus, r)) {
            if fmpq_mod_fmpz(r.box.ptr, box.ptr, modulus.box.ptr) != 0 { result = UInt64(fmpz_get_ui(r.box.ptr)) }
        }
        return result
    }
}
