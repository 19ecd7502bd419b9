import Algebra

/// One column of the basis Q_σ (MATH.md §5): a function on one cycle (i_0 → i_1 → … → i_{c−1}).
public struct BasisColumn: Sendable, Hashable, Codable {
    /// What the column looks like along its cycle, at position s.
    public enum Kind: String, Sendable, Codable {
        /// 1 (normalised: c^{−1/2}), block (1,1).
        case constant
        /// cos(2πfs/c) (normalised: √(2/c)·…), first column of a complex pair.
        case cosine
        /// sin(2πfs/c), second column of a complex pair.
        case sine
        /// (−1)^s (normalised: c^{−1/2}), block (2,1); even cycles only.
        case alternating
    }
    /// The column's kind: constant, cosine, sine or alternating along its cycle.
    public let kind: Kind
    /// Index of the cycle in `BasisLayout.cycles`.
    public let cycle: Int
    /// The frequency f (0 for constant, c/2 for alternating).
    public let frequency: Int
    /// Index of the block (canonical order) the column belongs to.
    public let block: Int
}

/// The column layout of Q_σ: blocks in canonical order; inside the (1,1) and (2,1) blocks one
/// column per (even) cycle; inside a complex block (l, m) the pair (cos_f, sin_f), f = (l − m)c/l,
/// interleaved cycle by cycle as in the authors' notebook (MATH.md §5).
///
/// Cycles are those of σ with fixed points, each starting at its smallest point and followed in the
/// direction of σ, ordered by smallest point. With P_σ e_j = e_σ(j), P_σ acts on (cos_f, sin_f) as the
/// rotation by +2πf/c, so Q_σᵀ P_σ Q_σ = I ⊕ rotations ⊕ −I.
public struct BasisLayout: Sendable {
    /// σ, the permutation the basis adapts to.
    public let permutation: Permutation
    /// σ's eigenvalue blocks in canonical order (MATH.md §4.1).
    public let structure: BlockStructure
    /// The cycles, 0-based points in the order i_0, σ(i_0), σ²(i_0), ….
    public let cycles: [[Int]]
    /// The n columns in order.
    public let columns: [BasisColumn]
    /// First column of each block; `blockOffsets[b+1] − blockOffsets[b]` = weight·d.
    public let blockOffsets: [Int]

    /// - Throws: `MemoryLimitError` when the layout (about 96 bytes a point) exceeds the memory budget,
    ///   `GeometryError.tooLarge` past `BlockStructure.maximumBlocks`.
    public init(_ sigma: Permutation) throws {
        try MemoryBudget.require(
            ByteCount.product(sigma.degree, Self.bytesPerPoint), for: "the basis layout of \(sigma.degree) points",
            advice: "use a smaller case; counting components needs only the cycle type")
        permutation = sigma
        structure = try BlockStructure(checking: sigma.cycleType)
        let cycles = sigma.cycles(includingFixedPoints: true).map { $0.map { $0 - 1 } }
        self.cycles = cycles
        // cycles grouped by length, so each block visits only the lengths its order l divides
        let byLength = Dictionary(grouping: cycles.indices, by: { cycles[$0].count }).sorted { $0.key < $1.key }
        var columns: [BasisColumn] = []
        columns.reserveCapacity(sigma.degree)
        var offsets: [Int] = []
        for (b, block) in structure.blocks.enumerated() {
            offsets.append(columns.count)
            let members = byLength.filter { $0.key % block.l == 0 }.flatMap(\.value).sorted()
            for k in members {
                let c = cycles[k].count
                switch (block.l, block.m) {
                case (1, 1): columns.append(BasisColumn(kind: .constant, cycle: k, frequency: 0, block: b))
                case (2, 1): columns.append(BasisColumn(kind: .alternating, cycle: k, frequency: c / 2, block: b))
                default:
                    let f = block.frequency(onCycleOfLength: c)
                    columns.append(BasisColumn(kind: .cosine, cycle: k, frequency: f, block: b))
                    columns.append(BasisColumn(kind: .sine, cycle: k, frequency: f, block: b))
                }
            }
        }
        offsets.append(columns.count)
        self.columns = columns
        blockOffsets = offsets
    }

    /// n, the number of points.
    public var degree: Int { permutation.degree }

    /// Memory a layout needs per point (columns, cycles and their grouping), for estimates.
    public static let bytesPerPoint = 96

    /// ‖column‖² of the unnormalised basis B: c for constant/alternating, c/2 for cosine/sine.
    public func squaredNorm(of column: BasisColumn) -> Rational {
        let c = cycles[column.cycle].count
        switch column.kind {
        case .constant, .alternating: return Rational(c)
        case .cosine, .sine: return Rational(c, 2)
        }
    }
}
