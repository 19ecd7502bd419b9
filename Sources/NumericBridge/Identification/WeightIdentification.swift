import Foundation
import Algebra
import Geometry

/// Which component a trained W lies in (MATH.md §4.2–4.3, MATH.md §8.1). The equivariant part π(W) is the
/// orthogonal projection onto the commutant (= the group average of g W g⁻¹): in the Q basis, each block's
/// slots averaged and projected onto the realified μ×μ matrices over D, giving F_ρ. W is equivariant when
/// ‖W − π(W)‖_F is at rounding level; its component is the tuple t_ρ = rank_D F_ρ, each rank counting the
/// D-singular values of F_ρ above a threshold, and rank π(W) = Σ_ρ w_ρ t_ρ. The default threshold is the
/// larger of the rounding level τ·‖π(W)‖₂ (τ = n·ε) and the noise floor 2‖W − π(W)‖_F/√n: about the largest
/// singular value that isotropic noise as large as W's non-equivariant part leaves in π(W) (a trained,
/// nearly equivariant W keeps its component); a tolerance given by the user replaces both.
public struct WeightIdentification: Sendable {
    /// One block's verdict: F_ρ's singular values over D and its rank.
    public struct Block: Sendable {
        /// The block's label.
        public let label: String
        /// D = End_G(ρ).
        public let type: DivisionAlgebra
        /// w = dim_ℝ ρ.
        public let weight: Int
        /// μ, the size of F_ρ over D.
        public let multiplicity: Int
        /// The μ singular values of F_ρ over D, descending (each real singular value of the realified F_ρ
        /// appears δ times; this is the mean of each cluster of δ).
        public let singularValues: [Double]
        /// rank_D F_ρ: how many singular values exceed the tolerance.
        public let rank: Int
        /// The smallest kept singular value (nil when the rank is 0).
        public var kept: Double? { rank > 0 ? singularValues[rank - 1] : nil }
        /// The largest dropped singular value (nil when the rank is full).
        public var dropped: Double? { rank < multiplicity ? singularValues[rank] : nil }
    }

    /// n, the size of W.
    public let n: Int
    /// ‖W‖_F.
    public let norm: Double
    /// max over the generators g of ‖P_g W P_gᵀ − W‖_F / ‖W‖_F (computed on W's entries, without Q).
    public let commutatorDefect: Double
    /// ‖W − π(W)‖_F / ‖W‖_F, the relative distance to the nearest equivariant matrix.
    public let equivariantDistance: Double
    /// The relative tolerance τ: W is equivariant when its distance is at most τ.
    public let tolerance: Double
    /// 2‖W − π(W)‖_F/√n (see above).
    public let noiseFloor: Double
    /// Ranks count the singular values above this threshold.
    public let threshold: Double
    /// ‖π(W)‖₂, the largest singular value over all blocks.
    public let spectralNorm: Double
    /// The blocks in canonical order.
    public let blocks: [Block]
    /// F_ρ per block (δμ×δμ, row-major) and ‖W − π(W)‖²_F, for the distance to an optimum.
    let maps: [[Double]]
    let offCommutantSquared: Double

    /// t: the per-block ranks.
    public var tuple: [Int] { blocks.map(\.rank) }
    /// rank π(W) = Σ_ρ w_ρ t_ρ: the component V_t is one of E_rank's irreducible components.
    public var rank: Int { blocks.reduce(0) { $0 + $1.weight * $1.rank } }
    /// Whether W is equivariant within the tolerance.
    public var isEquivariant: Bool { equivariantDistance <= tolerance }

    /// The thresholds giving the same tuple, relative to ‖π(W)‖₂: from the largest dropped to the smallest
    /// kept singular value (0 and 1 when nothing is dropped or kept).
    public var stableTolerances: (lower: Double, upper: Double) {
        guard spectralNorm > 0 else { return (0, 1) }
        let dropped = blocks.compactMap(\.dropped).max() ?? 0
        let kept = blocks.compactMap(\.kept).min() ?? spectralNorm
        return (dropped / spectralNorm, kept / spectralNorm)
    }

    /// The default relative tolerance n·ε of the stored type (as NumPy's `matrix_rank`).
    public static func defaultTolerance(_ w: WeightMatrix) -> Double { Double(w.n) * w.epsilon }

