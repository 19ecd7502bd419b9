import Algebra

/// The real block structure of σ-equivariant matrices (MATH.md §4.1–4.2): the blocks (l, m) with
/// their multiplicities d_l and weights, in eqgeom's canonical order (by the angle (l − m)/l, from
/// (1,1) at 0 up to (2,1) at π: the paper's MNIST order).
///
/// Only the cycle type of σ matters, so this works for n far beyond what fits in memory as a permutation.
///
///     28×28 horizontal shift (cycle type 28^28): 15 blocks, (1,1), (28,27), (14,13), …, (28,15), (2,1),
///     every multiplicity 28; commutant dimension 21,952.
public struct BlockStructure: BlockDecomposition, Hashable {
    /// The cycle type of σ: all the blocks depend on.
    public let cycleType: CycleType
    /// The blocks in canonical order.
    public let blocks: [SpectralBlock]

    /// The blocks of any σ of this cycle type: d_l = the number of cycles whose length l divides.
    public init(cycleType: CycleType) {
        self.cycleType = cycleType
        // d_l = Σ over cycle lengths c divisible by l of the number of such cycles.
        var d: [Int: Int] = [:]
        for (c, count) in cycleType.parts { for l in divisors(of: c) { d[l, default: 0] += count } }
        var blocks: [SpectralBlock] = []
        for (l, mult) in d {
            switch l {
            case 1: blocks.append(SpectralBlock(l: 1, m: 1, multiplicity: mult))
            case 2: blocks.append(SpectralBlock(l: 2, m: 1, multiplicity: mult))
            default:
                for m in (l / 2 + 1)..<l where gcd(m, l) == 1 {
                    blocks.append(SpectralBlock(l: l, m: m, multiplicity: mult))
                }
            }
        }
        // angle (l − m)/l ascending; (l1−m1)·l2 < (l2−m2)·l1 fits in Int since l < 2^31.
        self.blocks = blocks.sorted { ($0.l - $0.m) * $1.l < ($1.l - $1.m) * $0.l }
    }

    /// The blocks of σ (only its cycle type matters).
    public init(_ sigma: Permutation) { self.init(cycleType: sigma.cycleType) }

    /// The block structure, refused when it would have more than `maximumBlocks` blocks (a single
    /// cycle of length c has about c/2 blocks).
    /// - Throws: `GeometryError.tooLarge`.
    public init(checking cycleType: CycleType) throws {
        let count = Self.blockCount(cycleType)
        try MemoryBudget.require(
            ByteCount.product(count, 256), for: "\(count) eigenvalue blocks",
            advice: "use cycles with fewer distinct divisors or shorter cycles")
        guard count <= Self.maximumBlocks else {
            throw GeometryError.tooLarge(
                "cycle type \(cycleType) gives \(count) eigenvalue blocks (limit \(Self.maximumBlocks)); "
                    + "use cycles with fewer distinct divisors or shorter cycles"
            )
        }
        self.init(cycleType: cycleType)
    }

    /// Most blocks a checked structure may have (2^22).
    public static let maximumBlocks = 1 << 22

    /// Σ over distinct divisors l of the cycle lengths of the number of blocks (l, m): 1 for l ≤ 2,
    /// φ(l)/2 otherwise. Computed without building the blocks.
    public static func blockCount(_ cycleType: CycleType) -> Int {
        var ls = Set<Int>()
        for (c, _) in cycleType.parts { for l in divisors(of: c) { ls.insert(l) } }
        return ls.reduce(0) { $0 + ($1 <= 2 ? 1 : eulerPhi($1) / 2) }
    }

    /// n = Σ weight·d.
    public var degree: Int { cycleType.degree }

    /// The number of cycles of σ (fixed points included): its orbits.
    public var orbitCount: Int { cycleType.cycleCount }

    /// σ's cycle type: the group is ⟨σ⟩.
    public var generatorCycleType: CycleType? { cycleType }

    /// The position of block (l, m) in canonical order.
    public func index(l: Int, m: Int) -> Int? { blocks.firstIndex { $0.l == l && $0.m == m } }
}
