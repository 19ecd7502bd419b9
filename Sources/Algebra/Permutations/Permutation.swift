/// A permutation σ of the points {1, …, n} (GAP's convention: points are 1-based).
///
/// Cycle notation `(1 3 4)(2 5)` maps 1→3→4→1 and 2→5→2. The permutation matrix acts on
/// coordinates by P_σ e_j = e_σ(j) (MATH.md §1). Products follow GAP: στ applies σ first, then τ.
///
///     let s = try Permutation(cycles: "(1 3 4)(2 5)")
///     s.image(of: 1)   // 3
///     s.order          // 6
public struct Permutation: Sendable, Hashable {
    /// 0-based images: `storage[i]` is σ(i+1) − 1.
    var storage: [Int32]

    /// The number n of points acted on (fixed points included).
    public var degree: Int { storage.count }

    /// The permutation with σ(i) = images[i − 1] (1-based images).
    /// - Throws: `PermutationError` if `images` is not a permutation of 1…n.
    public init(images: [Int]) throws {
        let n = images.count
        try Self.requireMemory(degree: n)
        var seen = [Bool](repeating: false, count: n)
        var s = [Int32](repeating: 0, count: n)
        for (i, v) in images.enumerated() {
            guard v >= 1 else { throw PermutationError.nonPositivePoint(v) }
            guard v <= n else { throw PermutationError.pointOutOfRange(point: v, degree: n) }
            guard !seen[v - 1] else { throw PermutationError.repeatedPoint(v) }
            seen[v - 1] = true
            s[i] = Int32(v - 1)
        }
        storage = s
    }

    /// Refuses degrees past 2^31 − 2 and permutations whose construction (about 16 bytes a point)
    /// exceeds `MemoryBudget.limit`.
    static func requireMemory(degree n: Int) throws {
        guard n < Int(Int32.max) else {
            throw PermutationError.tooLarge("\(n) points (permutations act on at most 2^31 − 2 points)")
        }
        try MemoryBudget.require(
            ByteCount.product(n, 16), for: "a permutation of \(n) points",
            advice: "use fewer points; counting components needs only the cycle type")
    }

    /// The identity on n points.
    public init(identityOn n: Int) {
        precondition(n >= 0 && n < Int(Int32.max))
        storage = (0..<Int32(n)).map { $0 }
    }

    /// Trusted 0-based images (already a permutation).
    init(unchecked zeroBased: [Int32]) { storage = zeroBased }

    /// σ(point), 1-based.
    /// - Precondition: 1 ≤ point ≤ degree.
    public func image(of point: Int) -> Int { Int(storage[point - 1]) + 1 }

    /// The images σ(1), …, σ(n) (one-line notation).
    public var images: [Int] { storage.map { Int($0) + 1 } }

    /// Whether σ fixes every point.
    public var isIdentity: Bool { storage.indices.allSatisfy { storage[$0] == Int32($0) } }

    /// The same permutation on n ≥ degree points (extra points fixed).
    public func extended(to n: Int) throws -> Permutation {
        guard n >= degree else { throw PermutationError.degreeTooSmall(given: n, needed: degree) }
        try Self.requireMemory(degree: n)
        return Permutation(unchecked: storage + (Int32(degree)..<Int32(n)).map { $0 })
    }
}

extension Permutation {
    /// στ in GAP's convention: apply σ, then τ. (στ)(i) = τ(σ(i)).
    /// - Precondition: same degree.
    public static func * (a: Permutation, b: Permutation) -> Permutation {
        precondition(a.degree == b.degree, "product of permutations of different degrees")
        return Permutation(unchecked: a.storage.map { b.storage[Int($0)] })
    }

    /// σ⁻¹.
    public var inverse: Permutation {
        var inv = [Int32](repeating: 0, count: degree)
        for (i, v) in storage.enumerated() { inv[Int(v)] = Int32(i) }
        return Permutation(unchecked: inv)
    }

    /// σ^k for any integer k, applied along cycles (O(n), independent of k).
    public func power(_ k: Int) -> Permutation {
        var out = [Int32](repeating: 0, count: degree)
        for cycle in zeroBasedCycles {
            let c = cycle.count
            let shift = ((k % c) + c) % c
            for (s, p) in cycle.enumerated() { out[Int(p)] = cycle[(s + shift) % c] }
        }
        return Permutation(unchecked: out)
    }

    /// The order of σ: lcm of its cycle lengths, exact (it can exceed Int for large n).
    public var order: BigInteger {
        var lengths = Set(zeroBasedCycles.map(\.count))
        lengths.remove(1)
        return lengths.reduce(BigInteger(1)) { BigInteger.lcm($0, BigInteger($1)) }
    }
}
