import Foundation
import Algebra
import Geometry

/// Q_σ in double precision (MATH.md §5), dense, with its measured errors.
///
/// Entries: c^{−1/2} (constant), c^{−1/2}(−1)^s (alternating), √(2/c)·cos(2π(fs mod c)/c) and
/// √(2/c)·sin(…) (the argument reduced mod c before rounding, which keeps every entry within a few ulp).
public struct NumericBasis: Sendable {
    /// Q_σ's layout.
    public let layout: BasisLayout
    /// Q_σ, n×n row-major: `matrix[i*n + j]` = Q[i, j].
    public let matrix: [Double]

    /// - Throws: `MemoryLimitError` when n²·8 bytes exceed the memory budget (use `StructuredTransform`).
    public init(_ layout: BasisLayout) throws {
        try Self.requireMemory(layout)
        let n = layout.degree
        var q = [Double](repeating: 0, count: n * n)
        for (j, col) in layout.columns.enumerated() {
            let cycle = layout.cycles[col.cycle]
            for (s, p) in cycle.enumerated() { q[p * n + j] = Self.entry(col, position: s, cycleLength: cycle.count) }
        }
        self.layout = layout
        matrix = q
    }

    /// Refuses a dense Q_σ whose n²·8 bytes exceed the memory budget.
    public static func requireMemory(_ layout: BasisLayout) throws {
        let n = layout.degree
        try MemoryBudget.require(
            ByteCount.product(n, n, 8), for: "a dense Q_σ for n = \(n)",
            advice: "apply Q by the structured transform instead of forming it, or use a smaller case")
    }

    /// The value of a normalised column at position s of its cycle.
    static func entry(_ col: BasisColumn, position s: Int, cycleLength c: Int) -> Double {
        let dc = Double(c)
        switch col.kind {
        case .constant: return 1 / dc.squareRoot()
        case .alternating: return (s % 2 == 0 ? 1 : -1) / dc.squareRoot()
        case .cosine: return (2 / dc).squareRoot() * cos(2 * Double.pi * Double(col.frequency * s % c) / dc)
        case .sine: return (2 / dc).squareRoot() * sin(2 * Double.pi * Double(col.frequency * s % c) / dc)
        }
    }

    /// max |(QᵀQ − I)_{ij}| and the Frobenius norm ‖QᵀQ − I‖_F.
    public var orthogonalityError: (max: Double, frobenius: Double) {
        let n = layout.degree
        let g = BLAS.multiply(matrix, matrix, m: n, n: n, k: n, transposeA: true)
        return deviation(g) { $0 == $1 ? 1 : 0 }
    }

    /// max |(QᵀP_σQ − J)_{ij}| and ‖QᵀP_σQ − J‖_F, J = I ⊕ rotation blocks ⊕ −I.
    public var blockError: (max: Double, frobenius: Double) {
        let n = layout.degree
        var pq = [Double](repeating: 0, count: n * n)
        for i in 0..<n {  // (P Q)[σ(i), :] = Q[i, :]
            let target = layout.permutation.image(of: i + 1) - 1
            for j in 0..<n { pq[target * n + j] = matrix[i * n + j] }
        }
        let h = BLAS.multiply(matrix, pq, m: n, n: n, k: n, transposeA: true)
        let j = blockForm()
        return deviation(h) { j[$0 * n + $1] }
    }

    /// J as a dense row-major array.
    public func blockForm() -> [Double] {
        let n = layout.degree
        var j = [Double](repeating: 0, count: n * n)
        for (a, col) in layout.columns.enumerated() {
            let c = Double(layout.cycles[col.cycle].count)
            let theta = 2 * Double.pi * Double(col.frequency) / c
            switch col.kind {
            case .constant: j[a * n + a] = 1
            case .alternating: j[a * n + a] = -1
            case .cosine:  // pair (a, a+1) = (cos, sin): [[cos θ, −sin θ], [sin θ, cos θ]]
                j[a * n + a] = cos(theta)
                j[a * n + a + 1] = -sin(theta)
                j[(a + 1) * n + a] = sin(theta)
                j[(a + 1) * n + a + 1] = cos(theta)
            case .sine: break
            }
        }
        return j
    }

    private func deviation(_ m: [Double], _ expected: (Int, Int) -> Double) -> (max: Double, frobenius: Double) {
        let n = layout.degree
        var mx = 0.0
        var sq = 0.0
        for i in 0..<n {
            for k in 0..<n {
                let d = abs(m[i * n + k] - expected(i, k))
                mx = max(mx, d)
                sq += d * d
            }
        }
        return (mx, sq.squareRoot())
    }
}
