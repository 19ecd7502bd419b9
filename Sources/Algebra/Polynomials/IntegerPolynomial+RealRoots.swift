internal import CFlint

extension IntegerPolynomial {
    /// The number of real roots counted with multiplicity: over the irreducible factors (each squarefree), FLINT's
    /// exact real-root count (Descartes' rule with bisection) times the factor's multiplicity. −1 for the zero
    /// polynomial (every number is a root).
    public var realRootCount: Int {
        if isZero { return -1 }
        return irreducibleFactors.reduce(0) { sum, entry in
            sum + entry.multiplicity * fmpz_poly_num_real_roots(entry.factor.box.ptr)
        }
    }
}

extension IntegerPolynomial {
    /// The number of distinct real roots of odd multiplicity: the real roots every small perturbation keeps (a root
    /// of even multiplicity can leave the real line).
    public var persistentRealRootCount: Int {
        if isZero { return 0 }
        return irreducibleFactors.reduce(0) { sum, entry in
            sum + (entry.multiplicity % 2 == 1 ? fmpz_poly_num_real_roots(entry.factor.box.ptr) : 0)
        }
    }

    /// The greatest common divisor (FLINT `fmpz_poly_gcd`: positive leading coefficient; 0 when both are 0).
    public static func gcd(_ a: IntegerPolynomial, _ b: IntegerPolynomial) -> IntegerPolynomial {
        make { fmpz_poly_gcd($0, a.box.ptr, b.box.ptr) }
    }

    /// p′ (FLINT `fmpz_poly_derivative`).
    public var derivative: IntegerPolynomial { Self.make { fmpz_poly_derivative($0, box.ptr) } }
}

extension IntegerPolynomial {
    /// The complex roots of a squarefree polynomial in disjoint enclosures, real ones first with an exactly zero
    /// imaginary part, then conjugate pairs (upper half-plane first): arb's `arb_fmpz_poly_complex_roots`.
    func complexRoots(precision: Int) -> AcbVector {
        let roots = AcbVector(count: max(degree, 0))
        if degree > 0 {
            withExtendedLifetime(self) { arb_fmpz_poly_complex_roots(roots.ptr, box.ptr, 0, precision) }
        }
        return roots
    }
}
