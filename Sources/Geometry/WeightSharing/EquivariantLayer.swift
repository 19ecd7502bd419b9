import Algebra

/// The G-equivariant linear maps R^{n^p} → R^{n^q}, G acting diagonally on index tuples (MATH.md §6):
/// W is equivariant iff W[g·a, g·b] = W[a, b], so a basis is the 0/1 indicators of the orbits of G on
/// pairs (output tuple, input tuple) — the orbitals. p = q = 1 is the ordinary layer, q = 0 gives
/// invariants. `index[out·n^p + in]` is the orbit number: PyTorch/JAX users write W = θ[index].
///
///     S_8 on T2 → T2: a 64×64 layer (4096 index pairs) with 15 orbits, the Bell number B_4.
public struct EquivariantLayer: Sendable {
    /// G, acting on every factor of the tensor powers.
    public let group: PermutationGroup
    /// p, the tensor power of the input.
    public let inputPower: Int
    /// q, the tensor power of the output.
    public let outputPower: Int
    /// Orbit number of each (output, input) pair, row-major over [n^q, n^p].
    public let index: [Int32]
    /// Number of orbits = number of free parameters.
    public let parameterCount: Int

    /// - Throws: `PermutationError.tooLarge` when n^{p+q} exceeds `PermutationGroup.maximumTuples`.
    public init(group: PermutationGroup, inputPower p: Int, outputPower q: Int) throws {
        guard (0...Self.maximumPower).contains(p), (0...Self.maximumPower).contains(q) else {
            throw GeometryError.invalidShape(
                "tensor powers must be between 0 and \(Self.maximumPower), got in \(p), out \(q)")
        }
        self.group = group
        inputPower = p
        outputPower = q
        let (orbitOf, count) = try group.orbitsOnTuples(length: p + q)
        index = orbitOf
        parameterCount = count
    }

    /// Largest tensor power accepted (n^{p+q} index tuples must fit in memory anyway).
    public static let maximumPower = 16

    /// [n^q, n^p].
    public var shape: [Int] {
        let n = group.degree
        return [power(n, outputPower), power(n, inputPower)]
    }
}

func power(_ base: Int, _ e: Int) -> Int { (0..<e).reduce(1) { acc, _ in acc * base } }
