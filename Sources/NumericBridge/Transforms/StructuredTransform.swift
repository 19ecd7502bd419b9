import Foundation
import Algebra
import Geometry

/// Applies Q_σᵀ and Q_σ to a batch of vectors without forming Q_σ (MATH.md §5: "Q_σᵀx is, cycle by
/// cycle, a real DFT of the values along the cycle").
///
/// For each distinct cycle length c, the (row, cycle) pairs are cut into tiles of about `tileValues` values
/// that stay in cache; each tile's cycles are gathered once into an FFTW buffer, transformed by one batched
/// real-to-complex plan (`RealFFT`, cached per tile size), and read once into the coordinate layout: constant
/// Re X(0)/√c, cosine √(2/c)·Re X(f), sine −√(2/c)·Im X(f), alternating Re X(c/2)/√c. O(n log c) per vector;
/// memory O(n) plus one tile whatever n is: n = 10^6 works where a dense Q would need 8 TB. The `into:`
/// forms write into the caller's buffer, so repeated calls touch no fresh pages.
///
/// Batches are row-major `batch × n` arrays, one vector per row (the layout of a data matrix).
public struct StructuredTransform: Sendable {
    /// Q_σ's layout.
    public let layout: BasisLayout

    /// For each distinct cycle length: the cycles of that length and their columns.
    let groups: [Group]

    struct Group: Sendable {
        let length: Int
        /// The layout's indices of the cycles of this length, in order.
        let cycles: [Int]
        /// The points of each cycle of this length, position by position, concatenated.
        let points: [Int]
        /// Per cycle: its first point when its points are consecutive (a plain copy), else −1.
        let contiguousStart: [Int]
        /// Per cycle and local column: the global column (cycle-major, local order = layout order).
        let columns: [Int]
        /// Per local column: the offset of its value in an interleaved half spectrum (2f or 2f + 1), and its
        /// factor: 1/√c (constant, alternating), √(2/c) (cosine), −√(2/c) (sine, whose coordinate is −Im X(f)).
        let spectrumOffset: [Int]
        let factor: [Double]
        /// Per local column: the factor turning a coordinate back into a half-spectrum value for FFTW's
        /// unnormalised inverse (halved for a frequency that has a conjugate partner).
        let inverseFactor: [Double]
        var cycleCount: Int { points.count / length }
        var halfLength: Int { length / 2 + 1 }
    }

    /// FFTW plans by (cycle length, transforms per tile), made once and reused across calls.
    let plans = PlanCache<RealFFT>()

    /// The grid form of σ, when it has one (`Grid`), and its guru plans by rows per tile.
    let grid: Grid?
    let gridPlans = PlanCache<StridedRealFFT>()

    /// Values per tile: small enough that a tile's input and half spectra stay in the second-level cache.
    static let tileValues = 1 << 14

    /// Rows of length n per tile of about `values` values: at least one, at most the batch.
    static func rowsPerTile(batch: Int, rowLength n: Int, values: Int = tileValues) -> Int {
        max(1, min(batch, values / max(n, 1)))
    }

    /// The transform of Q_σ: per cycle length one batched real FFT, plans cached.
    public init(_ layout: BasisLayout) {
        self.layout = layout
        var perCycle = [[Int]](repeating: [], count: layout.cycles.count)
        for (j, col) in layout.columns.enumerated() { perCycle[col.cycle].append(j) }
        var byLength: [Int: [Int]] = [:]
        for (k, cycle) in layout.cycles.enumerated() { byLength[cycle.count, default: []].append(k) }
        groups = byLength.sorted { $0.key < $1.key }.map { c, cycles in
            let local = perCycle[cycles[0]].map { layout.columns[$0] }
            let (scale0, scale) = (1 / Double(c).squareRoot(), (2 / Double(c)).squareRoot())
            let factor = local.map { col -> Double in
                switch col.kind {
                case .constant, .alternating: return scale0
                case .cosine: return scale
                case .sine: return -scale
                }
            }
            return Group(
                length: c, cycles: cycles, points: cycles.flatMap { layout.cycles[$0] },
                contiguousStart: cycles.map { k in
                    let p = layout.cycles[k]
                    return p.indices.allSatisfy { p[$0] == p[0] + $0 } ? p[0] : -1
                },
                columns: cycles.flatMap { perCycle[$0] },
                spectrumOffset: local.map { 2 * $0.frequency + ($0.kind == .sine ? 1 : 0) },
                factor: factor,
                inverseFactor: zip(local, factor).map { $0.0.kind == .cosine || $0.0.kind == .sine ? $0.1 / 2 : $0.1 })
        }
        grid = groups.count == 1 ? Grid(groups[0], degree: layout.degree) : nil
    }

    /// n, the number of points.
    public var degree: Int { layout.degree }

    /// Y = X·Q_σ: row r of Y holds the coordinates Q_σᵀx of row r of X.
    /// - Precondition: `x.count == batch · n`.
    public func forward(_ x: [Double], batch: Int) -> [Double] {
        var y = [Double](unsafeUninitializedCapacity: x.count) { _, count in count = x.count }
        forward(x, batch: batch, into: &y)
        return y
    }

    /// X = Y·Q_σᵀ: back from coordinates to pixels.
    /// - Precondition: `y.count == batch · n`.
    public func inverse(_ y: [Double], batch: Int) -> [Double] {
        var x = [Double](unsafeUninitializedCapacity: y.count) { _, count in count = y.count }
        inverse(y, batch: batch, into: &x)
        return x
    }

