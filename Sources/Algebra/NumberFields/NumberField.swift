internal import CFlint

/// A number field K = ℚ[x]/(f) for an irreducible f ∈ ℤ[x] (antic `nf_t`). Elements are
/// `NumberFieldElement`s; the generator θ is the class of x. Fields compare by identity: two fields built
/// from the same polynomial are different objects, and their elements must not be mixed.
///
/// eqgeom uses these for the fields of the central idempotents of a group's orbital algebra
/// (MATH.md §8.5): ℚ for rational classes, ℚ(√5) for A5's two 3-dimensional representations.
public final class NumberField: @unchecked Sendable {
    let nf: UnsafeMutablePointer<nf_struct>
    /// The defining polynomial f (irreducible, primitive).
    public let polynomial: IntegerPolynomial

    /// K = ℚ[x]/(f).
    /// - Precondition: f is irreducible over ℚ of degree ≥ 1 (callers take f from a factorisation).
    public init(_ f: IntegerPolynomial) {
        precondition(f.degree >= 1, "a number field needs a polynomial of degree at least 1")
        polynomial = f
        nf = .allocate(capacity: 1)
        let q = RationalPolynomial(f)
        nf_init(nf, q.box.ptr)
    }

    deinit {
        nf_clear(nf)
        nf.deallocate()
    }

    /// [K : ℚ].
    public var degree: Int { polynomial.degree }

    /// The rationals as the field ℚ[x]/(x).
    public static func rationals() -> NumberField { NumberField(IntegerPolynomial(coefficients: [0, 1])) }

    /// The generator θ (the class of x).
    public var generator: NumberFieldElement { NumberFieldElement.make(self) { nf_elem_gen($0, nf) } }

    /// The real embeddings of K, one per real root of f, in increasing order of the root.
    /// Roots are isolated with certified interval arithmetic (arb); `enclosure` evaluates elements there.
    public func realEmbeddings() -> [RealEmbedding] { RealEmbedding.all(of: self) }
}
