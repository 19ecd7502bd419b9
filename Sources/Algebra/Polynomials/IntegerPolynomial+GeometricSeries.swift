internal import CFlint

extension IntegerPolynomial {
    /// (1 + x^s + x^{2s} + … + x^{(c−1)s})^e mod x^length, by the closed form
    /// ((1 − x^{cs})/(1 − x^s))^e = Σ_j (−1)^j C(e,j) x^{jcs} · Σ_k C(e−1+k, k) x^{ks}:
    /// O(length/s) exact word-by-bignum steps and one truncated product, instead of repeated squaring.
    /// Used to count components of E^σ_r with many blocks of one size (MATH.md §4.3).
    /// - Precondition: `count ≥ 1`, `step ≥ 1`, `length ≥ 0`.
    public static func geometricPower(count c: Int, step s: Int, exponent e: Int, length: Int) -> IntegerPolynomial {
        precondition(c >= 1 && s >= 1 && e >= 0 && length >= 0)
        if length == 0 { return IntegerPolynomial() }
        if e == 0 { return IntegerPolynomial(coefficients: [1]) }
        // Σ_k C(e−1+k, k) x^{ks}: c_0 = 1, c_{k+1} = c_k (e + k)/(k + 1).
        let series = FmpzPolyBox()
        let terms = (length - 1) / s + 1
        fmpz_poly_fit_length(series.ptr, (terms - 1) * s + 1)
        let coefficient = FmpzBox()
        fmpz_one(coefficient.ptr)
        for k in 0..<terms {
            fmpz_poly_set_coeff_fmpz(series.ptr, k * s, coefficient.ptr)
            fmpz_mul_ui(coefficient.ptr, coefficient.ptr, UInt(e + k))
            fmpz_divexact_ui(coefficient.ptr, coefficient.ptr, UInt(k + 1))
        }
        // Σ_j (−1)^j C(e, j) x^{j c s}
        let head = FmpzPolyBox()
        let b = FmpzBox()
        var j = 0
        while j <= e && j * c * s < length {
            fmpz_bin_uiui(b.ptr, UInt(e), UInt(j))
            if j % 2 == 1 { fmpz_neg(b.ptr, b.ptr) }
            fmpz_poly_set_coeff_fmpz(head.ptr, j * c * s, b.ptr)
            j += 1
        }
        return make { fmpz_poly_mullow($0, head.ptr, series.ptr, length) }
    }
}
