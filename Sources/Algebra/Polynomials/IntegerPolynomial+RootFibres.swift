internal import CFlint

/// The nonzero complex roots of a nonzero integer polynomial p, grouped for each exponent S by their S-th powers
/// (MATH.md §14.2). The fibre {z : z^S = a} over a ≠ 0 is *full* when all S of its points are roots of p; the roots
/// of w(x^S), w real, are the full fibres over the roots of w, a conjugation-closed multiset.
///
/// Every equality z^S = z′^S is proved, not guessed. The powers z^S over the roots of p's squarefree part q are
/// the roots of the integer polynomial N_S(y) = Res_x(x^S − y, q(x)) (FLINT's resultants at deg q + 1 integers,
/// interpolated); since q is squarefree, a value's multiplicity in N_S counts its preimages, so the values of the
/// full fibres are the roots of H_S, the part of N_S's squarefree decomposition of multiplicity S. An irreducible
/// factor f of q lies in full fibres (all its roots or none, by Galois) exactly when f | H_S(x^S); each of its
/// roots' powers is matched to the one root of H_S whose disjoint enclosure (arb's isolation) its ball meets.
/// Factors f with f(ζx) ∤ q(x) modulo a prime p ≡ 1 (mod S) are left out before N_S is formed, and only the
/// factors in full fibres have their roots isolated.
///
///     x⁴ − 1 (roots 1, −1, i, −i), S = 2: fibres {1, −1} over 1 (real) and {i, −i} over −1 (real)
public struct RootFibres: Sendable {
    /// A full fibre {z : z^S = a}.
    public struct Fibre: Sendable, Hashable {
        /// Its S roots, as indices into `multiplicities`.
        public let roots: [Int]
        /// Whether a is real.
        public let isReal: Bool
    }

    /// The multiplicity of every distinct nonzero root of p (a fixed order; indices of `Fibre.roots`).
    public let multiplicities: [Int]
    /// The multiplicity of 0 as a root of p.
    public let zeroMultiplicity: Int
    /// For every exponent asked for, its full fibres: real ones first, then the others in conjugate pairs
    /// (the fibre over a beside the fibre over ā).
    public let fibres: [Int: [Fibre]]
}

extension IntegerPolynomial {
    /// The largest S·deg(squarefree part) for which `rootFibres` works.
    public static let maximumFibreWork = 1 << 14

    /// The full fibres of p's nonzero roots for each exponent (`RootFibres`); nil when S·deg(squarefree part)
    /// exceeds `maximumFibreWork` or the enclosures do not separate by 2^14 bits of precision.
    /// - Precondition: p ≠ 0, every exponent ≥ 1.
    public func rootFibres(exponents: Set<Int>) -> RootFibres? {
        precondition(!isZero && exponents.allSatisfy { $0 >= 1 })
        let all = coefficients
        let zeros = all.firstIndex { !$0.isZero } ?? 0
        let factors = IntegerPolynomial(coefficients: Array(all[zeros...])).irreducibleFactors
        let multiplicities = factors.flatMap { Array(repeating: $0.multiplicity, count: $0.factor.degree) }
        let degree = multiplicities.count
        guard exponents.allSatisfy({ ByteCount.product($0, degree) <= Self.maximumFibreWork }) else { return nil }
        var search = FibreSearch(factors: factors.map(\.factor), exponents: exponents)
        var precision = 128
        while precision <= 1 << 14 {
            search.isolate(precision: precision)
            var found: [Int: [RootFibres.Fibre]] = [:]
            for s in exponents {
                guard let list = search.fibres(exponent: s) else { break }
                found[s] = list
            }
            if found.count == exponents.count {
                return RootFibres(multiplicities: multiplicities, zeroMultiplicity: zeros, fibres: found)
            }
            precision *= 2
        }
        return nil
    }
}

/// The state of `rootFibres`: per exponent the exact part (H_S, and which of q's irreducible factors lie in full
/// fibres), then the roots of those factors at the current precision.
struct FibreSearch {
    /// q's irreducible factors.
    let factors: [IntegerPolynomial]
    /// Per exponent: H_S and, per factor, whether it lies in full fibres.
    let exact: [Int: (polynomial: IntegerPolynomial, inFibres: [Bool])]
    /// The roots of the factors in order (only those of factors in some full fibre are set), at `precision` bits.
    private var roots = AcbVector(count: 0)
    private var precision = 0

    init(factors: [IntegerPolynomial], exponents: Set<Int>) {
        self.factors = factors
        let q = factors.reduce(IntegerPolynomial(coefficients: [1])) { $0 * $1 }
        var exact: [Int: (IntegerPolynomial, [Bool])] = [:]
        for s in exponents { exact[s] = Self.fullFibrePolynomial(factors, product: q, exponent: s) }
        self.exact = exact
    }

