internal import CFlint

/// The irreducible complex characters of a finite group, reduced modulo a prime p ≡ 1 (mod exp G) with
/// p > |G| (Dixon's method, MATH.md §8.2). The central characters ω_χ(K_k) = |C_k|·χ(g_k)/χ(1) are the common
/// eigenvectors of the class multiplication matrices M_j = (c_{ijk}); over 𝔽_p these all split (the eigenvalues
/// lie in ℤ[ζ_e], and ζ_e ∈ 𝔽_p), so the eigenvectors of one random combination Σ c_j M_j with r distinct
/// eigenvalues are the r central characters. Then χ(1)² = |G| / Σ_k ω_k·ω_{k*}/|C_k| (an integer below p, so
/// exact) and χ(g_k) = ω_k·χ(1)/|C_k|. The values are the images of the algebraic integers χ(g_k) under one ring
/// map ℤ[ζ_e] → 𝔽_p, so every inner product with an integer class function, which is an integer of absolute value
/// below p/2, is exact. Checked on every table: Σ χ(1)² = |G| and the first orthogonality relation mod p.
///
///     S3: degrees 1, 1, 2; the sign character's values ≡ 1, −1, 1 on the identity, transpositions, 3-cycles.
public struct ModularCharacterTable: Sendable {
    /// The conjugacy classes the characters are functions on.
    public let classes: ConjugacyClasses
    /// The prime p.
    public let prime: UInt
    /// χ(1) for each irreducible character, in the order the eigenvalues were found.
    public let degrees: [Int]
    /// values[χ][k] = χ(g_k) mod p.
    public let values: [[UInt]]
    /// The Frobenius–Schur indicator (1/|G|) Σ_g χ(g²) ∈ {1, 0, −1} of each χ: the character of a real
    /// representation, not real-valued, or real-valued of quaternionic type.
    public let indicators: [Int]

    /// The table of the group whose classes are given.
    /// - Throws: `PermutationError.tooLarge` when |G| or exp G does not leave room for a word-size prime;
    ///   also when the checks fail for every random combination tried (never expected).
    public init(classes: ConjugacyClasses) throws {
        self.classes = classes
        let order = classes.groupOrder
        let exponent = classes.orders.reduce(1, lcm)
        let p = try Self.prime(exponent: exponent, above: max(order, classes.degree) * 2)
        prime = p
        var random = SplitMix(0xC4A2_AC7E)
        for _ in 0..<6 {
            let weights = (0..<classes.count).map { _ in random.next() % p }
            let sums = classes.classProducts(weights: weights)
            // M[i][k] = Σ_j c_j·c_{ijk} = Σ over y ∈ C_{i*} of c_{class(y·g_k)}
            let matrix = (0..<classes.count).map { i in sums[classes.inverse[i]].map { $0 % p } }
            guard let central = Self.eigenvectors(matrix, prime: p) else { continue }
            guard let table = Self.characters(central: central, classes: classes, prime: p) else { continue }
            degrees = table.degrees
            values = table.values
            indicators = Self.indicators(table.values, classes: classes, prime: p)
            return
        }
        throw PermutationError.tooLarge("a character table that passed its checks (please report)")
    }

    /// The number of irreducible characters (= the number of classes).
    public var count: Int { degrees.count }

    /// ⟨f, χ⟩ = (1/|G|) Σ_k |C_k|·f(g_k)·χ(g_k⁻¹) for an integer class function f, as the integer of least absolute
    /// value in its residue class (exact when the true value is an integer of absolute value below p/2).
    public func innerProduct(_ f: [Int], character chi: Int) -> Int {
        let p = prime
        var sum: UInt = 0
        for k in 0..<classes.count {
            let fk = Self.residue(f[k], p)
            let term = Self.multiply(
                Self.residue(classes.sizes[k], p), Self.multiply(fk, values[chi][classes.inverse[k]], p), p)
            sum = (sum + term) % p
        }
        return Self.symmetric(Self.multiply(sum, Self.inverse(Self.residue(classes.groupOrder, p), p), p), p)
    }

    /// The indicators (1/|G|) Σ_k |C_k|·χ(g_k²) of every χ, from the squaring map computed once.
    static func indicators(_ values: [[UInt]], classes: ConjugacyClasses, prime p: UInt) -> [Int] {
        let square = classes.powerMap(2)
        let orderInverse = inverse(residue(classes.groupOrder, p), p)
        return values.map { chi in
            var sum: UInt = 0
            for k in 0..<classes.count { sum = (sum + multiply(residue(classes.sizes[k], p), chi[square[k]], p)) % p }
            return symmetric(multiply(sum, orderInverse, p), p)
        }
    }

    /// The character χ̄ (χ̄(g) = χ(g⁻¹)).
    public func conjugate(_ chi: Int) -> Int {
        let bar = classes.inverse.map { values[chi][$0] }
        return values.firstIndex(of: bar) ?? chi
    }

    /// Whether χ is the trivial character.
    public func isTrivial(_ chi: Int) -> Bool { values[chi].allSatisfy { $0 == 1 } }

    // MARK: - The eigenvector step

