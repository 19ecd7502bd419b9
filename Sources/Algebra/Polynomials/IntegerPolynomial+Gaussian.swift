internal import CFlint

extension IntegerPolynomial {
    /// The Gaussian binomial coefficient [n choose k] in q^step: Σ over the k-subsets J of {1…n} of
    /// q^{step·inv(J)}, inv(J) = #{(i ∈ J, l ∉ J) : l < i}; degree step·k(n − k), value C(n, k) at q = 1.
    /// Built as ∏_{i ≤ k} (1 − q^{n−k+i})/(1 − q^i), each partial product [n−k+i choose i] a polynomial: one
    /// in-place multiplication and one exact division (a strided prefix sum) per factor, O(k²(n − k)) additions.
    /// - Precondition: 0 ≤ k ≤ n, step ≥ 1.
    public static func gaussianBinomial(_ n: Int, _ k: Int, step: Int = 1) -> IntegerPolynomial {
        precondition(n >= 0 && k >= 0 && k <= n && step >= 1)
        let k = min(k, n - k)
        let result = FmpzPolyBox()
        let length = step * k * (n - k + 1) + 1  // the highest term before the last division
        fmpz_poly_fit_length(result.ptr, length)
        guard let c = result.ptr.pointee.coeffs else { preconditionFailure("FLINT allocated no coefficients") }
        fmpz_one(c)
        var degree = 0
        if k > 0 {
            for i in 1...k {
                // times (1 − q^{s(n−k+i)}): from the top down, so every c[m − shift] read is still the old value
                let shift = step * (n - k + i)
                let raised = degree + shift
                for m in stride(from: raised, through: shift, by: -1) { fmpz_sub(c + m, c + m, c + (m - shift)) }
                // divided by (1 − q^{s·i}): Q[m] = P[m] + Q[m − s·i], from the bottom up
                let divisor = step * i
                degree = raised - divisor
                if degree >= divisor { for m in divisor...degree { fmpz_add(c + m, c + m, c + (m - divisor)) } }
                // the quotient's terms above its degree are the division's zero remainder: clear them
                for m in (degree + 1)...raised { fmpz_zero(c + m) }
            }
        }
        _fmpz_poly_set_length(result.ptr, degree + 1)
        _fmpz_poly_normalise(result.ptr)
        return IntegerPolynomial(box: result)
    }

    /// (1 + x^step)^e mod x^length: C(e, i) at x^{step·i}.
    /// - Precondition: step ≥ 1, e ≥ 0, length ≥ 0.
    public static func binomialPower(step: Int, exponent e: Int, length: Int) -> IntegerPolynomial {
        precondition(step >= 1 && e >= 0 && length >= 0)
        let result = FmpzPolyBox()
        let coefficient = FmpzBox()
        fmpz_one(coefficient.ptr)
        var i = 0
        while i <= e && i * step < length {
            fmpz_poly_set_coeff_fmpz(result.ptr, i * step, coefficient.ptr)
            fmpz_mul_ui(coefficient.ptr, coefficient.ptr, UInt(e - i))
            fmpz_divexact_ui(coefficient.ptr, coefficient.ptr, UInt(i + 1))
            i += 1
        }
        return IntegerPolynomial(box: result)
    }
}
