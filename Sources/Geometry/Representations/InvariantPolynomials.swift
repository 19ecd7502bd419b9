import Algebra

/// The homogeneous polynomials f of degree k on ℚ^d with f(ρ(h)x) = f(x) for every group generator h and
/// Σ_i (dρ(A)x)_i ∂f/∂x_i = 0 for every Lie generator A (MATH.md §9.2): the nullspace of the constraint
/// on the C(d+k−1, k) monomials of degree k, exactly over ℚ. A permutation representation needs no linear
/// algebra: its invariants are the orbit sums of monomials (exponent vectors permuted).
public struct InvariantPolynomials: Sendable {
    /// The degree of the invariants.
    public let degree: Int
    /// The number of variables (the representation's dimension).
    public let variables: Int
    /// The monomials' exponent vectors, in descending lexicographic order (x1^k first).
    public let monomials: [[Int]]
    /// The basis, one coefficient vector over `monomials` per invariant, in reduced row echelon form.
    public let basis: [[Rational]]

    /// The dimension of the space of invariants of this degree.
    public var dimension: Int { basis.count }

    /// The largest number of monomials solved for (the system is monomials² rationals per generator).
    public static let maximumMonomials = 4096
    /// The largest degree (one variable has one monomial of any degree, so the count alone bounds nothing).
    public static let maximumDegree = 256

    /// - Throws: `GeometryError.tooLarge` past `maximumMonomials` monomials; `MemoryLimitError` before a
    ///   system beyond the memory budget.
    public init(_ rho: MatrixRepresentation, degree k: Int) throws {
        let d = rho.dimension
        guard k >= 0 else { throw GeometryError.invalidShape("the degree must be at least 0, got \(k)") }
        // a monomial of degree k substituted exactly has coefficients of about k·log|a| bits: bounded first
        guard k <= Self.maximumDegree else {
            throw GeometryError.tooLarge("degree \(k) is above \(Self.maximumDegree); lower the degree")
        }
        let count = Self.monomialCount(d, k)
        guard count <= Self.maximumMonomials else {
            throw GeometryError.tooLarge(
                "degree \(k) in \(d) variables has more than \(Self.maximumMonomials) monomials; lower the degree")
        }
        degree = k
        variables = d
        monomials = Self.exponents(d, k)
        let index = Dictionary(uniqueKeysWithValues: monomials.enumerated().map { ($1, $0) })
        if let permutations = rho.permutations {
            basis = Self.orbitSums(monomials, index: index, permutations: permutations)
            return
        }
        try MemoryBudget.require(
            ByteCount.product(count, count, 48, max(1, rho.groupGeneratorCount + rho.lieGenerators.count)),
            for: "the invariant-polynomial system (\(count) monomials)", advice: "lower the degree")
        var blocks: [RationalMatrix] = []
        for i in 0..<rho.groupGeneratorCount {
            blocks.append(Self.substitutionMinusIdentity(rho.groupGenerator(i), monomials: monomials, index: index))
        }
        for a in rho.lieGenerators { blocks.append(Self.derivation(a, monomials: monomials, index: index)) }
        guard !blocks.isEmpty else {
            basis = (0..<count).map { i in (0..<count).map { Rational($0 == i ? 1 : 0) } }
            return
        }
        var stacked = RationalMatrix(rows: blocks.count * count, columns: count)
        for (b, block) in blocks.enumerated() {
            for r in 0..<count {
                for c in 0..<count where !block.isZero(r, c) { stacked[b * count + r, c] = block[r, c] }
            }
        }
        let null = stacked.nullspace
        let form = null.transposed.rowReduced.form
        basis = (0..<null.columns).map { r in (0..<count).map { form[r, $0] } }
    }

    /// The polynomials as text, `x1^2 + x2^2 - 1/2*x1*x3`.
    public var polynomials: [String] { basis.map(text) }

