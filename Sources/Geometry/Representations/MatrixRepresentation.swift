import Algebra

/// A representation ρ of a group on ℚ^d given by the matrices of its generators h_i (invertible), and/or of a
/// Lie algebra by the matrices dρ(A_k) of its generators (MATH.md §9.1; EMLP's representations).
/// A permutation representation keeps its permutations, so tensor powers stay permutations of tuples (never
/// dense (n^k)×(n^k) matrices) and the equivariant maps come from orbitals.
public struct MatrixRepresentation: Sendable {
    /// d, the size of the matrices.
    public let dimension: Int
    /// The group generators as permutations of 0..<d, when every one is a permutation and there are no Lie
    /// generators.
    public let permutations: [Permutation]?
    /// The Lie generators dρ(A_k), d×d.
    public let lieGenerators: [RationalMatrix]
    private let matrices: [RationalMatrix]?

    /// The number of group generators.
    public var groupGeneratorCount: Int { permutations?.count ?? matrices?.count ?? 0 }

    /// Permutation matrices among the group generators (and no Lie generators) become a permutation
    /// representation unless `keepingMatrices` (the elimination path, kept for cross-checks).
    /// - Throws: `GeometryError.invalidShape` when a matrix is not d×d or a group generator is singular.
    public init(
        dimension d: Int, groupGenerators: [RationalMatrix], lieGenerators: [RationalMatrix] = [],
        keepingMatrices: Bool = false
    ) throws {
        guard d >= 1 else { throw GeometryError.invalidShape("a representation needs dimension ≥ 1, got \(d)") }
        for (k, m) in (groupGenerators + lieGenerators).enumerated() where m.rows != d || m.columns != d {
            throw GeometryError.invalidShape("generator \(k + 1) is \(m.rows)×\(m.columns), not \(d)×\(d)")
        }
        for (k, h) in groupGenerators.enumerated() where h.determinant.isZero {
            throw GeometryError.invalidShape("group generator \(k + 1) is singular (a group acts by invertible maps)")
        }
        dimension = d
        self.lieGenerators = lieGenerators
        // permutation matrices are kept as permutations (orbit methods, exact and fast), never as dense matrices
        let images = lieGenerators.isEmpty && !keepingMatrices ? groupGenerators.map(Self.permutationImages) : []
        if !images.isEmpty, images.allSatisfy({ $0 != nil }) {
            permutations = try images.compactMap { $0 }.map { try Permutation(zeroBasedImages: $0) }
            matrices = nil
        } else {
            matrices = groupGenerators
            permutations = nil
        }
    }

    /// The 0-based images g(j) of a permutation matrix (P[g(j), j] = 1, every other entry 0), or nil.
    static func permutationImages(_ m: RationalMatrix) -> [Int32]? {
        var images = [Int32](repeating: -1, count: m.columns)
        var hit = [Bool](repeating: false, count: m.rows)
        for j in 0..<m.columns {
            for i in 0..<m.rows where !m.isZero(i, j) {
                guard m[i, j] == Rational(1), images[j] < 0, !hit[i] else { return nil }
                images[j] = Int32(i)
                hit[i] = true
            }
            if images[j] < 0 { return nil }
        }
        return images
    }

    /// The permutation representation e_i ↦ e_{g(i)} of permutations of n points.
    public init(permutations: [Permutation], degree n: Int) throws {
        guard n >= 1 else { throw GeometryError.invalidShape("a representation needs at least one point") }
        dimension = n
        self.permutations = try permutations.map { $0.degree == n ? $0 : try $0.extended(to: n) }
        matrices = nil
        lieGenerators = []
    }

    /// The matrix of group generator i (P[g(j), j] = 1 for a permutation).
    public func groupGenerator(_ i: Int) -> RationalMatrix {
        if let m = matrices { return m[i] }
        var p = RationalMatrix(rows: dimension, columns: dimension)
        if let g = permutations?[i] { for j in 0..<dimension { p[g.image(of: j + 1) - 1, j] = Rational(1) } }
        return p
    }

    /// The dual ρ*: h ↦ h^{−T}, A ↦ −Aᵀ (a permutation representation is its own dual).
    public func dual() throws -> Self {
        if permutations != nil { return self }
        return try Self(
            dimension: dimension,
            groupGenerators: (0..<groupGeneratorCount).map { i in
                groupGenerator(i).inverse?.transposed ?? RationalMatrix(rows: dimension, columns: dimension)
            },
            lieGenerators: lieGenerators.map { Rational(-1) * $0.transposed }, keepingMatrices: true)
    }