    /// The eigenvectors of M over 𝔽_p normalised to 1 at the identity class, when M has r distinct eigenvalues in
    /// 𝔽_p; nil otherwise (the random combination was not generic).
    static func eigenvectors(_ m: [[UInt]], prime p: UInt) -> [[UInt]]? {
        let r = m.count
        var a = nmod_mat_struct()
        nmod_mat_init(&a, r, r, p)
        defer { nmod_mat_clear(&a) }
        for i in 0..<r { for k in 0..<r { nmod_mat_set_entry(&a, i, k, m[i][k]) } }
        var chi = nmod_poly_struct()
        nmod_poly_init(&chi, p)
        defer { nmod_poly_clear(&chi) }
        nmod_mat_charpoly(&chi, &a)
        var factors = nmod_poly_factor_struct()
        nmod_poly_factor_init(&factors)
        defer { nmod_poly_factor_clear(&factors) }
        _ = nmod_poly_factor(&factors, &chi)
        guard factors.num == r else { return nil }
        var roots: [UInt] = []
        for f in 0..<Int(factors.num) {
            guard factors.exp[f] == 1, nmod_poly_degree(factors.p + f) == 1 else { return nil }
            // monic x + c: the root is −c
            roots.append((p - nmod_poly_get_coeff_ui(factors.p + f, 0)) % p)
        }
        var vectors: [[UInt]] = []
        var shifted = nmod_mat_struct()
        var kernel = nmod_mat_struct()
        nmod_mat_init(&shifted, r, r, p)
        nmod_mat_init(&kernel, r, r, p)
        defer {
            nmod_mat_clear(&shifted)
            nmod_mat_clear(&kernel)
        }
        for lambda in roots {
            for i in 0..<r {
                for k in 0..<r { nmod_mat_set_entry(&shifted, i, k, i == k ? (m[i][k] + p - lambda) % p : m[i][k]) }
            }
            guard nmod_mat_nullspace(&kernel, &shifted) == 1 else { return nil }
            let v = (0..<r).map { nmod_mat_get_entry(&kernel, $0, 0) }
            guard v[0] != 0 else { return nil }
            let scale = inverse(v[0], p)
            vectors.append(v.map { multiply($0, scale, p) })
        }
        return vectors
    }

    /// Degrees and values from the central characters, after the checks Σ χ(1)² = |G| and orthogonality.
    static func characters(central: [[UInt]], classes: ConjugacyClasses, prime p: UInt)
        -> (degrees: [Int], values: [[UInt]])?
    {
        let r = classes.count
        let sizeInverses = classes.sizes.map { inverse(residue($0, p), p) }
        let order = classes.groupOrder
        var degrees: [Int] = []
        var values: [[UInt]] = []
        for omega in central {
            var s: UInt = 0
            for k in 0..<r {
                s = (s + multiply(multiply(omega[k], omega[classes.inverse[k]], p), sizeInverses[k], p)) % p
            }
            guard s != 0 else { return nil }
            let squared = multiply(residue(order, p), inverse(s, p), p)
            // χ(1)² ≤ |G| < p: the residue is the integer
            guard let d = exactSquareRoot(Int(squared)), d >= 1, order % d == 0 else { return nil }
            degrees.append(d)
            values.append((0..<r).map { multiply(multiply(omega[$0], residue(d, p), p), sizeInverses[$0], p) })
        }
        guard degrees.reduce(0, { $0 + $1 * $1 }) == order else { return nil }
        // Σ_k |C_k| χ(g_k) ψ(g_k⁻¹) = |G|·δ_χψ
        let groupOrder = residue(order, p)
        for (a, chi) in values.enumerated() {
            for (b, psi) in values.enumerated() {
                var sum: UInt = 0
                for k in 0..<r {
                    sum =
                        (sum + multiply(residue(classes.sizes[k], p), multiply(chi[k], psi[classes.inverse[k]], p), p))
                        % p
                }
                guard sum == (a == b ? groupOrder : 0) else { return nil }
            }
        }
        return (degrees, values)
    }

    // MARK: - Arithmetic modulo a word-size prime

    /// The least prime p ≡ 1 (mod e) above max(2^30, `bound`), below 2^32 (products of residues fit 64 bits).
    static func prime(exponent e: Int, above bound: Int) throws -> UInt {
        let floor = max(1 << 30, bound)
        var candidate = UInt(floor / e + 1) * UInt(e) + 1
        while candidate < 1 << 32 {
            if n_is_prime(candidate) != 0 { return candidate }
            candidate += UInt(e)
        }
        throw PermutationError.tooLarge(
            "a group of exponent \(e) and order \(bound / 2) (no word-size prime p ≡ 1 mod e)")
    }

    static func residue(_ a: Int, _ p: UInt) -> UInt {
        let r = a % Int(p)
        return UInt(r < 0 ? r + Int(p) : r)
    }

    static func multiply(_ a: UInt, _ b: UInt, _ p: UInt) -> UInt { a * b % p }

    static func inverse(_ a: UInt, _ p: UInt) -> UInt { n_invmod(a, p) }

    /// The representative of least absolute value.
    static func symmetric(_ a: UInt, _ p: UInt) -> Int { a > p / 2 ? Int(a) - Int(p) : Int(a) }
}