    func text(_ coefficients: [Rational]) -> String {
        var terms: [String] = []
        for (c, e) in zip(coefficients, monomials) where !c.isZero {
            let powers = e.enumerated().filter { $0.1 > 0 }.map { $0.1 == 1 ? "x\($0.0 + 1)" : "x\($0.0 + 1)^\($0.1)" }
            let magnitude = c.signum < 0 ? -c : c
            let monomial = powers.joined(separator: "*")
            let body =
                monomial.isEmpty
                ? magnitude.description : magnitude == Rational(1) ? monomial : "\(magnitude)*\(monomial)"
            terms.append((c.signum < 0 ? "- " : terms.isEmpty ? "" : "+ ") + body)
        }
        return terms.isEmpty ? "0" : terms.joined(separator: " ")
    }

    /// C(d+k−1, k) = C(d+k−1, d−1), saturating past Int.max (min(k, d−1) steps).
    static func monomialCount(_ d: Int, _ k: Int) -> Int {
        guard d > 0 else { return k == 0 ? 1 : 0 }
        let (top, steps) = (d + k - 1, min(k, d - 1))
        var c = 1
        for i in 0..<steps {
            let (p, o) = c.multipliedReportingOverflow(by: top - i)
            if o { return Int.max }
            c = p / (i + 1)
        }
        return c
    }

    /// Exponent vectors of degree k in d variables, descending lexicographic order.
    static func exponents(_ d: Int, _ k: Int) -> [[Int]] {
        guard d > 0 else { return k == 0 ? [[]] : [] }
        if d == 1 { return [[k]] }
        return stride(from: k, through: 0, by: -1).flatMap { first in exponents(d - 1, k - first).map { [first] + $0 } }
    }

    /// Orbit sums: each orbit of monomials under the permutations, as an indicator vector (echelon order).
    static func orbitSums(_ monomials: [[Int]], index: [[Int]: Int], permutations: [Permutation]) -> [[Rational]] {
        var orbit = [Int](repeating: -1, count: monomials.count)
        var sums: [[Rational]] = []
        for start in monomials.indices where orbit[start] < 0 {
            var members = [start]
            orbit[start] = sums.count
            var next = 0
            while next < members.count {
                let e = monomials[members[next]]
                for g in permutations {
                    var image = [Int](repeating: 0, count: e.count)
                    for (i, a) in e.enumerated() { image[g.image(of: i + 1) - 1] = a }
                    if let j = index[image], orbit[j] < 0 {
                        orbit[j] = sums.count
                        members.append(j)
                    }
                }
                next += 1
            }
            sums.append(monomials.indices.map { Rational(orbit[$0] == sums.count ? 1 : 0) })
        }
        return sums
    }

    /// Column α: the coefficients of x^α ∘ h − x^α, with (h x)_i = Σ_j h_ij x_j.
    static func substitutionMinusIdentity(
        _ h: RationalMatrix, monomials: [[Int]], index: [[Int]: Int]
    ) -> RationalMatrix {
        let d = h.rows
        var m = RationalMatrix(rows: monomials.count, columns: monomials.count)
        for (column, alpha) in monomials.enumerated() {
            var poly: [[Int]: Rational] = [[Int](repeating: 0, count: d): Rational(1)]
            for (i, a) in alpha.enumerated() {
                for _ in 0..<a {
                    var next: [[Int]: Rational] = [:]
                    for (e, c) in poly {
                        for j in 0..<d where !h.isZero(i, j) {
                            var f = e
                            f[j] += 1
                            next[f, default: Rational(0)] += c * h[i, j]
                        }
                    }
                    poly = next
                }
            }
            poly[alpha, default: Rational(0)] -= Rational(1)
            for (e, c) in poly where !c.isZero { if let row = index[e] { m[row, column] = c } }
        }
        return m
    }

    /// Column α: the coefficients of Σ_i (A x)_i ∂x^α/∂x_i = Σ_{i,j} α_i A_ij x^{α − e_i + e_j}.
    static func derivation(_ a: RationalMatrix, monomials: [[Int]], index: [[Int]: Int]) -> RationalMatrix {
        var m = RationalMatrix(rows: monomials.count, columns: monomials.count)
        for (column, alpha) in monomials.enumerated() {
            for i in alpha.indices where alpha[i] > 0 {
                for j in alpha.indices where !a.isZero(i, j) {
                    var e = alpha
                    e[i] -= 1
                    e[j] += 1
                    if let row = index[e] { m[row, column] += Rational(alpha[i]) * a[i, j] }
                }
            }
        }
        return m
    }
}
