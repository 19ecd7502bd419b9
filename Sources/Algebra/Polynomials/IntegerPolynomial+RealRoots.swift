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
