import Foundation
import Algebra
import Geometry

/// The block spectra of data in an adapted frame (MATH.md §4.5, §8.7): the squared-error loss of a component
/// splits into one Eckart–Young problem per block, and on block b the i-th D-direction keeps the energy
/// e_{b,i} (descending). The loss of component t is the discarded energy Σ_b Σ_{i ≥ t_b} e_{b,i} / (N·n).
///
/// One permutation conforms through `CyclicBlockSpectra` (FFT coordinates, one real or Hermitian eigenproblem
/// per block); any group through `GroupBlockSpectra` (orbit coordinates, moments projected onto the
/// commutant over ℝ, ℂ or ℍ). Component choice (`ComponentSelection`) and exact optima use only this.
public protocol BlockSpectra: Sendable {
    /// The blocks in canonical order, as plain records (type, weight, multiplicity, label).
    var realBlocks: [IsotypicBlock] { get }
    /// n, the number of points.
    var degree: Int { get }
    /// N, the number of samples the moments were taken of.
    var sampleCount: Int { get }
    /// ‖X‖²_F, the total energy.
    var totalEnergy: Double { get }
    /// Per block, the energies e_{b,i} of its μ_b D-directions, descending, each ≥ 0.
    var energies: [[Double]] { get }
    /// The exact optimum's block maps in the frame's layout: per block the orthogonal projector onto the
    /// top t_b D-directions (realified, δμ_b × δμ_b).
    func optimalMaps(_ tuple: [Int]) -> [[Double]]
    /// A bound on the rounding error of `loss(tuple)`, derived from the data's energy.
    func lossErrorBound(_ tuple: [Int]) -> Double
    /// Block b's moment Γ_b in the frame's layout, realified (δμ_b × δμ_b, summed over the block's copies): the
    /// loss of block maps F is tr Γ − 2 tr(FΓ) + tr(FᵀFΓ).
    func moment(_ b: Int) -> [Double]
    /// The δ×δ matrices L_e spanning D on block b (a block map is Σ E_kl ⊗ L_e x^e_kl).
    func structure(_ b: Int) -> [[Double]]
}

extension BlockSpectra {
    /// Mean squared error per point of the best member of component t: the discarded energies / (N·n), never
    /// negative and free of cancellation (total − retained would lose every digit for data with a large
    /// offset).
    public func loss(_ tuple: [Int]) -> Double {
        zip(energies, tuple).reduce(0) { $0 + $1.0.dropFirst($1.1).reduce(0, +) } / Double(sampleCount * degree)
    }

    /// The weights and multiplicities of the blocks.
    public var shapes: BlockShapes { BlockShapes(realBlocks) }

    /// Refuses blocks of other weights or multiplicities than `shapes` (a symmetry's, a network's).
    /// - Throws: `NumericError.invalidInput` with `message`.
    func requireShapes(_ shapes: BlockShapes, _ message: String) throws {
        let own = self.shapes
        guard own.weights == shapes.weights, own.multiplicities == shapes.multiplicities else {
            throw NumericError.invalidInput(message)
        }
    }
}
