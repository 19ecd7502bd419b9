import Algebra

/// The invariant variety I^G_{r,m×n} = {W ∈ M_{r,m×n} : W P_g = W for all g ∈ G} (MATH.md §3).
///
/// W is invariant exactly when its columns agree on each orbit of G. Keeping one column per orbit
/// (ψ) identifies I^G_{r,m×n} with M_{ρ,m×k}, k = number of orbits, ρ = min(r, k), which gives the
/// dimension, degree, ED degree and singular locus.
///
///     σ = (1 3 4)(2 5), m = 2, r = 1: orbits {1,3,4},{2,5}, k = 2, dim 3, degree 2, ED degree 2.
public struct InvariantVariety: Sendable {
    /// G, the permutation group acting on the columns.
    public let group: PermutationGroup
    /// m, the number of output rows.
    public let rows: Int
    /// r, the bound on the rank.
    public let rank: Int
    /// The orbits of G (1-based points, sorted), in order of their smallest point.
    public let orbits: [[Int]]

    /// I^G_{r,m×n} for n = the group's degree.
    /// - Throws: `GeometryError` unless m ≥ 1, n ≥ 1 and 0 ≤ r ≤ min(m, n).
    public init(group: PermutationGroup, rows m: Int, rank r: Int) throws {
        let n = group.degree
        guard m >= 1, n >= 1 else {
            throw GeometryError.invalidShape("invariant matrices need m ≥ 1 rows and n ≥ 1 points, got \(m)×\(n)")
        }
        guard m <= CycleType.maximumDegree else { throw GeometryError.tooLarge("\(m) rows exceed 2^31 − 1") }
        guard r >= 0, r <= min(m, n) else {
            throw GeometryError.rankOutOfRange(rank: r, maximum: min(m, n), what: "\(m)×\(n) matrices")
        }
        self.group = group
        rows = m
        rank = r
        orbits = group.orbits
    }

    /// n, the number of input points.
    public var columns: Int { group.degree }
    /// k, the number of orbits.
    public var orbitCount: Int { orbits.count }
    /// ρ = min(r, k), the largest rank an invariant matrix reaches here.
    public var effectiveRank: Int { min(rank, orbitCount) }

    /// M_{ρ,m×k}, isomorphic to this variety through ψ.
    public var reduced: DeterminantalVariety {
        DeterminantalVariety(checkedRows: rows, columns: orbitCount, rank: effectiveRank)
    }

    /// dim = ρ(m + k − ρ).
    public var dimension: Int { reduced.dimension }
    /// deg = deg M_{ρ,m×k}.
    public var degree: BigInteger { get throws { try reduced.degree } }
    /// ED degree = C(min(m, k), ρ) (ψ scaled by √|A| per orbit is an isometry).
    public var edDegree: BigInteger { get throws { try reduced.edDegree } }
    /// Sing = invariant matrices of rank ≤ ρ − 1, or `nil` (empty) when M_{ρ,m×k} is a point or everything.
    public var singularLocus: InvariantVariety? {
        guard let s = reduced.singularLocus else { return nil }
        return try? InvariantVariety(group: group, rows: rows, rank: s.rank)
    }

    /// Whether W (m×n) satisfies W P_g = W for every generator g, i.e. its columns agree on orbits.
    public func isInvariant(_ w: RationalMatrix) -> Bool {
        guard w.rows == rows, w.columns == columns else { return false }
        for orbit in orbits {
            let first = orbit[0] - 1
            for p in orbit.dropFirst() { for i in 0..<rows where w[i, p - 1] != w[i, first] { return false } }
        }
        return true
    }

    /// ψ(W): the m×k matrix of one column (the smallest point's) per orbit.
    /// - Throws: `GeometryError` if W has the wrong shape or is not invariant.
    public func psi(_ w: RationalMatrix) throws -> RationalMatrix {
        guard w.rows == rows, w.columns == columns else {
            throw GeometryError.invalidShape("ψ needs a \(rows)×\(columns) matrix, got \(w.rows)×\(w.columns)")
        }
        guard isInvariant(w) else {
            throw GeometryError.notInvariant("the matrix is not invariant: its columns differ within an orbit")
        }
        var v = RationalMatrix(rows: rows, columns: orbitCount)
        for (a, orbit) in orbits.enumerated() { for i in 0..<rows { v[i, a] = w[i, orbit[0] - 1] } }
        return v
    }

    /// ψ⁻¹(V) = V·E_P: the invariant m×n matrix whose columns on orbit A all equal column A of V.
    /// - Throws: `GeometryError` if V is not m×k.
    public func psiInverse(_ v: RationalMatrix) throws -> RationalMatrix {
        guard v.rows == rows, v.columns == orbitCount else {
            throw GeometryError.invalidShape("ψ⁻¹ needs a \(rows)×\(orbitCount) matrix, got \(v.rows)×\(v.columns)")
        }
        return v * RationalMatrix(encoderPattern)
    }

    /// E_P ∈ {0,1}^{k×n}: entry (A, j) is 1 when point j+1 lies in orbit A. Every invariant W of rank k
    /// factors as ψ(W)·E_P; the autoencoder with encoder columns shared on orbits and a dense decoder
    /// has function space exactly I^G_{r,m×n} (MATH.md §3).
    public var encoderPattern: IntegerMatrix {
        var e = IntegerMatrix(rows: orbitCount, columns: columns)
        for (a, orbit) in orbits.enumerated() { for p in orbit { e[a, p - 1] = 1 } }
        return e
    }

    /// Parameters of that autoencoder R^n → R^r → R^m: r·k (shared encoder) + m·r (dense decoder).
    public var parameterCount: Int { rank * orbitCount + rows * rank }
    /// Parameters of a dense autoencoder R^n → R^r → R^m: r·n + m·r.
    public var denseParameterCount: Int { rank * columns + rows * rank }
}
