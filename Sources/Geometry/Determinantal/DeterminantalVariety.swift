import Algebra

/// The determinantal variety M_{r,m×n} = {W ∈ R^{m×n} : rank W ≤ r} (MATH.md §2).
///
///     let v = try DeterminantalVariety(rows: 3, columns: 3, rank: 1)
///     v.dimension   // 5
///     v.degree      // 6
///     v.edDegree    // 3
public struct DeterminantalVariety: Sendable, Hashable {
    /// m, the number of rows.
    public let rows: Int
    /// n, the number of columns.
    public let columns: Int
    /// r, the rank bound.
    public let rank: Int

    /// What kind of variety M_r is.
    public enum Kind: String, Sendable, Codable {
        /// r = 0: the single matrix 0.
        case point
        /// r = min(m, n): every matrix.
        case wholeSpace = "whole_space"
        /// 0 < r < min(m, n).
        case proper
    }

    /// M_{r,m×n}.
    /// - Throws: `GeometryError` unless m, n ≥ 1 and 0 ≤ r ≤ min(m, n).
    public init(rows m: Int, columns n: Int, rank r: Int) throws {
        guard m >= 1, n >= 1 else {
            throw GeometryError.invalidShape("matrix size \(m)×\(n) must have positive rows and columns")
        }
        guard m <= CycleType.maximumDegree, n <= CycleType.maximumDegree else {
            throw GeometryError.tooLarge("matrix size \(m)×\(n) exceeds 2^31 − 1")
        }
        guard r >= 0, r <= min(m, n) else {
            throw GeometryError.rankOutOfRange(rank: r, maximum: min(m, n), what: "\(m)×\(n) matrices")
        }
        rows = m
        columns = n
        rank = r
    }

    /// Trusted construction (arguments already checked).
    init(checkedRows m: Int, columns n: Int, rank r: Int) {
        rows = m
        columns = n
        rank = r
    }

    /// dim M_{r,m×n} = r(m + n − r).
    public var dimension: Int { rank * (rows + columns - rank) }

    /// dim of the ambient space, m·n.
    public var ambientDimension: Int { rows * columns }

    /// A point (r = 0), the whole space (r = min(m, n)) or a proper determinantal variety.
    public var kind: Kind { rank == 0 ? .point : (rank == min(rows, columns) ? .wholeSpace : .proper) }

    /// deg M_{r,m×n} = ∏_{i=0}^{p−r−1} C(q+i, r) / C(r+i, r), p = min, q = max (Harris, Ex. 19.10).
    /// - Complexity: p − r big binomials, multiplied by product trees, and one exact division.
    /// - Throws: `GeometryError.tooLarge` when the a-priori bound on its size exceeds `maximumResultBits`.
    public var degree: BigInteger {
        get throws {
            try Self.checkSize(
                Self.degreeBitBound(rows: rows, columns: columns, rank: rank),
                "the degree of M_{\(rank),\(rows)×\(columns)}")
            return Self.degree(rows: rows, columns: columns, rank: rank)
        }
    }

    /// Results (degrees, ED degrees) whose a-priori size bound exceeds this many bits are refused
    /// before any work: 2^27 bits is about 40 million decimal digits.
    public static let maximumResultBits = 1 << 27

    static func checkSize(_ bits: Int?, _ what: String) throws {
        guard let b = bits, b <= maximumResultBits else {
            throw GeometryError.tooLarge(
                "\(what) may have more than 2^27 bits (about 40 million digits); "
                    + "eqgeom refuses to compute it. Use a smaller case."
            )
        }
    }

    /// bits(C(N, k)) ≤ min(k, N − k)·⌈log2(N+1)⌉; nil on overflow.
    static func binomialBitBound(_ n: Int, _ k: Int) -> Int? {
        let (b, o) = min(k, n - k).multipliedReportingOverflow(by: Int.bitWidth - (n + 1).leadingZeroBitCount)
        return o ? nil : b
    }

    /// A bound on the bits of deg M_{r,m×n}: the numerator ∏_{i<p−r} C(q+i, r) bounds it.
    static func degreeBitBound(rows: Int, columns: Int, rank r: Int) -> Int? {
        let p = min(rows, columns)
        let q = max(rows, columns)
        if r == 0 || r == p { return 1 }
        guard let one = binomialBitBound(q + p - r, r) else { return nil }
        let (b, o) = one.multipliedReportingOverflow(by: p - r)
        return o ? nil : b
    }

    static func degree(rows: Int, columns: Int, rank r: Int) -> BigInteger {
        let p = min(rows, columns)
        let q = max(rows, columns)
        if r == 0 || r == p { return 1 }
        let count = p - r
        let numerator = productTree((0..<count).map { BigInteger.binomial(UInt(q + $0), UInt(r)) })
        let denominator = productTree((0..<count).map { BigInteger.binomial(UInt(r + $0), UInt(r)) })
        return numerator.exactQuotient(denominator) ?? numerator / denominator
    }

    /// ED degree of M_{r,m×n} = C(min(m,n), r) (Eckart–Young; Draisma et al., Ex. 2.3).
    /// - Throws: `GeometryError.tooLarge` beyond `maximumResultBits`.
    public var edDegree: BigInteger {
        get throws {
            try Self.checkSize(
                Self.binomialBitBound(min(rows, columns), rank), "the ED degree of M_{\(rank),\(rows)×\(columns)}")
            return BigInteger.binomial(UInt(min(rows, columns)), UInt(rank))
        }
    }

    /// Sing M_r = M_{r−1} when 0 < r < min(m, n); `nil` (empty) for a point or the whole space.
    public var singularLocus: DeterminantalVariety? {
        kind == .proper ? DeterminantalVariety(checkedRows: rows, columns: columns, rank: rank - 1) : nil
    }
}

/// The product of `factors` by a balanced tree, so big factors meet at similar sizes.
func productTree(_ factors: [BigInteger]) -> BigInteger {
    if factors.isEmpty { return 1 }
    var level = factors
    while level.count > 1 {
        var next: [BigInteger] = []
        next.reserveCapacity((level.count + 1) / 2)
        var i = 0
        while i + 1 < level.count {
            next.append(level[i] * level[i + 1])
            i += 2
        }
        if i < level.count { next.append(level[i]) }
        level = next
    }
    return level[0]
}
