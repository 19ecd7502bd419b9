import Algebra

/// The G-equivariant linear maps R^{n^p} → R^{n^q}, G acting diagonally on index tuples (MATH.md §6):
/// W is equivariant iff W[g·a, g·b] = W[a, b], so a basis is the 0/1 indicators of the orbits of G on
/// pairs (output tuple, input tuple) — the orbitals. p = q = 1 is the ordinary layer, q = 0 gives
/// invariants. `index[out·n^p + in]` is the orbit number: PyTorch/JAX users write W = θ[index].
///
///     S_8 on T2 → T2: a 64×64 layer (4096 index pairs) with 15 orbits, the Bell number B_4.
public struct EquivariantLayer: Sendable {
    /// How the orbits on index pairs are known.
    public enum Orbits: Sendable {
        /// Every (output, input) pair's orbit, row-major over [n^q, n^p], numbered by smallest pair.
        case listed([Int32])
        /// G has S_n's orbits (`PermutationGroup.hasSymmetricTupleOrbits`): an orbit is an equality pattern of the
        /// q + p places (output places first), given by its restricted growth string, numbered in lexicographic
        /// order of the strings (the order of each orbit's smallest pair, as listed orbits are numbered).
        case setPartitions([[Int]])
        /// Counted by Burnside's lemma over G's elements; n^{p+q} pairs are too many to list.
        case counted
    }

    /// G, acting on every factor of the tensor powers.
    public let group: PermutationGroup
    /// p, the tensor power of the input.
    public let inputPower: Int
    /// q, the tensor power of the output.
    public let outputPower: Int
    /// The orbits on (output, input) index pairs.
    public let orbits: Orbits
    /// Number of orbits = number of free parameters.
    public let parameterCount: Int

    /// The orbits of G on (output, input) index pairs, found the cheapest way: S_n's set partitions (any n, no
    /// tuple listed), the listed orbits (union-find over n^{p+q} pairs), or Burnside's count (small |G|).
    /// - Throws: `PermutationError.tooLarge` when n^{p+q} pairs are too many to list and G is neither recognised
    ///   as having S_n's orbits nor small enough to count by its elements.
    public init(group: PermutationGroup, inputPower p: Int, outputPower q: Int) throws {
        guard (0...Self.maximumPower).contains(p), (0...Self.maximumPower).contains(q) else {
            throw GeometryError.invalidShape(
                "tensor powers must be between 0 and \(Self.maximumPower), got in \(p), out \(q)")
        }
        self.group = group
        inputPower = p
        outputPower = q
        let n = group.degree
        if try group.hasSymmetricTupleOrbits(length: p + q) {
            let partitions = PermutationGroup.setPartitions(places: p + q, maxBlocks: max(n, 1))
            orbits = .setPartitions(partitions)
            parameterCount = partitions.count
        } else if Self.pairCount(n, p + q) <= PermutationGroup.maximumTuples {
            let (orbitOf, count) = try group.orbitsOnTuples(length: p + q)
            orbits = .listed(orbitOf)
            parameterCount = count
        } else if n <= Self.largestBurnsideDegree, let count = group.burnsideOrbitCount(length: p + q) {
            orbits = .counted
            parameterCount = count
        } else {
            let limit = PermutationGroup.maximumTuples
            throw PermutationError.tooLarge(
                "\(n)^\(p + q) index tuples (limit \(limit)); use fewer points or lower tensor powers")
        }
    }

    /// Largest tensor power accepted (n^{p+q} index tuples must fit in memory anyway).
    public static let maximumPower = 16

    /// Largest n for which a group too large to list is counted by its elements (its stabiliser chain).
    public static let largestBurnsideDegree = 10_000

    /// n^k, saturating at Int.max.
    static func pairCount(_ n: Int, _ k: Int) -> Int { ByteCount.product([Int](repeating: n, count: k)) }

    /// The orbit number of every (output, input) pair, row-major over [n^q, n^p]: listed, or from the pairs'
    /// equality patterns when G has S_n's orbits and n^{p+q} ≤ `limit`; nil otherwise.
    public func index(limit: Int = PermutationGroup.maximumTuples) -> [Int32]? {
        switch orbits {
        case .listed(let index): return index
        case .counted: return nil
        case .setPartitions(let partitions):
            let n = group.degree
            let k = inputPower + outputPower
            let total = Self.pairCount(n, k)
            guard total <= limit else { return nil }
            // a pattern's key: its restricted growth string read in base k + 1
            let key = { (r: [Int]) in r.reduce(0) { $0 * (k + 1) + $1 } }
            var number: [Int: Int32] = [:]
            for (i, r) in partitions.enumerated() { number[key(r)] = Int32(i) }
            var digits = [Int](repeating: 0, count: k)
            var firstOf = [Int](repeating: 0, count: k)  // the value of each block seen so far
            var index = [Int32](repeating: 0, count: total)
            for x in 0..<total {
                var blocks = 0
                var code = 0
                for t in 0..<k {
                    var label = 0
                    while label < blocks && firstOf[label] != digits[t] { label += 1 }
                    if label == blocks {
                        firstOf[blocks] = digits[t]
                        blocks += 1
                    }
                    code = code * (k + 1) + label
                }
                index[x] = number[code] ?? -1
                Tuples.advance(&digits, base: n)
            }
            return index
        }
    }

    /// [n^q, n^p] (each saturating at Int.max).
    public var shape: [Int] { [Self.pairCount(group.degree, outputPower), Self.pairCount(group.degree, inputPower)] }

    /// n^{p+q}, the entries of a dense W, exactly.
    public var denseEntries: BigInteger { BigInteger(group.degree).power(UInt(inputPower + outputPower)) }

    /// How the orbits were found: `set-partitions`, `listed` or `burnside`.
    public var method: String {
        switch orbits {
        case .setPartitions: return "set-partitions"
        case .listed: return "listed"
        case .counted: return "burnside"
        }
    }
}