    /// - Throws: `NumericError.invalidInput` when W's size is not the frame's degree; `MemoryLimitError` when
    ///   the dense n×n work would exceed the memory budget; `NumericError.lapack` if an SVD fails.
    public init(_ w: WeightMatrix, frame: IsotypicFrame, tolerance: Double? = nil) throws {
        let n = frame.degree
        guard w.n == n else {
            throw NumericError.invalidInput(
                "the weights are \(w.n)×\(w.n), but the action acts on \(n) points (\(n)×\(n))")
        }
        try MemoryBudget.require(
            ByteCount.product(4, n, n, 8), for: "identifying a dense \(n)×\(n) matrix",
            advice: "a model built from eqgeom's weight-sharing pattern lies in its component by construction")
        self.n = n
        let tau = tolerance ?? Self.defaultTolerance(w)
        self.tolerance = tau
        // the work runs on W·2^e with its largest entry in [1, 2) (exact), so no square underflows or overflows
        // (W at 1e-200 would otherwise have norm 0 and look equivariant); absolute results are scaled back
        let largestEntry = w.values.reduce(0) { max($0, abs($1)) }
        let e = largestEntry > 0 && largestEntry.isFinite ? -Int(largestEntry.exponent) : 0
        let values = e == 0 ? w.values : w.values.map { scalbn($0, e) }
        let scaledNorm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        norm = scalbn(scaledNorm, -e)
        let scale = scaledNorm > 0 ? scaledNorm : 1
        commutatorDefect = frame.generators.map { Self.commutator(values, $0) }.max().map { $0 / scale } ?? 0
        let m = frame.conjugate(values)
        let (scaledMaps, off) = Self.project(m, frame: frame)
        maps = scaledMaps.map { $0.map { scalbn($0, -e) } }
        offCommutantSquared = scalbn(off, -2 * e)
        equivariantDistance = off.squareRoot() / scale
        let unscale = { (x: Double) in scalbn(x, -e) }
        var singular: [[Double]] = []
        for (b, f) in zip(frame.blocks, scaledMaps) {
            let delta = b.type.dimension
            let real = try singularValues(f, rows: delta * b.multiplicity, columns: delta * b.multiplicity)
            singular.append(
                (0..<b.multiplicity).map { i in real[(i * delta)..<((i + 1) * delta)].reduce(0, +) / Double(delta) })
        }
        let largest = singular.compactMap(\.first).max() ?? 0
        let floor = 2 * off.squareRoot() / Double(n).squareRoot()
        let threshold = tolerance == nil ? max(tau * largest, floor) : tau * largest
        spectralNorm = unscale(largest)
        noiseFloor = unscale(floor)
        self.threshold = unscale(threshold)
        blocks = zip(frame.blocks, singular).map { b, s in
            Block(
                label: b.label, type: b.type, weight: b.weight, multiplicity: b.multiplicity,
                singularValues: s.map(unscale), rank: largest > 0 ? s.filter { $0 > threshold }.count : 0)
        }
    }

    /// ‖P_g W P_gᵀ − W‖_F = (Σ_ij (W[g(i), g(j)] − W[i, j])²)^{1/2}.
    static func commutator(_ w: [Double], _ g: [Int32]) -> Double {
        let n = g.count
        var sum = 0.0
        for i in 0..<n {
            let gi = Int(g[i]) * n
            for j in 0..<n {
                let d = w[gi + Int(g[j])] - w[i * n + j]
                sum += d * d
            }
        }
        return sum.squareRoot()
    }

    /// F_ρ per block (the slots' diagonal blocks of M = QᵀWQ averaged, then projected onto the realified
    /// matrices over D) and ‖M − ⊕ I_c ⊗ F_ρ‖²_F, summed entry by entry (no cancellation).
    static func project(_ m: [Double], frame: IsotypicFrame) -> (maps: [[Double]], off: Double) {
        let n = frame.degree
        var slot = [Int](repeating: -1, count: n)
        var position = [Int](repeating: 0, count: n)
        var owner: [Int] = []
        var maps: [[Double]] = []
        for (index, b) in frame.blocks.enumerated() {
            let d = b.type.dimension * b.multiplicity
            var sum = [Double](repeating: 0, count: d * d)
            for j in 0..<b.slots {
                let columns = b.columns[(j * d)..<((j + 1) * d)]
                for (p, row) in columns.enumerated() {
                    slot[row] = owner.count
                    position[row] = p
                    for (q, column) in columns.enumerated() { sum[p * d + q] += m[row * n + column] }
                }
                owner.append(index)
            }
            let c = Double(b.slots)
            maps.append(CommutantProjection.project(sum.map { $0 / c }, mu: b.multiplicity, structure: b.structure))
        }
        precondition(!slot.contains(-1), "the blocks' columns cover all n coordinates")
        var off = 0.0
        for p in 0..<n {
            for q in 0..<n {
                var e = m[p * n + q]
                if slot[p] == slot[q] {
                    let b = owner[slot[p]]
                    let d = frame.blocks[b].type.dimension * frame.blocks[b].multiplicity
                    e -= maps[b][position[p] * d + position[q]]
                }
                off += e * e
            }
        }
        return (maps, off)
    }
}
