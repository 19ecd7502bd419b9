/// The invariant kernel of an orbit dataset block-diagonalised by G's Fourier transform (MATH.md §11.3): its
/// blocks' spectra, and the entries of K⁻¹ assembled from the inverted blocks (no sN×sN inverse).
protocol OrbitBlocks: Sendable {
    var spectra: [BlockSpectrum] { get }
    /// (K⁻¹)_{(a,t),(b,u)}: orbits a, b, positions t, u.
    func inverseEntry(_ a: Int, _ t: Int, _ b: Int, _ u: Int) -> Double
}

/// One block's label (a frequency f, or an isotypic block's label) and its eigenvalues, descending (orbit kernels;
/// also the JSON entries of `train`'s block spectra).
public struct BlockSpectrum: Sendable, Encodable, Equatable {
    /// The block's label.
    public let block: String
    /// Its eigenvalues, descending.
    public let eigenvalues: [Double]

    /// A block's spectrum.
    public init(block: String, eigenvalues: [Double]) {
        self.block = block
        self.eigenvalues = eigenvalues
    }
}
