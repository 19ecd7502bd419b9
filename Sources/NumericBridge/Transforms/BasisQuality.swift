import Foundation
import Geometry

/// How good the numeric Q_σ is: ‖QᵀQ − I‖_F and ‖QᵀP_σQ − J‖_F and their largest entries.
///
/// Q_σ is block diagonal up to a row permutation: the columns of one cycle live on that cycle's points,
/// and all cycles of one length have the same c×c block. So both errors are computed exactly as the dense
/// products would give them, from one c×c block per distinct cycle length (weighted by how many cycles
/// have it), in O(Σ c³) time and O(c²) memory, never n×n. Cycles longer than `longestExactCycle` are
/// measured by random probes of the structured transform instead (`method` says which).
public struct BasisQuality: Sendable {
    /// ‖QᵀQ − I‖_F.
    public let orthogonalityError: Double
    /// ‖QᵀP_σQ − J‖_F.
    public let blockError: Double
    /// Largest entry errors (nil when probes were used).
    public let orthogonalityErrorMax: Double?
    /// The largest entry of QᵀP_σQ − J (nil when probes were used).
    public let blockErrorMax: Double?
    /// How the errors were obtained: exactly per cycle length, or partly by probes.
    public let method: String

    /// Longest cycle whose c×c block is formed exactly.
    public static let longestExactCycle = 2048

    /// Measures Q_σ's errors (see the type).
    public init(_ layout: BasisLayout) {
        var representative: [Int: (cycle: Int, copies: Int)] = [:]
        for (k, cycle) in layout.cycles.enumerated() {
            representative[cycle.count, default: (k, 0)].copies += 1
        }
        var columnsOf: [Int: [BasisColumn]] = [:]
        let wanted = Set(representative.values.map(\.cycle))
        for col in layout.columns where wanted.contains(col.cycle) { columnsOf[col.cycle, default: []].append(col) }
        var orthogonality = (max: 0.0, squares: 0.0)
        var block = (max: 0.0, squares: 0.0)
        var probed = false
        for (c, rep) in representative.sorted(by: { $0.key < $1.key }) {
            guard c <= Self.longestExactCycle else {
                probed = true
                continue
            }
            let errors = Self.cycleErrors(columnsOf[rep.cycle] ?? [], length: c)
            orthogonality.max = max(orthogonality.max, errors.orthogonality.max)
            orthogonality.squares += Double(rep.copies) * errors.orthogonality.squares
            block.max = max(block.max, errors.block.max)
            block.squares += Double(rep.copies) * errors.block.squares
        }
        if probed {
            let probe = TransformProbe(StructuredTransform(layout))
            orthogonalityError = max(orthogonality.squares.squareRoot(), probe.roundTripError)
            blockError = max(block.squares.squareRoot(), probe.blockError)
            orthogonalityErrorMax = nil
            blockErrorMax = nil
            method =
                "exact per cycle length up to \(Self.longestExactCycle), longer cycles by "
                + "\(probe.vectors) random probes of the structured transform (estimates)"
        } else {
            orthogonalityError = orthogonality.squares.squareRoot()
            blockError = block.squares.squareRoot()
            orthogonalityErrorMax = orthogonality.max
            blockErrorMax = block.max
            method = "exact: one c×c block per distinct cycle length (equal to the dense products)"
        }
    }

    /// The errors of one cycle's block Q_c (rows: positions along the cycle; columns: its basis columns
    /// in layout order): QᵀQ − I and Qᵀ P Q − J with (P Q)[s+1] = Q[s].
    static func cycleErrors(_ columns: [BasisColumn], length c: Int) -> (
        orthogonality: (max: Double, squares: Double), block: (max: Double, squares: Double)
    ) {
        var q = [Double](repeating: 0, count: c * c)
        for (a, col) in columns.enumerated() {
            for s in 0..<c { q[s * c + a] = NumericBasis.entry(col, position: s, cycleLength: c) }
        }
        var pq = [Double](repeating: 0, count: c * c)
        for s in 0..<c { for a in 0..<c { pq[((s + 1) % c) * c + a] = q[s * c + a] } }
        let gram = BLAS.multiply(q, q, m: c, n: c, k: c, transposeA: true)
        let h = BLAS.multiply(q, pq, m: c, n: c, k: c, transposeA: true)
        var j = [Double](repeating: 0, count: c * c)
        for (a, col) in columns.enumerated() {
            let theta = 2 * Double.pi * Double(col.frequency) / Double(c)
            switch col.kind {
            case .constant: j[a * c + a] = 1
            case .alternating: j[a * c + a] = -1
            case .cosine:
                j[a * c + a] = cos(theta)
                j[a * c + a + 1] = -sin(theta)
                j[(a + 1) * c + a] = sin(theta)
                j[(a + 1) * c + a + 1] = cos(theta)
            case .sine: break
            }
        }
        func deviation(_ m: [Double], _ expected: (Int) -> Double) -> (max: Double, squares: Double) {
            var result = (max: 0.0, squares: 0.0)
            for k in 0..<(c * c) {
                let d = abs(m[k] - expected(k))
                result.max = max(result.max, d)
                result.squares += d * d
            }
            return result
        }
        return (deviation(gram) { $0 / c == $0 % c ? 1 : 0 }, deviation(h) { j[$0] })
    }
}