    mutating func isolate(precision: Int) {
        self.precision = precision
        roots = AcbVector(count: factors.reduce(0) { $0 + $1.degree })
        var offset = 0
        for (k, f) in factors.enumerated() {
            defer { offset += f.degree }
            guard exact.values.contains(where: { $0.inFibres[k] }) else { continue }
            let part = f.complexRoots(precision: precision)
            withExtendedLifetime(part) { for i in 0..<part.count { acb_set(roots.ptr + offset + i, part.ptr + i) } }
        }
    }

    /// The full fibres of exponent s, or nil when the enclosures at this precision do not decide them.
    func fibres(exponent s: Int) -> [RootFibres.Fibre]? {
        guard let (h, inFibres) = exact[s], h.degree > 0 else { return [] }
        let enclosures = h.complexRoots(precision: precision)
        let power = AcbVector(count: 1)
        defer { withExtendedLifetime((enclosures, power)) {} }
        var members = [[Int]](repeating: [], count: enclosures.count)
        var i = 0
        for (f, inFibre) in zip(factors, inFibres) {
            defer { i += f.degree }
            guard inFibre else { continue }
            for j in i..<(i + f.degree) {
                acb_pow_ui(power.ptr, roots.ptr + j, UInt(s), precision)
                let hits = (0..<enclosures.count).filter { acb_overlaps(power.ptr, enclosures.ptr + $0) != 0 }
                guard hits.count == 1 else { return nil }
                members[hits[0]].append(j)
            }
        }
        guard members.allSatisfy({ $0.count == s }) else { return nil }
        return members.indices.map { r in
            RootFibres.Fibre(roots: members[r], isReal: arb_is_zero(acb_imagref_shim(enclosures.ptr + r)) != 0)
        }
    }

    /// H_S and, per factor, whether it divides H_S(x^S). N_S is formed from the factors `mayLieInFibres` keeps: a
    /// full fibre's roots all lie in those, so H_S is the same.
    static func fullFibrePolynomial(_ factors: [IntegerPolynomial], product q: IntegerPolynomial, exponent s: Int)
        -> (IntegerPolynomial, [Bool])
    {
        let one = IntegerPolynomial(coefficients: [1])
        let candidates = factors.filter { mayLieInFibres($0, of: q, exponent: s) }.reduce(one) { $0 * $1 }
        guard candidates.degree > 0 else { return (one, factors.map { _ in false }) }
        let h = powerPolynomial(candidates, exponent: s).squarefreeFactors
            .filter { $0.multiplicity == s }
            .reduce(one) { $0 * $1.factor }
        let inflated = RationalPolynomial(h).inflated(by: s)
        return (h, factors.map { inflated.remainder(dividingBy: RationalPolynomial($0)).isZero })
    }

    /// A necessary condition for f's roots to lie in full fibres of q: f(ζx) | q(x) over ℚ(ζ), ζ = e^{2πi/S}, so
    /// modulo a prime p ≡ 1 (mod S) not dividing f's leading coefficient, with ζ an element of order S in 𝔽_p
    /// (the quotient stays integral at a prime above p). False only when that divisibility fails.
    static func mayLieInFibres(_ f: IntegerPolynomial, of q: IntegerPolynomial, exponent s: Int) -> Bool {
        guard s >= 2 else { return true }
        let lead = f.coefficient(f.degree)
        var m = UInt((1 << 24) / s + 1)
        while true {
            let p = m * UInt(s) + 1
            m += 1
            guard n_is_prime(p) != 0, !(lead % BigInteger(Int(p))).isZero else { continue }
            let zeta = n_powmod2(n_primitive_root_prime(p), Int((p - 1) / UInt(s)), p)
            return withExtendedLifetime((f, q)) { () -> Bool in
                var a = nmod_poly_struct()
                var b = nmod_poly_struct()
                var r = nmod_poly_struct()
                nmod_poly_init(&a, p)
                nmod_poly_init(&b, p)
                nmod_poly_init(&r, p)
                defer {
                    nmod_poly_clear(&a)
                    nmod_poly_clear(&b)
                    nmod_poly_clear(&r)
                }
                fmpz_poly_get_nmod_poly(&a, f.box.ptr)
                var scale: UInt = 1
                for k in 0...f.degree {
                    nmod_poly_set_coeff_ui(&a, k, nmod_poly_get_coeff_ui(&a, k) * scale % p)
                    scale = scale * zeta % p
                }
                fmpz_poly_get_nmod_poly(&b, q.box.ptr)
                nmod_poly_rem(&r, &b, &a)
                return nmod_poly_is_zero(&r) != 0
            }
        }
    }

    /// N_S(y) = Res_x(x^S − y, q(x)), whose roots are the z^S over q's roots z: exactly, by FLINT's resultants at
    /// y = 0, …, deg q and interpolation.
    static func powerPolynomial(_ q: IntegerPolynomial, exponent s: Int) -> IntegerPolynomial {
        var binomial = IntegerPolynomial.geometric(count: 2, step: s)
        let points = (0...q.degree).map { BigInteger($0) }
        let values = points.map { y in
            binomial.setCoefficient(0, -y)
            return IntegerPolynomial.resultant(binomial, q)
        }
        return IntegerPolynomial.interpolating(at: points, values: values)
    }
}
