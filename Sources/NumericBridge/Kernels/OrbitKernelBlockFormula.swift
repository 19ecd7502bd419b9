import Algebra
import Foundation

/// Kernel regression on s orbits of one permutation g of large order N by the exact block formula alone
/// (MATH.md §11.3): an invariant kernel is determined by its rows at the upright points, K_{(a,0),(b,t)}, so only
/// those s × sN values are evaluated; M(f) comes from one real FFT per pair (a, b), and
/// e_a = [M(0)⁻¹ȳ]_a / ((1/N) Σ_f [M(f)⁻¹]_aa). O(s²N·d + s²N log N + N s³) time and O(sN·d) memory, where a
/// direct solve needs (sN)² memory and (sN)³ time. Invariance is checked on sampled rows (t = 1, N/2, N − 1).
public struct OrbitKernelBlockFormula: OrbitKernelSummary {
    /// N, the points per orbit.
    public let orbitLength: Int
    /// s, the number of orbits.
    public let seeds: Int
    /// max |K_{(a,t),(b,u)} − K_{(a,0),(b,u−t)}| over max |K| on the checked rows.
    public let invarianceDefect: Double
    /// The positions t whose rows were compared with the shifted upright rows.
    public let checkedPositions: [Int]
    /// Leave-one-out residuals at the upright points; nil when K + ρI is numerically singular.
    public let blockResiduals: [Double]?
    /// The eigenvalues of every frequency block M(f).
    public let blockSpectra: [BlockSpectrum]
    /// Two seeds: the paper's circularised interleaved spectrum of K + ρI (2N values), for ε = λ_N⁻¹ / mean λ⁻¹.
    public let circularizedSpectrum: [Double]?
    /// Two seeds: the squared distance between the orbits' means.
    public let deltaSquared: Double?
    /// Two seeds: the mean distance of the points from their orbit's mean.
    public let orbitRadius: Double?
    let blocks: CyclicOrbitBlocks
    /// M(0)⁻¹ȳ = (K⁻¹y)_{(a,t)} for every t; empty when K + ρI is singular.
    let invariantSolution: [Double]

    /// - Parameters: seeds: s vectors of d values; images: g's 0-based images on d points; order: N.
    /// - Throws: `MemoryError` beyond the memory budget (s·N·d values), `NumericError` on bad input.
    public init(
        seeds: [[Double]], labels: [Double], permutation images: [Int], order n: Int, kernel: KernelChoice,
        ridge: Double = 0
    ) throws {
        let s = seeds.count
        guard let d = seeds.first?.count, s >= 1, n >= 1, labels.count == s, images.count == d,
            seeds.allSatisfy({ $0.count == d })
        else { throw NumericError.invalidInput("block formula: s seeds of d values, s labels, a permutation of d") }
        try MemoryBudget.require(
            ByteCount.product(s, n, d, 16), for: "the orbits' points (\(s) × \(n) × \(d) values)",
            advice: "use fewer seeds or a permutation of smaller order")
        orbitLength = n
        self.seeds = s
        let orbits = seeds.map { OrbitKernelAnalysis.orbit(of: $0, permutation: images, length: n) }
        let points = orbits.flatMap { $0 }.flatMap { $0 }
        let size = s * n
        var rows = kernel.matrix(seeds.flatMap { $0 }, points, features: d)
        let scale = max(rows.map(abs).max() ?? 1, .leastNormalMagnitude)
        // sampled invariance: row (a, t) against row (a, 0) shifted by t
        let positions = Array(Set([1 % n, n / 2, n - 1])).filter { $0 > 0 }.sorted()
        var defect = 0.0
        for t in positions {
            let moved = kernel.matrix(orbits.flatMap { $0[t] }, points, features: d)
            for a in 0..<s {
                for b in 0..<s {
                    for u in 0..<n {
                        let reference = rows[a * size + b * n + (u - t + n) % n]
                        defect = max(defect, abs(moved[a * size + b * n + u] - reference))
                    }
                }
            }
        }
        invarianceDefect = defect / scale
        checkedPositions = positions
        (deltaSquared, orbitRadius) = s == 2 ? OrbitKernelAnalysis.geometry(orbits) : (nil, nil)
        for a in 0..<s { rows[a * size + a * n] += ridge }
        // ε of K + ρI, the matrix of the residuals
        circularizedSpectrum =
            s == 2
            ? CyclicOrbitBlocks.circulantSpectrum(CyclicOrbitBlocks.interleavedDiagonals(rows: rows, length: n)) : nil
        let blocks = try CyclicOrbitBlocks(rows: rows, seeds: s, length: n)
        self.blocks = blocks
        blockSpectra = blocks.spectra
        let largest = blocks.spectra.compactMap { $0.eigenvalues.first }.max() ?? 0
        let smallest = blocks.spectra.compactMap { $0.eigenvalues.last }.min() ?? 0
        guard smallest > Double(size) * Double.ulpOfOne * largest else {
            blockResiduals = nil
            invariantSolution = []
            return
        }
        let solution = try OrbitKernelAnalysis.invariantSolution(rows: rows, labels: labels, length: n)
        invariantSolution = solution
        blockResiduals = (0..<s).map { a in solution[a] / blocks.inverseEntry(a, 0, a, 0) }
    }

    /// Several points (orbit a, position t) left out together: e_M = [(K⁻¹)_MM]⁻¹ (K⁻¹y)_M from the blocks
    /// (MATH.md §11.3, A.1), O(|M|² N).
    /// - Throws: `NumericError.invalidInput` for points outside the orbits or a singular kernel.
    public func residuals(leavingOut points: [(orbit: Int, position: Int)]) throws -> [Double] {
        guard !invariantSolution.isEmpty else {
            throw NumericError.invalidInput("the kernel matrix is singular on these orbits; add a ridge")
        }
        _ = try OrbitKernelAnalysis.leaveOutIndex(points, seeds: seeds, length: orbitLength)
        return try OrbitKernelAnalysis.blockResiduals(leavingOut: points, blocks: blocks, invariant: invariantSolution)
    }
}
