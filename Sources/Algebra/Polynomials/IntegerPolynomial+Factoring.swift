internal import CFlint

extension IntegerPolynomial {
    /// The irreducible factors over ℤ (hence over ℚ, by Gauss's lemma) with their multiplicities, by
    /// FLINT's `fmpz_poly_factor` (Zassenhaus / van Hoeij); the content is dropped. Factors are primitive
    /// with positive leading coefficient, in FLINT's order.
    ///
    ///     IntegerPolynomial(coefficients: [-5, 0, 1]).irreducibleFactors   // [(x^2-5, 1)]
    public var irreducibleFactors: [(factor: IntegerPolynomial, multiplicity: Int)] {
        factored { fmpz_poly_factor($0, $1) }
    }

    /// The squarefree decomposition: pairwise coprime squarefree factors with their multiplicities (FLINT's
    /// `fmpz_poly_factor_squarefree`, much cheaper than full factoring); the content is dropped.
    public var squarefreeFactors: [(factor: IntegerPolynomial, multiplicity: Int)] {
        factored { fmpz_poly_factor_squarefree($0, $1) }
    }

    /// The nonconstant factors a FLINT factorisation routine writes, with their exponents.
    private func factored(
        _ routine: (UnsafeMutablePointer<fmpz_poly_factor_struct>, UnsafePointer<fmpz_poly_struct>) -> Void
    ) -> [(factor: IntegerPolynomial, multiplicity: Int)] {
        guard degree > 0 else { return [] }
        var factorization = fmpz_poly_factor_struct()
        fmpz_poly_factor_init(&factorization)
        defer { fmpz_poly_factor_clear(&factorization) }
        withExtendedLifetime(self) { routine(&factorization, box.ptr) }
        return (0..<Int(factorization.num)).map { k in
            let f = IntegerPolynomial.make { fmpz_poly_set($0, factorization.p + k) }
            return (f, Int(factorization.exp[k]))
        }.filter { $0.factor.degree > 0 }
    }
}

extension RationalPolynomial {
    /// The primitive integer polynomial with the same roots: the numerator with its content removed.
    public var primitiveIntegerPart: IntegerPolynomial {
        IntegerPolynomial.make { p in
            fmpq_poly_get_numerator(p, box.ptr)
            fmpz_poly_primitive_part(p, p)
        }
    }
}

extension IntegerPolynomial {
    /// The same polynomial over ℚ.
    public var rational: RationalPolynomial { RationalPolynomial(self) }
}
