internal import CFlint

/// An element of a number field K = ℚ[x]/(f) (antic `nf_elem_t`), with value semantics. Arithmetic is
/// exact; mixing elements of different fields is a programming error (precondition).
public struct NumberFieldElement: Sendable {
    public let field: NumberField
    var box: NfElemBox

    init(field: NumberField, box: NfElemBox) {
        self.field = field
        self.box = box
    }

    /// The rational q as an element of K.
    public init(_ q: Rational, in field: NumberField) {
        self.field = field
        box = NfElemBox(field)
        nf_elem_set_fmpq(box.ptr, q.box.ptr, field.nf)
    }

    /// The integer k as an element of K.
    public init(_ k: Int, in field: NumberField) { self.init(Rational(k), in: field) }

    /// p(θ) for a polynomial p with rational coefficients (reduced modulo f).
    public init(_ p: RationalPolynomial, in field: NumberField) {
        self.field = field
        box = NfElemBox(field)
        nf_elem_set_fmpq_poly(box.ptr, p.box.ptr, field.nf)
    }

    static func make(_ field: NumberField, _ body: (UnsafeMutablePointer<nf_elem_struct>) -> Void) -> Self {
        let b = NfElemBox(field)
        body(b.ptr)
        return Self(field: field, box: b)
    }

    /// The representative polynomial p of degree < [K:ℚ] with this element = p(θ).
    public var polynomial: RationalPolynomial {
        RationalPolynomial.make { nf_elem_get_fmpq_poly($0, box.ptr, field.nf) }
    }

    public var isZero: Bool { nf_elem_is_zero(box.ptr, field.nf) != 0 }

    /// The element as a rational, when it lies in ℚ.
    public var rational: Rational? {
        let p = polynomial
        return p.degree <= 0 ? p.coefficient(0) : nil
    }
}

extension NumberFieldElement: Equatable, CustomStringConvertible {
    public static func + (a: Self, b: Self) -> Self {
        precondition(a.field === b.field, "elements of different number fields")
        return make(a.field) { nf_elem_add($0, a.box.ptr, b.box.ptr, a.field.nf) }
    }

    public static func - (a: Self, b: Self) -> Self {
        precondition(a.field === b.field, "elements of different number fields")
        return make(a.field) { nf_elem_sub($0, a.box.ptr, b.box.ptr, a.field.nf) }
    }

    public static func * (a: Self, b: Self) -> Self {
        precondition(a.field === b.field, "elements of different number fields")
        return make(a.field) { nf_elem_mul($0, a.box.ptr, b.box.ptr, a.field.nf) }
    }

    /// a / b. - Precondition: b ≠ 0.
    public static func / (a: Self, b: Self) -> Self {
        precondition(a.field === b.field, "elements of different number fields")
        precondition(!b.isZero, "division by zero in a number field")
        return make(a.field) { nf_elem_div($0, a.box.ptr, b.box.ptr, a.field.nf) }
    }

    public static prefix func - (a: Self) -> Self { make(a.field) { nf_elem_neg($0, a.box.ptr, a.field.nf) } }

    public static func += (a: inout Self, b: Self) { a = a + b }
    public static func -= (a: inout Self, b: Self) { a = a - b }

    public static func == (a: Self, b: Self) -> Bool {
        a.field === b.field && nf_elem_equal(a.box.ptr, b.box.ptr, a.field.nf) != 0
    }

    /// The element as a polynomial in the generator `a`, e.g. `1/2*a + 3`; rationals print as rationals.
    public var description: String {
        if let q = rational { return q.description }
        return polynomial.description(variable: "a")
    }
}

/// Owner of one `nf_elem_t`; keeps its field alive (clearing an element needs the field). Not API.
final class NfElemBox: @unchecked Sendable {
    let ptr: UnsafeMutablePointer<nf_elem_struct>
    let field: NumberField
    init(_ field: NumberField) {
        self.field = field
        ptr = .allocate(capacity: 1)
        nf_elem_init(ptr, field.nf)
    }
    deinit {
        nf_elem_clear(ptr, field.nf)
        ptr.deallocate()
    }
}

extension NumberFieldElement {
    /// Parses a polynomial in the field's generator `a` (`1/2`, `-a/2`, `3 + 2*a^2`), reduced modulo the
    /// defining polynomial.
    /// - Throws: `RationalPolynomial.ParseError` naming the term that cannot be read.
    public init(parsing text: String, in field: NumberField) throws {
        self.init(try RationalPolynomial(parsing: text, variable: "a"), in: field)
    }
}
