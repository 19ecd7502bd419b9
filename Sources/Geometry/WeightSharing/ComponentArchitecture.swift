import Algebra

/// The weight-sharing autoencoder of a component V_t (MATH.md §4.4): in the basis Q_σ the encoder is
/// diag(E_b or R(E_b)) (rank × n) and the decoder diag(D_b or R(D_b)) (n × rank), E_b ∈ F^{t_b×d_b},
/// D_b ∈ F^{d_b×t_b}; the network computes Q_σ·decoder·encoder·Q_σᵀ. R(a + ib) = [[a, −b], [b, a]]:
/// a complex parameter is two real ones, each at two positions (signs from R).
///
/// Rows of the encoder (columns of the decoder) run over blocks in canonical order, t_b per real block
/// and 2t_b per complex block (Re/Im interleaved); its columns are Q_σ's columns (BasisLayout).
public struct ComponentArchitecture: Sendable {
    /// The component the architecture parameterises.
    public let component: EquivariantComponent
    /// E (rank × n) in the Q_σ basis.
    public let encoder: WeightSharingPattern
    /// D (n × rank) in the Q_σ basis.
    public let decoder: WeightSharingPattern

    /// - Throws: `MemoryLimitError` when the patterns (about 24 bytes per occurrence, 48 per parameter,
    ///   and the dense r×n index maps an export builds) exceed the memory budget.
    /// - Throws: `GeometryError.invalidShape` for a block of weight w ≠ δ (ℍ, or a real or complex
    ///   representation of dimension above δ): those need an exact basis (`GroupComponentArchitecture`).
    public init(_ component: EquivariantComponent) throws {
        self.component = component
        let blocks = component.blocks
        let t = component.tuple
        let n = component.points
        if let b = blocks.first(where: { $0.weight != $0.type.dimension }) {
            throw GeometryError.invalidShape(
                "block \(b.label) has weight \(b.weight) over \(b.type.rawValue): the one-permutation pattern needs "
                    + "weight 1 (ℝ) or 2 (ℂ)")
        }
        let r = component.maximalRank
        let entries = zip(blocks, t).reduce(0) { ByteCount.sum($0, ByteCount.product($1.1, $1.0.multiplicity, 4)) }
        try MemoryBudget.require(
            ByteCount.sum(ByteCount.product(2, entries, 72), ByteCount.product(2, r, n, 8)),
            for: "the weight-sharing patterns of this component (\(r)×\(n) encoder)",
            advice: "use a smaller rank or a smaller image")
        var enc: [[WeightSharingPattern.Occurrence]] = []
        var dec: [[WeightSharingPattern.Occurrence]] = []
        var rowOffset = 0
        var columnOffset = 0
        for (b, tb) in zip(blocks, t) {
            let d = b.multiplicity
            let w = b.weight
            // encoder block: tb × d (over F), at rows rowOffset…, columns columnOffset…
            Self.addBlock(
                &enc, rows: tb, columns: d, complex: b.type == .complex, rowOffset: rowOffset,
                columnOffset: columnOffset)
            // decoder block: d × tb, at rows columnOffset…, columns rowOffset…
            Self.addBlock(
                &dec, rows: d, columns: tb, complex: b.type == .complex, rowOffset: columnOffset,
                columnOffset: rowOffset)
            rowOffset += w * tb
            columnOffset += w * d
        }
        encoder = WeightSharingPattern(rows: r, columns: n, parameters: enc)
        decoder = WeightSharingPattern(rows: n, columns: r, parameters: dec)
    }

    /// Appends the parameters of one F-matrix block (realified when complex).
    private static func addBlock(
        _ params: inout [[WeightSharingPattern.Occurrence]], rows: Int, columns: Int, complex: Bool, rowOffset: Int,
        columnOffset: Int
    ) {
        typealias O = WeightSharingPattern.Occurrence
        for i in 0..<rows {
            for j in 0..<columns {
                if complex {
                    let (r0, c0) = (rowOffset + 2 * i, columnOffset + 2 * j)
                    params.append([O(row: r0, column: c0, sign: 1), O(row: r0 + 1, column: c0 + 1, sign: 1)])  // Re
                    params.append([O(row: r0, column: c0 + 1, sign: -1), O(row: r0 + 1, column: c0, sign: 1)])  // Im
                } else {
                    params.append([O(row: rowOffset + i, column: columnOffset + j, sign: 1)])
                }
            }
        }
    }

    /// Total free real parameters (encoder + decoder) = Σ_real 2dt + Σ_complex 4dt.
    public var parameterCount: Int { encoder.parameters.count + decoder.parameters.count }
}

extension InvariantVariety {
    /// The invariant autoencoder R^n → R^r → R^m (MATH.md §3): encoder r×n with each row constant on
    /// orbits (one parameter per (row, orbit)), dense decoder m×r.
    /// - Throws: `MemoryLimitError` when the patterns and their dense index maps (about 82 bytes per
    ///   entry of E and D) exceed the memory budget.
    public func architecture() throws -> (encoder: WeightSharingPattern, decoder: WeightSharingPattern) {
        let entries = ByteCount.sum(ByteCount.product(rank, columns), ByteCount.product(rows, rank))
        try MemoryBudget.require(
            ByteCount.product(entries, 82), for: "the invariant autoencoder's patterns (\(rows)×\(rank) decoder)",
            advice: "use fewer rows or a smaller rank")
        typealias O = WeightSharingPattern.Occurrence
        var enc: [[O]] = []
        for i in 0..<rank { for orbit in orbits { enc.append(orbit.map { O(row: i, column: $0 - 1, sign: 1) }) } }
        var dec: [[O]] = []
        for i in 0..<rows { for j in 0..<rank { dec.append([O(row: i, column: j, sign: 1)]) } }
        return (
            WeightSharingPattern(rows: rank, columns: columns, parameters: enc),
            WeightSharingPattern(rows: rows, columns: rank, parameters: dec)
        )
    }
}
