import Foundation
import Algebra
import Geometry

/// Applies Q_σᵀ and Q_σ to a batch of vectors without forming Q_σ (MATH.md §5: "Q_σᵀx is, cycle by
/// cycle, a real DFT of the values along the cycle").
///
/// For each distinct cycle length c, the values along every cycle of every row of a tile are gathered once
/// into an FFTW buffer, transformed by one batched real-to-complex plan (`RealFFT`), and read once into the
/// coordinate layout: constant Re X(0)/√c, cosine √(2/c)·Re X(f), sine −√(2/c)·Im X(f), alternating
/// Re X(c/2)/√c. O(n log c) per vector; memory O(n) plus one tile of buffers whatever n is: n = 10^6 works
/// where a dense Q would need 8 TB.
///
/// Batches are row-major `batch × n` arrays, one vector per row (the layout of a data matrix).
public struct StructuredTransform: Sendable {
    public let layout: BasisLayout

    /// For each distinct cycle length: the cycles of that length and their columns.
    let groups: [Group]

    struct Group: Sendable {
        let length: Int
        /// The points of each cycle of this length, position by position, concatenated.
        let points: [Int]
        /// Per cycle and local column: the global column (cycle-major, local order = layout order).
        let columns: [Int]
        /// Per local column: the offset of its value in an interleaved half spectrum (2f or 2f + 1), and its
        /// factor: 1/√c (constant, alternating), √(2/c) (cosine), −√(2/c) (sine, whose coordinate is −Im X(f)).
        let spectrumOffset: [Int]
        let factor: [Double]
        var cycleCount: Int { points.count / length }
        var halfLength: Int { length / 2 + 1 }
    }

    /// FFTW plans by (cycle length, transforms per tile), made once and reused across calls.
    let plans = PlanCache()

    /// Values per FFTW buffer (a tile of rows is at most this many values, or one row).
    static let tileValues = 1 << 20

    public init(_ layout: BasisLayout) {
        self.layout = layout
        var perCycle = [[Int]](repeating: [], count: layout.cycles.count)
        for (j, col) in layout.columns.enumerated() { perCycle[col.cycle].append(j) }
        var byLength: [Int: [Int]] = [:]
        for (k, cycle) in layout.cycles.enumerated() { byLength[cycle.count, default: []].append(k) }
        groups = byLength.sorted { $0.key < $1.key }.map { c, cycles in
            let local = perCycle[cycles[0]].map { layout.columns[$0] }
            let (scale0, scale) = (1 / Double(c).squareRoot(), (2 / Double(c)).squareRoot())
            return Group(
                length: c, points: cycles.flatMap { layout.cycles[$0] }, columns: cycles.flatMap { perCycle[$0] },
                spectrumOffset: local.map { 2 * $0.frequency + ($0.kind == .sine ? 1 : 0) },
                factor: local.map {
                    switch $0.kind {
                    case .constant, .alternating: return scale0
                    case .cosine: return scale
                    case .sine: return -scale
                    }
                })
        }
    }

    public var degree: Int { layout.degree }

    /// Y = X·Q_σ: row r of Y holds the coordinates Q_σᵀx of row r of X.
    /// - Precondition: `x.count == batch · n`.
    public func forward(_ x: [Double], batch: Int) -> [Double] { apply(x, batch: batch, inverse: false) }

    /// X = Y·Q_σᵀ: back from coordinates to pixels.
    /// - Precondition: `y.count == batch · n`.
    public func inverse(_ y: [Double], batch: Int) -> [Double] { apply(y, batch: batch, inverse: true) }

    private func apply(_ input: [Double], batch: Int, inverse: Bool) -> [Double] {
        let n = degree
        precondition(input.count == batch * n, "batch has \(input.count) values, expected \(batch)×\(n)")
        var out = [Double](repeating: 0, count: batch * n)
        input.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                guard let x = src.baseAddress, let y = dst.baseAddress else { return }
                for g in groups {
                    let rowsPerTile = max(1, min(batch, Self.tileValues / max(g.points.count, 1)))
                    for start in stride(from: 0, to: batch, by: rowsPerTile) {
                        let rows = min(rowsPerTile, batch - start)
                        let plan = plans.plan(dims: [g.length], howMany: rows * g.cycleCount)
                        if inverse {
                            backward(g, plan, from: x, to: y, rows: start..<(start + rows))
                        } else {
                            forward(g, plan, from: x, to: y, rows: start..<(start + rows))
                        }
                    }
                }
            }
        }
        return out
    }

    /// Gathers the tile's cycles, transforms them, writes the coordinates.
    private func forward(
        _ g: Group, _ plan: RealFFT, from x: UnsafePointer<Double>, to y: UnsafeMutablePointer<Double>,
        rows: Range<Int>
    ) {
        let n = degree
        let width = g.points.count
        for (t, r) in rows.enumerated() {
            for (i, p) in g.points.enumerated() { plan.input[t * width + i] = x[r * n + p] }
        }
        plan.forward()
        let local = g.factor.count
        let half = g.halfLength
        for (t, r) in rows.enumerated() {
            for k in 0..<g.cycleCount {
                let spectrum = plan.output + 2 * (t * g.cycleCount + k) * half
                let row = y + r * n
                for j in 0..<local { row[g.columns[k * local + j]] = spectrum[g.spectrumOffset[j]] * g.factor[j] }
            }
        }
    }

    /// Writes the tile's half spectra from the coordinates (X_f = √(2/c)(y_cos − i·y_sin)/2, X_0 and X_{c/2}
    /// real), transforms back, scatters the values.
    private func backward(
        _ g: Group, _ plan: RealFFT, from y: UnsafePointer<Double>, to x: UnsafeMutablePointer<Double>,
        rows: Range<Int>
    ) {
        let n = degree
        let width = g.points.count
        plan.output.update(repeating: 0, count: 2 * rows.count * g.cycleCount * g.halfLength)
        let local = g.factor.count
        let half = g.halfLength
        for (t, r) in rows.enumerated() {
            for k in 0..<g.cycleCount {
                let spectrum = plan.output + 2 * (t * g.cycleCount + k) * half
                for j in 0..<local {
                    // X_f = √(2/c)(y_cos − i·y_sin)/2 for a pair; X_0, X_{c/2} = y/√c
                    let offset = g.spectrumOffset[j]
                    let pair = offset > 1 && !(g.length % 2 == 0 && offset == g.length)
                    spectrum[offset] = y[r * n + g.columns[k * local + j]] * g.factor[j] * (pair ? 0.5 : 1)
                }
            }
        }
        plan.backward()
        for (t, r) in rows.enumerated() {
            for (i, p) in g.points.enumerated() { x[r * n + p] = plan.input[t * width + i] }
        }
    }
}

/// FFTW plans made once per (shape, batch) and reused; plan creation is serialised (FFTW's planner is not
/// thread-safe), execution happens on the plan's own buffers, one call at a time per plan.
final class PlanCache: @unchecked Sendable {
    private var plans: [[Int]: RealFFT] = [:]
    private let lock = NSLock()

    func plan(dims: [Int], howMany: Int) -> RealFFT {
        lock.lock()
        defer { lock.unlock() }
        let key = dims + [howMany]
        if let p = plans[key] { return p }
        let p = RealFFT(dims: dims, howMany: howMany)
        plans[key] = p
        return p
    }
}
