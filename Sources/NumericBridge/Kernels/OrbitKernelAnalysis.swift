import Foundation

/// Kernel regression on orbits (Perin & Deny, *A neural kernel theory of symmetry learning*; MATH.md §11.2): s
/// seeds x_a with their orbits under a finite group G (`OrbitDataset`), labels ȳ_a, the kernel matrix over the
/// sN points (orbit-major) plus a ridge ρI, and the leave-one-out residual at each seed's upright point (a, e):
/// e_a = [K⁻¹y]_{(a,e)}/[K⁻¹]_{(a,e),(a,e)} = ȳ_a − f_{−(a,e)}(x_a), solved directly. When the kernel is invariant
/// (`invarianceDefect` ≈ 0) the exact block formula needs no circularisation:
/// e_a = [M(0)⁻¹ȳ]_a / [K⁻¹]_{(a,e),(a,e)}, M(0)_ab = Σ_t K_{(a,e),(b,t)}, the denominator from G's Fourier blocks
/// (cyclic: (1/N) Σ_f [M(f)⁻¹]_aa; any G: its isotypic blocks). For two seeds of a cyclic group the paper's
/// spectral error (eq. 7) circularises the interleaved 2N×2N kernel: each cyclic diagonal averaged to c_m,
/// λ_k = Σ_m c_m cos(πkm/N), ε = λ_N⁻¹ / mean_k λ_k⁻¹; it is exact when the two orbits interleave into one orbit
/// of C_2N (then `circulantDefect` ≈ 0).
public struct OrbitKernelAnalysis: OrbitKernelSummary {
    /// N, the points per orbit.
    public let orbitLength: Int
    /// s, the number of orbits.
    public let seeds: Int
    /// max |K_{(a,ht),(b,hu)} − K_{(a,t),(b,u)}| over the generators h, over max |K|: 0 for an invariant kernel.
    public let invarianceDefect: Double
    /// Two seeds, cyclic G: max |K̃ − circ(K̃)| / max |K| for the interleaved kernel K̃ (0: ε is exact).
    public let circulantDefect: Double?
    /// max_ab max_{t,u} |K_{(a,t),(b,u)} − mean K_ab| / max |K|: 0 when the kernel is constant on orbit pairs
    /// (then K has rank ≤ s; the CNN with average pooling over shifts, Prop. 3).
    public let constantDefect: Double
    /// The numerical rank of K (without the ridge): eigenvalues above `rankTolerance` = sN·ε·λ_max.
    public let rank: Int
    /// The eigenvalue threshold of `rank`.
    public let rankTolerance: Double
    /// Leave-one-out residuals at the upright points, by a direct solve of the sN×sN system; nil when K + ρI is
    /// singular (rank < sN: add a ridge).
    public let exactResiduals: [Double]?
    /// The same by the block formula (exact when `invarianceDefect` is at rounding level); nil also when the
    /// block formula was not run (`blockFormulaNote`).
    public let blockResiduals: [Double]?
    /// The Fourier blocks' eigenvalues: per frequency f (cyclic G) or per isotypic block (any G).
    public let blockSpectra: [BlockSpectrum]
    /// Two seeds, cyclic G: the circularised interleaved spectrum λ_0 … λ_{2N−1} of K + ρI (the ridge included).
    public let circularizedSpectrum: [Double]?
    /// Two seeds: ‖x̄_A − x̄_B‖² between the orbits' centroids (the paper's Δ², inter-class distance).
    public let deltaSquared: Double?
    /// Two seeds: the mean distance of an orbit's points from its centroid (1 on the unit circles of Fig. 3).
    public let orbitRadius: Double?
    /// K + ρI's eigen-decomposition (for the direct leave-out solves).
    let eigenvalues: [Double]
    let eigenvectors: [Double]
    /// Vᵀy (empty when K + ρI is singular).
    let projectedLabels: [Double]
    let blocks: (any OrbitBlocks)?
    /// Why the block formula was not run (a non-abelian G too large for its isotypic frame), or nil.
    public let blockFormulaNote: String?
    /// M(0)⁻¹ȳ: (K⁻¹y)_{(a,t)} for every t.
    let invariantSolution: [Double]

    /// Orbits given in cyclic order g^0 x_a, …, g^{N−1} x_a.
    public init(orbits: [[[Double]]], labels: [Double], kernel: KernelChoice, ridge: Double = 0) throws {
        try self.init(try OrbitDataset(cyclicOrbits: orbits, labels: labels), kernel: kernel, ridge: ridge)
    }

