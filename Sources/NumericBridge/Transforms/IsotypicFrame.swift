import Foundation
import Algebra
import Geometry

/// The Q basis of one permutation σ (MATH.md §5) or of a permutation group (MATH.md §8.1), seen block by
/// block: in it every equivariant W becomes Qᵀ W Q = ⊕_ρ I_c ⊗ F_ρ, the same real δμ×δμ matrix F_ρ on each
/// of the block's c slots, with F_ρ in the span of E_kl ⊗ L_e (a μ×μ matrix over D = ℝ, ℂ or ℍ realified).
/// One permutation gives c = 1 and δ = 1 (real blocks) or 2 (complex blocks, cos/sin interleaved, §4.2).
public struct IsotypicFrame: Sendable {
    /// One block's coordinates: slot j, copy k and D-slot a sit at column `columns[j·δμ + k·δ + a]`.
    public struct Block: Sendable {
        /// The block's label.
        public let label: String
        /// D = End_G(ρ).
        public let type: DivisionAlgebra
        /// w = dim_ℝ ρ: rank W = Σ_ρ w·rank_D F_ρ.
        public let weight: Int
        /// μ, the size of F_ρ over D.
        public let multiplicity: Int
        /// c = w/δ, the number of slots.
        public var slots: Int { weight / type.dimension }
        /// The δ×δ matrices L_e spanning D on one D-slot (orthogonal, ⟨L_e, L_e⟩ = δ).
        let structure: [[Double]]
        let columns: [Int]
    }

    /// n, the number of points.
    public let degree: Int
    /// The blocks in canonical order.
    public let blocks: [Block]
    /// The generators' images (0-based), for the commutator check W[g(i), g(j)] = W[i, j].
    public let generators: [[Int32]]
    /// The coordinates' transform, kept for the block spectra of data.
    let transform: any IsotypicTransform
    /// What the frame was built from: σ's layout (FFT coordinates) or a group's numeric basis (orbit coordinates).
    public let source: Source

    /// The description a frame is built from, kept for the files that record it (`ExperimentArtifacts`).
    public enum Source: Sendable {
        /// One permutation's Q_σ layout (MATH.md §5).
        case permutation(BasisLayout)
        /// A group's numeric adapted basis (MATH.md §8.1).
        case group(GroupNumericBasis)
    }

    /// The frame of one permutation: its real and complex blocks in canonical order.
    public init(_ layout: BasisLayout) {
        let realStructure: [[Double]] = [[1]]
        let complexStructure: [[Double]] = [[1, 0, 0, 1], [0, -1, 1, 0]]
        blocks = zip(layout.structure.blocks, layout.blockOffsets).map { block, offset in
            Block(
                label: block.label, type: block.type, weight: block.weight, multiplicity: block.multiplicity,
                structure: block.isComplex ? complexStructure : realStructure,
                columns: Array(offset..<(offset + block.weight * block.multiplicity)))
        }
        degree = layout.degree
        generators = [layout.permutation.zeroBasedImages]
        transform = StructuredTransform(layout)
        source = .permutation(layout)
    }

    /// The frame of a group's numeric basis: its isotypic blocks over ℝ, ℂ and ℍ.
    public init(_ basis: GroupNumericBasis) {
        blocks = basis.blocks.map { b in
            let (w, mu, delta) = (b.block.weight, b.block.multiplicity, b.block.type.dimension)
            var columns: [Int] = []
            for j in 0..<(w / delta) {
                for k in 0..<mu { for a in 0..<delta { columns.append(b.offset + k * w + j * delta + a) } }
            }
            return Block(
                label: b.block.label, type: b.block.type, weight: w, multiplicity: mu, structure: b.structure,
                columns: columns)
        }
        degree = basis.degree
        generators = basis.generators
        transform = GroupTransform(basis)
        source = .group(basis)
    }

    /// Y = X·Q for a batch of rows.
    public func forward(_ x: [Double], batch: Int) -> [Double] { transform.forward(x, batch: batch) }

    /// Qᵀ W Q of a dense n×n W (row-major), by two passes of the transform: (Wᵀ Q)ᵀ = Qᵀ W, then ·Q.
    func conjugate(_ w: [Double]) -> [Double] {
        let n = degree
        let left = Self.transposed(forward(Self.transposed(w, n), batch: n), n)
        return forward(left, batch: n)
    }

    static func transposed(_ a: [Double], _ n: Int) -> [Double] {
        var t = [Double](repeating: 0, count: n * n)
        let tile = 64
        for i0 in stride(from: 0, to: n, by: tile) {
            for j0 in stride(from: 0, to: n, by: tile) {
                for i in i0..<min(i0 + tile, n) { for j in j0..<min(j0 + tile, n) { t[j * n + i] = a[i * n + j] } }
            }
        }
        return t
    }
}

extension IsotypicFrame {
    /// The block spectra of the data in this frame (moments fused with the transform).
    /// - Throws: `NumericError` when the data do not have `degree` values per sample.
    public func spectra(of data: ImageDataset) throws -> any BlockSpectra {
        guard data.features == degree else {
            throw NumericError.invalidInput(
                "the data have \(data.features) values per sample, the symmetry acts on \(degree)")
        }
        return try transform.spectra(of: data.values, batch: data.count)
    }

    /// The block moments of the data in this frame: statistics that add across shards (`MomentsArchive`).
    /// - Throws: `NumericError` when the data do not have `degree` values per sample.
    public func moments(of data: ImageDataset) throws -> any ShardMoments {
        guard data.features == degree else {
            throw NumericError.invalidInput(
                "the data have \(data.features) values per sample, the symmetry acts on \(degree)")
        }
        return transform.moments(of: data.values, batch: data.count)
    }

    /// The exact optimum of component `tuple` on `data`: its block maps F*_ρ in this frame's layout, its
    /// per-pixel loss and that loss's rounding bound (from the fused block moments).
    func optimum(of data: ImageDataset, tuple: [Int]) throws -> (maps: [[Double]], loss: Double, lossError: Double) {
        let spectra = try transform.spectra(of: data.values, batch: data.count)
        return (spectra.optimalMaps(tuple), spectra.loss(tuple), spectra.lossErrorBound(tuple))
    }
}
