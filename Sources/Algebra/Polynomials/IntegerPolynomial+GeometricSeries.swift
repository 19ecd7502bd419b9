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
        // times Σ_j (−1)^j C(e, j) x^{j c s}: few sparse terms, so shifted scalar multiply-adds.
        let result = FmpzPolyBox()
        fmpz_poly_fit_length(result.ptr, length)
        let seriesLength = series.ptr.pointee.length
        let b = FmpzBox()
        var j = 0
        while j <= e && j * c * s < length {
            fmpz_bin_uiui(b.ptr, UInt(e), UInt(j))
            if j % 2 == 1 { fmpz_neg(b.ptr, b.ptr) }
            let shift = j * c * s
            _fmpz_vec_scalar_addmul_fmpz(
                result.ptr.pointee.coeffs + shift, series.ptr.pointee.coeffs, min(seriesLength, length - shift), b.ptr)
            j += 1
        }
        _fmpz_poly_set_length(result.ptr, length)
        _fmpz_poly_normalise(result.ptr)
        return IntegerPolynomial(box: result)
    }

    /// [x^k](a·b) = Σ_i a_i b_{k−i}, by one dot product: O(k) multiplications instead of a full product.
    public static func coefficientOfProduct(_ a: IntegerPolynomial, _ b: IntegerPolynomial, degree k: Int) -> BigInteger
    {
        let (la, lb) = (a.box.ptr.pointee.length, b.box.ptr.pointee.length)
        let lo = max(0, k - lb + 1)
        let hi = min(k, la - 1)
        return BigInteger.make { r in
            guard lo <= hi, let ca = a.box.ptr.pointee.coeffs, let cb = b.box.ptr.pointee.coeffs else { return }
            for i in lo...hi { fmpz_addmul(r, ca + i, cb + (k - i)) }
        }
    }
}
