import Algebra

/// The real isotypic blocks of ℝ^n under a finite permutation group, in canonical order (MATH.md §8.1–§8.3, §8.9):
/// everything the equivariant variety, its components and their counts need. One permutation
/// (`BlockStructure`, the cyclic group it generates, known from its cycle type alone) and any group
/// (`IsotypicDecomposition`) conform; the cyclic case is the fast one (closed forms, no orbitals).
public protocol BlockDecomposition: Sendable {
    associatedtype Block: RealBlock
    /// n, the number of points.
    var degree: Int { get }
    /// The blocks in canonical order.
    var blocks: [Block] { get }
    /// The number of orbits of the group on [n] (the multiplicity of the trivial block).
    var orbitCount: Int { get }
    /// The cycle type of the permutation that generates the group, when the group is given by one.
    var generatorCycleType: CycleType? { get }
    /// The weights and multiplicities of the blocks, for counting components (MATH.md §4.3).
    var shapes: BlockShapes { get }
}

extension BlockDecomposition {
    /// Nil: a group given by several generators has no single cycle type.
    public var generatorCycleType: CycleType? { nil }

    /// The weights and multiplicities of the blocks, read off the blocks.
    public var shapes: BlockShapes { BlockShapes(blocks) }

    /// The blocks' labels in canonical order.
    public var labels: [String] { blocks.map(\.label) }

    /// dim End_G(ℝ^n) = Σ δ μ², the number of orbitals of G on [n]² (Burnside; MATH.md §8.1).
    public var commutantDimension: Int {
        blocks.reduce(0) { $0 + $1.type.dimension * $1.multiplicity * $1.multiplicity }
    }

    /// Σ over weight-1 blocks of μ: the rank taken by saturating every weight-1 block.
    public var realCapacity: Int { blocks.reduce(0) { $0 + ($1.weight == 1 ? $1.multiplicity : 0) } }

    /// Both component counts at rank r (see `BlockShapes`).
    public func componentCount(rank r: Int) throws -> ComponentCount { try shapes.componentCount(rank: r) }

    /// The counts for every rank r = 0…n.
    public func componentCountsByRank() throws -> [ComponentCount] { try shapes.componentCountsByRank() }

    /// Parses a tuple written positionally in canonical block order (`13,10,9,…`, one entry per block) or
    /// keyed by block label (`1/1=13,28/27=10`, `R1.1=2,H4.1=1`; missing blocks 0).
    /// - Throws: `GeometryError` for non-numbers, unknown or repeated blocks, or a wrong length. Ranges and
    ///   maximality are checked by `EquivariantVariety.validateComponent`.
    public func parseTuple(_ text: String) throws -> [Int] {
        try TupleNotation(parsing: text).resolve(labels: labels)
    }

    /// The tuple written positionally, `13,10,9,…`.
    public func format(_ tuple: [Int]) -> String { tuple.map(String.init).joined(separator: ",") }
}
