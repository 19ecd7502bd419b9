import Foundation
import Algebra
import Geometry

/// The per-block spectra of data in the Q_σ basis (MATH.md §4.5): the squared-error loss of a
/// component splits into one Eckart–Young problem per block. A real block keeps the top t eigenvalues
/// of X̃_bᵀX̃_b (d×d); a complex block sees the complex coordinates z = x_cos + i·x_sin and keeps the
/// top t eigenvalues of the Hermitian H = Σ z zᴴ (d×d). Each block's loss is its discarded energy.
public struct CyclicBlockSpectra: BlockSpectra {
    /// One block's eigen-decomposition.
    public struct Block: Sendable {
        /// The block (l, m).
        public let block: SpectralBlock
        /// Eigenvalues, descending (energy per retained direction).
        public let eigenvalues: [Double]
        /// Eigenvectors (columns), row-major d×d; imaginary parts for complex blocks, else empty.
        public let vectorsRe: [Double]
        /// The eigenvectors' imaginary parts (complex blocks), row-major d×d.
        public let vectorsIm: [Double]
        /// ‖X̃_b‖²_F, the block's whole energy.
        public let energy: Double
    }

    /// The Q_σ layout.
    public let layout: BasisLayout
    /// The blocks in canonical order.
    public let blocks: [Block]
    /// N, the samples.
    public let sampleCount: Int
    /// ‖X‖²_F, the total energy.
    public let totalEnergy: Double

    /// The blocks as plain records.
    public var realBlocks: [IsotypicBlock] { blocks.map(\.block.isotypic) }
    /// n, the number of points.
    public var degree: Int { layout.degree }
    /// The eigenvalues of every block (clamped at 0): one energy per retained direction.
    public var energies: [[Double]] { blocks.map(\.eigenvalues) }

    /// Spectra of the rows of `coordinates` (N×n, already in the Q_σ basis).
    public init(coordinates x: [Double], count: Int, layout: BasisLayout) throws {
        try self.init(moments: BlockMoments(coordinates: x, count: count, layout: layout))
    }

    /// Spectra from block moments (of one data set, or merged from shards): one eigen-decomposition per block.
    public init(moments: BlockMoments) throws {
        let layout = moments.layout
        var blocks: [Block] = []
        for (b, block) in layout.structure.blocks.enumerated() {
            let d = block.multiplicity
            let re = moments.real[b]
            let energy = (0..<d).reduce(0) { $0 + re[$1 * d + $1] }
            if block.isComplex {
                let e = try Eigen.hermitian(real: re, imaginary: moments.imaginary[b], d)
                blocks.append(
                    Block(
                        block: block, eigenvalues: e.values.map { max($0, 0) }, vectorsRe: e.vectorsRe,
                        vectorsIm: e.vectorsIm, energy: energy))
            } else {
                let e = try Eigen.symmetric(re, d)
                blocks.append(
                    Block(
                        block: block, eigenvalues: e.values.map { max($0, 0) }, vectorsRe: e.vectors, vectorsIm: [],
                        energy: energy))
            }
        }
        self.layout = layout
        self.blocks = blocks
        sampleCount = moments.sampleCount
        totalEnergy = blocks.reduce(0) { $0 + $1.energy }
    }

    /// The exact optimum's block maps in the Q_σ basis (x ↦ F x on the block's coordinates): the projector
    /// U_t U_tᵀ onto the top t eigenvectors of a real block, and the realification R(U_t U_tᴴ) of a complex
    /// one (2×2 entries [[Re, −Im], [Im, Re]], cos/sin interleaved as in §4.2).
    public func optimalMaps(_ tuple: [Int]) -> [[Double]] {
        zip(blocks.indices, tuple).map { b, t in
            weightedProjector(b, (0..<blocks[b].block.multiplicity).map { $0 < t ? 1 : 0 })
        }
    }

    /// Γ_b, the second moment of the block's real coordinates: U diag(λ) Uᴴ for a real block; for a complex one its
    /// realification halved (the cos and sin coordinates share each complex direction's energy, so tr Γ_b is the
    /// block's energy).
    public func moment(_ b: Int) -> [Double] {
        let complex = blocks[b].block.isComplex
        return weightedProjector(b, blocks[b].eigenvalues.map { complex ? $0 / 2 : $0 })
    }

    /// ℝ: [[1]]; ℂ: 1 and i as [[1, 0], [0, 1]] and [[0, −1], [1, 0]] (cos/sin interleaved, §4.2).
    public func structure(_ b: Int) -> [[Double]] {
        blocks[b].block.isComplex ? [[1, 0, 0, 1], [0, -1, 1, 0]] : [[1]]
    }

    /// Σ_i c_i u_i u_iᴴ over the block's eigenvectors, realified.
    private func weightedProjector(_ index: Int, _ weights: [Double]) -> [Double] {
        let b = blocks[index]
        let d = b.block.multiplicity
        let complex = b.block.isComplex
        let size = complex ? 2 * d : d
        var f = [Double](repeating: 0, count: size * size)
        for k in 0..<d {
            for l in 0..<d {
                var re = 0.0
                var im = 0.0
                for (i, c) in weights.enumerated() where c != 0 {
                    re += c * b.vectorsRe[k * d + i] * b.vectorsRe[l * d + i]
                    if complex {
                        re += c * b.vectorsIm[k * d + i] * b.vectorsIm[l * d + i]
                        im +=
                            c
                            * (b.vectorsIm[k * d + i] * b.vectorsRe[l * d + i] - b.vectorsRe[k * d + i]
                                * b.vectorsIm[l * d + i])
                    }
                }
                if complex {
                    f[2 * k * size + 2 * l] = re
                    f[2 * k * size + 2 * l + 1] = -im
                    f[(2 * k + 1) * size + 2 * l] = im
                    f[(2 * k + 1) * size + 2 * l + 1] = re
                } else {
                    f[k * size + l] = re
                }
            }
        }
        return f
    }

    /// A bound on the rounding error of `loss(tuple)`: each discarded eigenvalue of block b is off by at
    /// most (N + 2c + 10d_b)·u·‖X̃_b‖²_F (forming X̃_b through the transform and X̃_bᵀX̃_b, then a backward
    /// stable eigensolver; c the longest cycle, u = 2^−53), divided by N·n like the loss.
    public func lossErrorBound(_ tuple: [Int]) -> Double {
        let longestCycle = layout.cycles.map(\.count).max() ?? 1
        let u = Double.ulpOfOne / 2
        let total = zip(blocks, tuple).reduce(0.0) { sum, pair in
            let (b, t) = pair
            let d = b.block.multiplicity
            let perEigenvalue = Double(sampleCount + 2 * longestCycle + 10 * d) * u * b.energy
            return sum + Double(d - t) * perEigenvalue
        }
        return total / Double(sampleCount * layout.degree)
    }
}
