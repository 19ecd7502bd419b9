import Algebra

/// The design question of MATH.md §13.2: which hidden layers realise the function space V_t? The cheapest hidden
/// G-module is ⊕_b ρ_b^{t_b} (dimension Σ w_b t_b, the rank); as copies of the input G-set ℝ^n it takes
/// c = max_b ⌈t_b/μ_b⌉ channels; for one permutation σ, the ⟨σ⟩-set with the fewest points whose block
/// multiplicities reach t (`BlockStructure.cheapestCycles`).
public struct NetworkDesign: Sendable {
    /// The component t to realise.
    public let tuple: [Int]
    /// Hidden layers carrying ⊕ ρ_b^{t_b}.
    public let module: DeepEquivariantNetwork
    /// Channels of the input G-set per hidden layer.
    public let channels: Int
    /// Hidden layers carrying `channels` copies of ℝ^n.
    public let channelNetwork: DeepEquivariantNetwork
    /// For one permutation: the cheapest ⟨σ⟩-set's cycle lengths, and the network with it in every hidden layer.
    public let cycles: (lengths: CycleType, network: DeepEquivariantNetwork)?

    /// The designs of `depth` layers for component t of the decomposition.
    /// - Throws: `GeometryError` when t does not fit the blocks.
    public init(_ decomposition: some BlockDecomposition, tuple: [Int], depth: Int) throws {
        let blocks = decomposition.blocks.map(\.isotypic)
        try BlockShapes(blocks).validateTuple(tuple, labels: decomposition.labels, rank: Int.max)
        self.tuple = tuple
        module = try .cheapest(for: tuple, blocks: blocks, depth: depth)
        let c = zip(blocks, tuple).reduce(0) { max($0, ($1.1 + $1.0.multiplicity - 1) / max($1.0.multiplicity, 1)) }
        channels = c
        let copies = blocks.map { c * $0.multiplicity }
        channelNetwork = try DeepEquivariantNetwork(blocks: blocks, hidden: Array(repeating: copies, count: depth - 1))
        if let structure = decomposition as? BlockStructure {
            let lengths = structure.cheapestCycles(covering: tuple)
            let m = try structure.multiplicities(ofCycles: lengths)
            cycles = (
                lengths, try DeepEquivariantNetwork(blocks: blocks, hidden: Array(repeating: m, count: depth - 1))
            )
        } else {
            cycles = nil
        }
    }
}
