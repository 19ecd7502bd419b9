import Foundation
import Algebra
import Geometry

/// The per-block spectra of data for a permutation group (MATH.md §8.7): in the coordinates Y = XQ the
/// loss of W = Q(⊕ I_c ⊗ R_D(x_ρ))Qᵀ splits by block, and on block ρ only the projection of the data's
/// second moment onto the commutant matters. With the samples' c slots as extra samples, M = Σ z zᵀ is
/// δμ×δμ; its projection Γ onto {Σ E_kl ⊗ L(x_kl)} has eigenvalues in clusters of δ, one cluster per
/// D-eigenvalue; keeping the top t clusters retains their sum (the energy e_{ρ,i}).
public struct GroupBlockSpectra: BlockSpectra {
    /// One block's projected moment and its eigen-decomposition.
    public struct Block: Sendable {
        /// The isotypic block.
        public let block: IsotypicBlock
        /// Γ's eigenvalues, descending (δμ of them, clustered by δ), clamped at 0.
        public let eigenvalues: [Double]
        /// Γ's eigenvectors as columns, row-major δμ×δμ (rows: copy·δ + D-slot).
        public let vectors: [Double]
        /// e_i = the sum of the i-th cluster: the energy kept by the i-th D-direction.
        public let energies: [Double]
        /// Γ = the projected second moment (δμ×δμ, row-major): the block's loss of D̂Ê is
        /// tr Γ − 2 tr(D̂ÊΓ) + tr(ÊᵀD̂ᵀD̂ÊΓ).
        public let moment: [Double]
        /// The block's whole energy Σ_i e_i = ‖Y_ρ‖²_F.
        public let energy: Double
        /// max over clusters of the spread inside a cluster (0 in exact arithmetic), a rounding diagnostic.
        public let clusterSpread: Double
    }

    /// The numeric adapted basis.
    public let basis: GroupNumericBasis
    /// The blocks in canonical order.
    public let blocks: [Block]
    /// N, the samples.
    public let sampleCount: Int
    /// ‖X‖²_F.
    public let totalEnergy: Double

    /// The blocks as plain records.
    public var realBlocks: [IsotypicBlock] { blocks.map(\.block) }
    /// n, the number of points.
    public var degree: Int { basis.degree }
    /// The cluster sums of every block: the energy of each D-direction.
    public var energies: [[Double]] { blocks.map(\.energies) }

    /// Spectra of the rows of `coordinates` (N×n, in the Q basis of `basis`): the moments from the gathered
    /// coordinates (the second method behind `GroupTransform.moments`).
    public init(coordinates y: [Double], count: Int, basis: GroupNumericBasis) throws {
        let moments = basis.blocks.map { b -> [Double] in
            let (w, mu, delta) = (b.block.weight, b.block.multiplicity, b.block.type.dimension)
            let z = b.gather(y, batch: count, degree: basis.degree)
            return BLAS.multiply(z, z, m: delta * mu, n: delta * mu, k: count * (w / delta), transposeA: true)
        }
        try self.init(moments: moments, count: count, basis: basis)
    }

    /// Spectra from the blocks' second moments M_b = Σ z zᵀ of `count` samples (`GroupTransform.moments`).
    /// - Precondition: one δμ×δμ moment per block of `basis`.
    public init(moments: [[Double]], count: Int, basis: GroupNumericBasis) throws {
        precondition(
            moments.count == basis.blocks.count
                && zip(moments, basis.blocks).allSatisfy {
                    $0.count == $1.block.type.dimension * $1.block.multiplicity * $1.block.type.dimension
                        * $1.block.multiplicity
                }, "one δμ×δμ moment per block")
        var blocks: [Block] = []
        for (b, m) in zip(basis.blocks, moments) {
            let (mu, delta) = (b.block.multiplicity, b.block.type.dimension)
            let d = delta * mu
            let gamma = CommutantProjection.project(m, mu: mu, structure: b.structure)
            let e = try Eigen.symmetric(gamma, d)
            let values = e.values.map { max($0, 0) }
            var energies: [Double] = []
            var spread = 0.0
            for i in 0..<mu {
                let cluster = values[(i * delta)..<((i + 1) * delta)]
                energies.append(cluster.reduce(0, +))
                spread = max(spread, (cluster.max() ?? 0) - (cluster.min() ?? 0))
            }
            blocks.append(
                Block(
                    block: b.block, eigenvalues: values, vectors: e.vectors, energies: energies, moment: gamma,
                    energy: (0..<d).reduce(0) { $0 + m[$1 * d + $1] }, clusterSpread: spread))
        }
        self.basis = basis
        self.blocks = blocks
        sampleCount = count
        totalEnergy = blocks.reduce(0) { $0 + $1.energy }
    }

    /// Γ_b, the block moment projected onto the commutant.
    public func moment(_ b: Int) -> [Double] { blocks[b].moment }

    /// The structure matrices of the basis's block b.
    public func structure(_ b: Int) -> [[Double]] { basis.blocks[b].structure }

    /// The orthogonal projector onto the top t D-directions of each block (δμ×δμ): the exact optimum's
    /// block maps (Eckart–Young in M_μ(D); unique when the t-th and (t+1)-th clusters differ).
    public func optimalMaps(_ tuple: [Int]) -> [[Double]] {
        zip(blocks, tuple).map { b, t in
            let d = b.block.type.dimension * b.block.multiplicity
            let keep = b.block.type.dimension * t
            var p = [Double](repeating: 0, count: d * d)
            for i in 0..<d {
                for j in 0..<d {
                    var sum = 0.0
                    for k in 0..<keep { sum += b.vectors[i * d + k] * b.vectors[j * d + k] }
                    p[i * d + j] = sum
                }
            }
            return p
        }
    }

    /// A bound on the rounding error of `loss(tuple)`: each discarded eigenvalue of block b is off by at most
    /// (N·c + 2|O|max + 10δμ)·u·E_b (transform, product, backward-stable eigensolver) plus 4·ε_Q·√n·E_b for
    /// the basis entries' own error ε_Q, divided by N·n like the loss.
    public func lossErrorBound(_ tuple: [Int]) -> Double {
        let largestOrbit = basis.orbits.map(\.points.count).max() ?? 1
        let u = Double.ulpOfOne / 2
        let total = zip(blocks, tuple).reduce(0.0) { sum, pair in
            let (b, t) = pair
            let (w, mu, delta) = (b.block.weight, b.block.multiplicity, b.block.type.dimension)
            let perEigenvalue =
                Double(sampleCount * (w / delta) + 2 * largestOrbit + 10 * delta * mu) * u * b.energy
                + 4 * basis.entryError * Double(basis.degree).squareRoot() * b.energy
            return sum + Double(delta * (mu - t)) * perEigenvalue
        }
        return total / Double(sampleCount * basis.degree)
    }
}
