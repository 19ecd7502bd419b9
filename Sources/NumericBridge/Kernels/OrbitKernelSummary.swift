/// What both orbit-kernel analyses give (MATH.md §11.2): the direct one (`OrbitKernelAnalysis`) and the block
/// formula alone on long orbits (`OrbitKernelBlockFormula`).
public protocol OrbitKernelSummary: Sendable {
    var orbitLength: Int { get }
    var seeds: Int { get }
    /// max |K_{(a,ht),(b,hu)} − K_{(a,t),(b,u)}| over max |K| (on all or on sampled rows).
    var invarianceDefect: Double { get }
    /// LOO residuals at the upright points by the exact block formula; nil if K + ρI is singular.
    var blockResiduals: [Double]? { get }
    var blockSpectra: [BlockSpectrum] { get }
    /// Two seeds, one generator: the circularised interleaved spectrum λ_0 … λ_{2N−1}.
    var circularizedSpectrum: [Double]? { get }
    var deltaSquared: Double? { get }
    var orbitRadius: Double? { get }
}

extension OrbitKernelSummary {
    /// The paper's ε = λ_N⁻¹ / mean λ⁻¹ (eq. 7) of the circularised spectrum.
    public var spectralError: Double? { circularizedSpectrum.flatMap(OrbitKernelAnalysis.spectralError) }
}
