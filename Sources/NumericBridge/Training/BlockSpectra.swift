import Foundation
import Algebra
import Geometry

/// The per-block spectra of data in the Q_σ basis (MATH.md §4.5): the squared-error loss of a
/// component splits into one Eckart–Young problem per block. A real block keeps the top t eigenvalues
/// of X̃_bᵀX̃_b (d×d); a complex block sees the complex coordinates z = x_cos + i·x_sin and keeps the
/// top t eigenvalues of the Hermitian H = Σ z zᴴ (d×d). Each block's loss is its discarded energy.
public struct BlockSpectra: Sendable {
    public struct Block: Sendable {
        public let block: SpectralBlock
        /// Eigenvalues, descending (energy per retained direction).
        public let eigenvalues: [Double]
        /// Eigenvectors (columns), row-major d×d; imaginary parts for complex blocks, else empty.
        public let vectorsRe: [Double]
        public let vectorsIm: [Double]
        /// ‖X̃_b‖²_F, the block's whole energy.
        public let energy: Double

        /// Σ_{i < t} λ_i, the energy a rank-t block keeps.
        public func retained(_ t: Int) -> Double { eigenvalues.prefix(t).reduce(0, +) }
    }

    public let layout: BasisLayout
    public let blocks: [Block]
    public let sampleCount: Int
    /// ‖X‖²_F, the total energy.
    public let totalEnergy: Double

    /// Spectra of the rows of `coordinates` (N×n, already in the Q_σ basis).
    public init(coordinates x: [Double], count: Int, layout: BasisLayout) throws {
        let n = layout.degree
        var blocks: [Block] = []
        for (b, block) in layout.structure.blocks.enumerated() {
            let start = layout.blockOffsets[b]
            let d = block.multiplicity
            if block.isComplex {
                var xc = [Double](repeating: 0, count: count * d)
                var xs = xc
                for i in 0..<count {
                    for j in 0..<d {
                        xc[i * d + j] = x[i * n + start + 2 * j]
                        xs[i * d + j] = x[i * n + start + 2 * j + 1]
                    }
                }
                // Re H = XcᵀXc + XsᵀXs, Im H = XsᵀXc − XcᵀXs, H[a][b] = Σ z_a conj(z_b) with z = xc + i xs
                let cc = BLAS.multiply(xc, xc, m: d, n: d, k: count, transposeA: true)
                let ss = BLAS.multiply(xs, xs, m: d, n: d, k: count, transposeA: true)
                let sc = BLAS.multiply(xs, xc, m: d, n: d, k: count, transposeA: true)
                let re = zip(cc, ss).map { $0 + $1 }
                let im = (0..<(d * d)).map { sc[$0] - sc[($0 % d) * d + $0 / d] }
                let e = try Eigen.hermitian(real: re, imaginary: im, d)
                blocks.append(
                    Block(
                        block: block, eigenvalues: e.values.map { max($0, 0) }, vectorsRe: e.vectorsRe,
                        vectorsIm: e.vectorsIm,
                        energy: (0..<d).reduce(0) { $0 + re[$1 * d + $1] }))
            } else {
                var xb = [Double](repeating: 0, count: count * d)
                for i in 0..<count { for j in 0..<d { xb[i * d + j] = x[i * n + start + j] } }
                let c = BLAS.multiply(xb, xb, m: d, n: d, k: count, transposeA: true)
                let e = try Eigen.symmetric(c, d)
                blocks.append(
                    Block(
                        block: block, eigenvalues: e.values.map { max($0, 0) }, vectorsRe: e.vectors, vectorsIm: [],
                        energy: (0..<d).reduce(0) { $0 + c[$1 * d + $1] }))
            }
        }
        self.layout = layout
        self.blocks = blocks
        sampleCount = count
        totalEnergy = blocks.reduce(0) { $0 + $1.energy }
    }

    /// Mean squared error per pixel of the best member of component t: Σ_b (energy_b − retained_b(t_b)) / (N·n).
    public func loss(_ tuple: [Int]) -> Double {
        zip(blocks, tuple).reduce(0) { $0 + ($1.0.energy - $1.0.retained($1.1)) } / Double(sampleCount * layout.degree)
    }
}