    /// - Parameter progress: receives the isotypic frame's progress (non-abelian G: seconds for |G| near 120).
    /// - Throws: `.lapack` if a decomposition fails.
    public init(
        _ data: OrbitDataset, kernel: KernelChoice, ridge: Double = 0, progress: (String) -> Void = { _ in }
    ) throws {
        let (s, n) = (data.orbits.count, data.orbitLength)
        let d = data.orbits.first?.first?.count ?? 0
        orbitLength = n
        seeds = s
        let size = s * n
        let points = data.orbits.flatMap { $0 }.flatMap { $0 }
        var k = kernel.matrix(points, points, features: d)
        let scale = max(k.map(abs).max() ?? 1, .leastNormalMagnitude)
        var defect = 0.0
        for h in data.leftMultiplication {
            for i in 0..<size {
                for j in 0..<size {
                    let moved = k[(i / n * n + h[i % n]) * size + j / n * n + h[j % n]]
                    defect = max(defect, abs(moved - k[i * size + j]))
                }
            }
        }
        invarianceDefect = defect / scale
        constantDefect = Self.constantDefect(k, seeds: s, length: n) / scale
        (deltaSquared, orbitRadius) = s == 2 ? Self.geometry(data.orbits) : (nil, nil)
        for i in 0..<size { k[i * size + i] += ridge }
        // ε belongs to the matrix the residuals are computed with: K + ρI (ρI is circulant, the defect unchanged)
        let circulant = data.isCyclic && s == 2 ? Self.circularized(k, length: n) : nil
        circularizedSpectrum = circulant?.spectrum
        circulantDefect = circulant.map { $0.defect / scale }
        let e = try Eigen.symmetric(k, size)
        let tolerance = Double(size) * Double.ulpOfOne * ((e.values.first ?? 0) - ridge)
        rankTolerance = tolerance
        rank = e.values.filter { $0 - ridge > tolerance }.count
        eigenvalues = e.values
        eigenvectors = e.vectors
        (blocks, blockFormulaNote) = try Self.blocks(k, data, progress: progress)
        blockSpectra = blocks?.spectra ?? []
        // regression needs K + ρI regular beyond rounding: its smallest eigenvalue above the rank tolerance
        guard let smallest = e.values.last, smallest > tolerance else {
            invariantSolution = []
            projectedLabels = []
            exactResiduals = nil
            blockResiduals = nil
            return
        }
        let solution = try Self.invariantSolution(
            rows: Self.uprightRows(k, seeds: s, length: n), labels: data.labels, length: n)
        invariantSolution = solution
        let projected = Self.projected(e, labels: data.labels.flatMap { [Double](repeating: $0, count: n) })
        projectedLabels = projected
        exactResiduals = try (0..<s).map { try Self.directResiduals(e, projected: projected, at: [$0 * n])[0] }
        blockResiduals = blocks.map { b in (0..<s).map { a in solution[a] / b.inverseEntry(a, 0, a, 0) } }
    }

    /// The largest non-abelian group whose regular representation's isotypic frame is built (by the exact
    /// engine, MATH.md §8.2; abelian groups use their characters at any order).
    public static let largestNonAbelianGroup = 120

    /// G's Fourier blocks of K (ridge included): the DFT for one generator, else the isotypic frame, or why not.
    static func blocks(
        _ k: [Double], _ data: OrbitDataset, progress: (String) -> Void
    ) throws -> ((any OrbitBlocks)?, String?) {
        let (s, n) = (data.orbits.count, data.orbitLength)
        if data.isCyclic {
            return (try CyclicOrbitBlocks(rows: uprightRows(k, seeds: s, length: n), seeds: s, length: n), nil)
        }
        let left = data.leftMultiplication
        let abelian = left.allSatisfy { g in left.allSatisfy { h in (0..<n).allSatisfy { g[h[$0]] == h[g[$0]] } } }
        guard abelian || n <= largestNonAbelianGroup else {
            return (
                nil,
                "the block formula needs the isotypic frame of G's regular representation, built here for "
                    + "non-abelian groups up to order \(largestNonAbelianGroup) (|G| = \(n)); the direct solve stands"
            )
        }
        do {
            return (try GroupOrbitBlocks(kernel: k, seeds: s, leftMultiplication: left, progress: progress), nil)
        } catch {
            return (nil, "G's isotypic frame could not be built (\(error)); the direct solve stands")
        }
    }

    /// Leave-one-out for a set of points (orbit a, position t) left out together (MATH.md §11.2, A.1):
    /// e_M = [(K⁻¹)_MM]⁻¹ (K⁻¹y)_M, by a direct solve and by the block formula, in which (K⁻¹)_MM comes from the
    /// inverted Fourier blocks and (K⁻¹y)_{(a,t)} = [M(0)⁻¹ȳ]_a.
    public func residuals(leavingOut points: [(orbit: Int, position: Int)]) throws -> (
        direct: [Double], block: [Double]?
    ) {
        guard exactResiduals != nil else {
            throw NumericError.invalidInput("the kernel matrix is singular on these orbits; add a ridge")
        }
        let index = try Self.leaveOutIndex(points, seeds: seeds, length: orbitLength)
        let direct = try Self.directResiduals((eigenvalues, eigenvectors), projected: projectedLabels, at: index)
        guard let blocks else { return (direct, nil) }
        return (direct, try Self.blockResiduals(leavingOut: points, blocks: blocks, invariant: invariantSolution))
    }
}