    /// Y = X·Q_σ into a buffer the caller keeps (every entry is overwritten).
    /// - Precondition: `x.count == batch · n == y.count`.
    public func forward(_ x: [Double], batch: Int, into y: inout [Double]) {
        apply(x, batch: batch, into: &y, inverse: false)
    }

    /// X = Y·Q_σᵀ into a buffer the caller keeps (every entry is overwritten).
    /// - Precondition: `y.count == batch · n == x.count`.
    public func inverse(_ y: [Double], batch: Int, into x: inout [Double]) {
        apply(y, batch: batch, into: &x, inverse: true)
    }

    private func apply(_ input: [Double], batch: Int, into output: inout [Double], inverse: Bool) {
        let n = degree
        precondition(input.count == batch * n, "batch has \(input.count) values, expected \(batch)×\(n)")
        precondition(output.count == batch * n, "output has \(output.count) values, expected \(batch)×\(n)")
        input.withUnsafeBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                guard let x = src.baseAddress, let y = dst.baseAddress else { return }
                if let grid, !inverse {
                    forwardOnGrid(grid, from: x, to: y, batch: batch)
                    return
                }
                for g in groups {
                    let total = batch * g.cycleCount
                    let perTile = Self.rowsPerTile(batch: total, rowLength: g.length)  // transforms of one cycle
                    for start in stride(from: 0, to: total, by: perTile) {
                        let count = min(perTile, total - start)
                        let plan = plans.plan(dims: [g.length], howMany: count)
                        let tile = start..<(start + count)
                        if inverse {
                            backward(g, plan, from: x, to: y, transforms: tile)
                        } else {
                            forward(g, plan, from: x, to: y, transforms: tile)
                        }
                    }
                }
            }
        }
    }

    /// Gathers the values along the tile's cycles (transform m = row·K + cycle) into the plan's input.
    func gather(_ g: Group, _ plan: RealFFT, from x: UnsafePointer<Double>, transforms: Range<Int>) {
        let (n, c, cycles) = (degree, g.length, g.cycleCount)
        g.points.withUnsafeBufferPointer { points in
            for (t, m) in transforms.enumerated() {
                let (r, k) = m.quotientAndRemainder(dividingBy: cycles)
                let target = plan.input + t * c
                let start = g.contiguousStart[k]
                if start >= 0 {
                    target.update(from: x + r * n + start, count: c)
                } else {
                    let row = x + r * n
                    for i in 0..<c { target[i] = row[points[k * c + i]] }
                }
            }
        }
    }

    /// Transforms the tile's cycles and writes their coordinates.
    private func forward(
        _ g: Group, _ plan: RealFFT, from x: UnsafePointer<Double>, to y: UnsafeMutablePointer<Double>,
        transforms: Range<Int>
    ) {
        gather(g, plan, from: x, transforms: transforms)
        plan.forward()
        let (n, cycles, local, half) = (degree, g.cycleCount, g.factor.count, g.halfLength)
        withBaseAddresses(g.columns, g.spectrumOffset, g.factor) { columns, offset, factor in
            for (t, m) in transforms.enumerated() {
                let (r, k) = m.quotientAndRemainder(dividingBy: cycles)
                let spectrum = plan.output + 2 * t * half
                let row = y + r * n
                let cols = columns + k * local
                for j in 0..<local { row[cols[j]] = spectrum[offset[j]] * factor[j] }
            }
        }
    }

    /// Writes the tile's half spectra from the coordinates (X_f = √(2/c)(y_cos − i·y_sin)/2, X_0 and X_{c/2}
    /// real), transforms back, scatters the values.
    private func backward(
        _ g: Group, _ plan: RealFFT, from y: UnsafePointer<Double>, to x: UnsafeMutablePointer<Double>,
        transforms: Range<Int>
    ) {
        let (n, c, cycles, local, half) = (degree, g.length, g.cycleCount, g.factor.count, g.halfLength)
        plan.output.update(repeating: 0, count: 2 * transforms.count * half)
        for (t, m) in transforms.enumerated() {
            let (r, k) = m.quotientAndRemainder(dividingBy: cycles)
            let spectrum = plan.output + 2 * t * half
            for j in 0..<local {
                spectrum[g.spectrumOffset[j]] = y[r * n + g.columns[k * local + j]] * g.inverseFactor[j]
            }
        }
        plan.backward()
        for (t, m) in transforms.enumerated() {
            let (r, k) = m.quotientAndRemainder(dividingBy: cycles)
            let source = plan.input + t * c
            let start = g.contiguousStart[k]
            if start >= 0 {
                (x + r * n + start).update(from: source, count: c)
            } else {
                for i in 0..<c { x[r * n + g.points[k * c + i]] = source[i] }
            }
        }
    }
}

/// FFTW plans made once per key (shape, batch) and reused; lookups are serialised per cache (FFTW's planner
/// itself by `fftwPlanner`); execution happens on the plan's own buffers, one call at a time per plan.
final class PlanCache<Plan>: @unchecked Sendable {
    private var plans: [[Int]: Plan] = [:]
    private let lock = NSLock()

    func plan(_ key: [Int], make: () -> Plan) -> Plan {
        lock.lock()
        defer { lock.unlock() }
        if let p = plans[key] { return p }
        let p = make()
        plans[key] = p
        return p
    }
}

extension PlanCache where Plan == RealFFT {
    func plan(dims: [Int], howMany: Int) -> RealFFT {
        plan(dims + [howMany]) { RealFFT(dims: dims, howMany: howMany) }
    }
}
