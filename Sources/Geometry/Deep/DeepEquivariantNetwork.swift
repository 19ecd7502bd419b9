import Algebra

/// A deep linear network ℝ^n → V_1 → … → V_{L−1} → ℝ^n whose every layer is G-equivariant (MATH.md §13): hidden
/// layer i carries the G-module ⊕_b ρ_b^{m_{i,b}} (multiplicities over D_b), so each layer is, block by block, a
/// matrix over D and the end-to-end map on block b is a product of L of them. Its function space is the
/// component-like set V_t with the bottleneck t_b = min(μ_b, min_i m_{i,b}); dense networks are the trivial group.
///
///     D4 on 3×3 (blocks R1.1 μ=3, R1.2 μ=1, R1.3 μ=1, R2.1 μ=2), hidden layers (2,0,1,1) and (1,1,1,2):
///     bottleneck (1,0,1,1), rank 4.
public struct DeepEquivariantNetwork: Sendable {
    /// The blocks of ℝ^n (input and output), in canonical order.
    public let blocks: [IsotypicBlock]
    /// m_{i,b}: per hidden layer, the multiplicity of every block.
    public let hidden: [[Int]]
    /// Real parameters: Σ_layers Σ_b δ_b m_{i,b} m_{i−1,b} (a D-matrix per block and layer, MATH.md §13.1).
    public let parameterCount: Int

    /// A network with the given hidden modules.
    /// - Throws: `GeometryError.invalidArgument` for a multiplicity list of the wrong length or a negative entry.
    public init(blocks: [IsotypicBlock], hidden: [[Int]]) throws {
        for (i, m) in hidden.enumerated() {
            guard m.count == blocks.count, m.allSatisfy({ $0 >= 0 }) else {
                throw GeometryError.invalidShape(
                    "hidden layer \(i + 1) gives \(m.count) multiplicities for \(blocks.count) blocks (each ≥ 0)")
            }
        }
        let sizes = [blocks.map(\.multiplicity)] + hidden + [blocks.map(\.multiplicity)]
        var count = 0
        for (a, b) in zip(sizes, sizes.dropFirst()) {
            for k in blocks.indices {
                count = ByteCount.sum(count, ByteCount.product(blocks[k].type.dimension, a[k], b[k]))
            }
        }
        for m in hidden {
            let width = zip(blocks, m).reduce(0) { ByteCount.sum($0, ByteCount.product($1.0.weight, $1.1)) }
            guard width <= CycleType.maximumDegree, count < Int.max else {
                throw GeometryError.tooLarge("a hidden layer of width \(width) is beyond eqgeom's 2^31 − 1 points")
            }
        }
        self.blocks = blocks
        self.hidden = hidden
        parameterCount = count
    }

    /// L, the number of layers (hidden layers + 1).
    public var depth: Int { hidden.count + 1 }

    /// t_b = min(μ_b, min_i m_{i,b}): the largest D-rank the product can have on block b.
    public var bottleneck: [Int] {
        blocks.indices.map { b in hidden.reduce(blocks[b].multiplicity) { min($0, $1[b]) } }
    }

    /// Σ_b w_b t_b: the largest rank of the end-to-end map.
    public var rank: Int { zip(blocks, bottleneck).reduce(0) { $0 + $1.0.weight * $1.1 } }

    /// The function space V_t (t the bottleneck), with its dimension, degree and ED degree.
    public var functionSpace: EquivariantComponent {
        EquivariantComponent(blocks: blocks, tuple: bottleneck, rank: rank)
    }

    /// dim_ℝ of every layer: n, Σ_b w_b m_{i,b} for the hidden layers, n.
    public var widths: [Int] {
        let n = blocks.reduce(0) { $0 + $1.weight * $1.multiplicity }
        return [n] + hidden.map { m in zip(blocks, m).reduce(0) { $0 + $1.0.weight * $1.1 } } + [n]
    }

    /// The cheapest network of `depth` layers whose function space is V_t: every hidden module ⊕ ρ_b^{t_b}.
    public static func cheapest(for tuple: [Int], blocks: [IsotypicBlock], depth: Int) throws -> Self {
        try Self(blocks: blocks, hidden: Array(repeating: tuple, count: max(depth - 1, 0)))
    }
}
