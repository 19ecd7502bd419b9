internal import CFlint

/// An exact rational number p/q in lowest terms with q > 0, ℚ (FLINT `fmpq`), with value semantics.
///
///     Rational(3, 6)        // 1/2
///     Rational("-7/21")     // -1/3
public struct Rational: Sendable {
    var box: FmpqBox

    init(box: FmpqBox) { self.box = box }

    /// The integer `value` as a rational.
    public init(_ value: Int = 0) {
        box = FmpqBox()
        fmpq_set_si(box.ptr, value, 1)
    }

    /// The integer `value` as a rational.
    public init(_ value: BigInteger) {
        box = FmpqBox()
        fmpz_set(eq_fmpq_numref(box.ptr), value.box.ptr)
        fmpz_one(eq_fmpq_denref(box.ptr))
    }

    /// numerator/denominator, reduced; `nil` when the denominator is zero.
    public init?(_ numerator: BigInteger, _ denominator: BigInteger) {
        if denominator.isZero { return nil }
        box = FmpqBox()
        fmpq_set_fmpz_frac(box.ptr, numerator.box.ptr, denominator.box.ptr)
    }

    /// numerator/denominator, reduced.
    /// - Precondition: `denominator != 0`.
    public init(_ numerator: Int, _ denominator: Int) {
        precondition(denominator != 0, "Rational with zero denominator")
        box = FmpqBox()
        let (p, q) = (BigInteger(numerator), BigInteger(denominator))
        withExtendedLifetime((p, q)) { fmpq_set_fmpz_frac(box.ptr, p.box.ptr, q.box.ptr) }
    }

    static func make(_ body: (UnsafeMutablePointer<fmpq>) -> Void) -> Rational {
        let r = FmpqBox()
        body(r.ptr)
        return Rational(box: r)
    }

    mutating func withMutablePointer<R>(_ body: (UnsafeMutablePointer<fmpq>) throws -> R) rethrows -> R {
        if !isKnownUniquelyReferenced(&box) { box = box.copy() }
        return try body(box.ptr)
    }

    /// The numerator (sign carrier).
    public var numerator: BigInteger { BigInteger.make { fmpz_set($0, eq_fmpq_numref(box.ptr)) } }
    /// The denominator, always positive.
    public var denominator: BigInteger { BigInteger.make { fmpz_set($0, eq_fmpq_denref(box.ptr)) } }
    public var isZero: Bool { fmpq_is_zero(box.ptr) != 0 }
    public var isInteger: Bool { fmpz_is_one(eq_fmpq_denref(box.ptr)) != 0 }
    public var signum: Int { Int(fmpq_sgn(box.ptr)) }
}
