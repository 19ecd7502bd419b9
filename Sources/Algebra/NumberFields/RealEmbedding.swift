internal import CFlint

/// A real embedding K → ℝ, θ ↦ one real root of the defining polynomial, with certified enclosures
/// (arb interval arithmetic): `enclosure(of:)` returns rational bounds that provably contain the image.
/// Exact arithmetic stays exact; only the evaluation at the root is an enclosure.
public final class RealEmbedding: @unchecked Sendable {
    public let field: NumberField
    /// The position of the root among the real roots, increasing from 0.
    public let index: Int
    let root: UnsafeMutablePointer<arb_struct>
    /// Working precision in bits of the root and of evaluations.
    static let precision = 256

    init(field: NumberField, index: Int, root source: UnsafePointer<arb_struct>) {
        self.field = field
        self.index = index
        root = .allocate(capacity: 1)
        arb_init(root)
        arb_set(root, source)
    }

    deinit {
        arb_clear(root)
        root.deallocate()
    }

    /// The real roots of f, isolated and sorted (arb puts real roots first, increasing, with an exactly
    /// zero imaginary part).
    static func all(of field: NumberField) -> [RealEmbedding] {
        let roots = field.polynomial.complexRoots(precision: precision)
        defer { withExtendedLifetime(roots) {} }
        var result: [RealEmbedding] = []
        for i in 0..<roots.count where arb_is_zero(acb_imagref_shim(roots.ptr + i)) != 0 {
            result.append(RealEmbedding(field: field, index: result.count, root: acb_realref_shim(roots.ptr + i)))
        }
        return result
    }

    /// Rational bounds [lower, upper] containing the image of x (a few hundred bits wide at most).
    public func enclosure(of x: NumberFieldElement) -> (lower: Rational, upper: Rational) {
        precondition(x.field === field, "element of a different number field")
        let p = x.polynomial
        let ap = UnsafeMutablePointer<arb_poly_struct>.allocate(capacity: 1)
        let value = UnsafeMutablePointer<arb_struct>.allocate(capacity: 1)
        arb_poly_init(ap)
        arb_init(value)
        defer {
            arb_poly_clear(ap)
            arb_clear(value)
            ap.deallocate()
            value.deallocate()
        }
        arb_poly_set_fmpq_poly(ap, p.box.ptr, Self.precision)
        arb_poly_evaluate(value, ap, root, Self.precision)
        let a = BigInteger()
        let b = BigInteger()
        let e = BigInteger()
        arb_get_interval_fmpz_2exp(a.box.ptr, b.box.ptr, e.box.ptr, value)
        let exponent = Int(e.description) ?? 0
        func scaled(_ m: BigInteger) -> Rational {
            let two = BigInteger(2)
            if exponent >= 0 { return Rational(m * two.power(UInt(exponent))) }
            return Rational(m, two.power(UInt(-exponent))) ?? Rational(0)
        }
        return (scaled(a), scaled(b))
    }

    /// The sign of x under this embedding: certified when the enclosure excludes 0 (nil otherwise, which
    /// for x ≠ 0 does not happen at the working precision for the sizes eqgeom uses).
    public func sign(of x: NumberFieldElement) -> Int? {
        if x.isZero { return 0 }
        let (lo, hi) = enclosure(of: x)
        if lo.signum > 0 { return 1 }
        if hi.signum < 0 { return -1 }
        return nil
    }
}