    /// ρ ⊗ σ: h ↦ ρ(h) ⊗ σ(h), A ↦ dρ(A) ⊗ I + I ⊗ dσ(A); generators paired by position. Tuples are numbered
    /// row-major (index = i·d_σ + j).
    /// - Throws: when the numbers of generators differ, or the product is too large.
    public func tensor(_ other: Self) throws -> Self {
        try requirePaired(other)
        let d = try Self.product(dimension, other.dimension)
        if let p = permutations, let q = other.permutations {
            let pairs = try zip(p, q).map { g, h in
                try Permutation(
                    images: (0..<d).map { x in
                        (g.image(of: x / other.dimension + 1) - 1) * other.dimension
                            + h.image(of: x % other.dimension + 1)
                    })
            }
            return try Self(permutations: pairs, degree: d)
        }
        let group = (0..<groupGeneratorCount).map { groupGenerator($0).kronecker(other.groupGenerator($0)) }
        let (i, j) = (RationalMatrix.identity(dimension), RationalMatrix.identity(other.dimension))
        let lie = zip(lieGenerators, other.lieGenerators).map { a, b in a.kronecker(j) + i.kronecker(b) }
        return try Self(dimension: d, groupGenerators: group, lieGenerators: lie, keepingMatrices: true)
    }

    /// ρ^{⊗k} (k ≥ 0; k = 0 is the trivial representation on ℚ).
    public func tensorPower(_ k: Int) throws -> Self {
        guard k >= 0 else { throw GeometryError.invalidShape("a tensor power needs k ≥ 0, got \(k)") }
        var result = try trivial(like: self)
        for _ in 0..<k { result = try result.tensor(self) }
        return result
    }

    /// ρ ⊕ σ on ℚ^{d_ρ + d_σ}, generators paired by position.
    public func directSum(_ other: Self) throws -> Self {
        try requirePaired(other)
        let d = dimension + other.dimension
        if let p = permutations, let q = other.permutations {
            let sums = try zip(p, q).map { g, h in
                try Permutation(images: g.images + h.images.map { $0 + dimension })
            }
            return try Self(permutations: sums, degree: d)
        }
        func block(_ a: RationalMatrix, _ b: RationalMatrix) -> RationalMatrix {
            var m = RationalMatrix(rows: d, columns: d)
            for r in 0..<a.rows { for c in 0..<a.columns where !a.isZero(r, c) { m[r, c] = a[r, c] } }
            for r in 0..<b.rows {
                for c in 0..<b.columns where !b.isZero(r, c) { m[dimension + r, dimension + c] = b[r, c] }
            }
            return m
        }
        return try Self(
            dimension: d,
            groupGenerators: (0..<groupGeneratorCount).map { block(groupGenerator($0), other.groupGenerator($0)) },
            lieGenerators: zip(lieGenerators, other.lieGenerators).map(block), keepingMatrices: true)
    }

    /// Generators of two representations of one group are paired by position: their counts must agree.
    func requirePaired(_ other: Self) throws {
        guard groupGeneratorCount == other.groupGeneratorCount, lieGenerators.count == other.lieGenerators.count
        else {
            throw GeometryError.invalidShape(
                "the two representations have \(groupGeneratorCount) and \(other.groupGeneratorCount) group "
                    + "generators, \(lieGenerators.count) and \(other.lieGenerators.count) Lie generators: they "
                    + "must pair up, one matrix per generator of the same group")
        }
    }

    /// The dimension of a tensor product, refused past 2^24.
    static func product(_ a: Int, _ b: Int) throws -> Int {
        let (d, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow, d <= 1 << 24 else {
            throw GeometryError.tooLarge("a tensor product of dimension \(a)·\(b) is too large (limit 2^24)")
        }
        return d
    }
}

/// The trivial representation on ℚ with as many generators as ρ (identities, zero Lie matrices).
private func trivial(like rho: MatrixRepresentation) throws -> MatrixRepresentation {
    if let p = rho.permutations {
        return try MatrixRepresentation(permutations: p.map { _ in Permutation(identityOn: 1) }, degree: 1)
    }
    return try MatrixRepresentation(
        dimension: 1, groupGenerators: (0..<rho.groupGeneratorCount).map { _ in RationalMatrix.identity(1) },
        lieGenerators: rho.lieGenerators.map { _ in RationalMatrix(rows: 1, columns: 1) }, keepingMatrices: true)
}

extension MatrixRepresentation {
    /// A generic representation of a free group by m invertible d×d integer matrices (MATH.md §9.2): entries
    /// uniform in −9…9 from a seeded SplitMix, plus 100 on the diagonal (strictly diagonally dominant, hence
    /// invertible). Generically its commutant is the scalars (m ≥ 2) or the polynomials in the generator (m = 1).
    /// - Throws: `GeometryError` for sizes the representation refuses.
    public static func generic(generators m: Int, dimension d: Int, seed: UInt64) throws -> MatrixRepresentation {
        var rng = SplitMix(seed)
        let generators = (0..<m).map { _ -> RationalMatrix in
            var g = RationalMatrix(rows: d, columns: d)
            for i in 0..<d { for j in 0..<d { g[i, j] = Rational(Int(rng.next() % 19) - 9) } }
            for i in 0..<d { g[i, i] += Rational(100) }
            return g
        }
        return try MatrixRepresentation(dimension: d, groupGenerators: generators)
    }
}
