import Foundation
import Algebra
import Geometry

/// Applies Q_σᵀ and Q_σ to a batch of vectors without forming Q_σ (MATH.md §5: "Q_σᵀx is, cycle by
/// cycle, a real DFT of the values along the cycle").
///
/// Cycles of length c ≤ `denseCycleLimit` are handled together by one matrix product with the c×c
/// block of Q_σ (O(n·c) per vector, at BLAS speed); longer cycles by an FFT per cycle (O(n log c)).
/// Memory is O(n + Σ_c c²) whatever n is: n = 10^6 works where a dense Q would need 8 TB.
///
/// Batches are row-major `batch × n` arrays, one vector per row (the layout of a data matrix).
public struct StructuredTransform: Sendable {
    public let layout: BasisLayout
    /// Cycles up to this length use the dense per-cycle block.
    public static let denseCycleLimit = 64

    /// For each distinct cycle length: the cycles of that length and the plan.
    let groups: [Group]

    struct Group: Sendable {
        let length: Int
        let cycles: [Int]  // indices into layout.cycles
        /// Per cycle: global column index of each local column (local order = layout order).
        let columnsOfCycle: [[Int]]
        /// Local description of the columns (same for all cycles of this length).
        let localColumns: [BasisColumn]
        /// Dense plan: the c×c block, rows = positions s, columns = local columns.
        let block: [Double]?
        let fft: FFTPlan?
    }

    public init(_ layout: BasisLayout) {
        self.layout = layout
        var perCycle = [[Int]](repeating: [], count: layout.cycles.count)
        for (j, col) in layout.columns.enumerated() { perCycle[col.cycle].append(j) }
        var byLength: [Int: [Int]] = [:]
        for (k, cycle) in layout.cycles.enumerated() { byLength[cycle.count, default: []].append(k) }
        groups = byLength.sorted { $0.key < $1.key }.map { c, cycles in
            let local = perCycle[cycles[0]].map { layout.columns[$0] }
            var block: [Double]? = nil
            if c <= Self.denseCycleLimit {
                var b = [Double](repeating: 0, count: c * c)
                for s in 0..<c {
                    for (j, col) in local.enumerated() {
                        b[s * c + j] = NumericBasis.entry(col, position: s, cycleLength: c)
                    }
                }
                block = b
            }
            return Group(
                length: c, cycles: cycles, columnsOfCycle: cycles.map { perCycle[$0] }, localColumns: local,
                block: block, fft: block == nil ? FFTPlan(length: c) : nil)
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
        for g in groups {
            if let block = g.block {
                applyDense(g, block, input, &out, batch: batch, inverse: inverse)
            } else if let plan = g.fft {
                applyFFT(g, plan, input, &out, batch: batch, inverse: inverse)
            }
        }
        return out
    }

    /// Gathers every (row, cycle) of the group into one (batch·k)×c matrix and multiplies once.
    private func applyDense(
        _ g: Group, _ block: [Double], _ input: [Double], _ out: inout [Double], batch: Int, inverse: Bool
    ) {
        let n = degree
        let width = g.length * g.cycles.count
        // where the (cycle t, local index j) entry lives in a row: pixel positions or coordinate columns
        let pixels = g.cycles.flatMap { layout.cycles[$0] }
        let coordinates = g.columnsOfCycle.flatMap { $0 }
        let (from, to) = inverse ? (coordinates, pixels) : (pixels, coordinates)
        var gathered = [Double](repeating: 0, count: batch * width)
        input.withUnsafeBufferPointer { src in
            gathered.withUnsafeMutableBufferPointer { dst in
                for r in 0..<batch { for (i, p) in from.enumerated() { dst[r * width + i] = src[r * n + p] } }
            }
        }
        // forward: coordinates = values·B_c; inverse: values = coordinates·B_cᵀ
        let product = BLAS.multiply(
            gathered, block, m: batch * g.cycles.count, n: g.length, k: g.length, transposeB: inverse)
        product.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for r in 0..<batch { for (i, p) in to.enumerated() { dst[r * n + p] = src[r * width + i] } }
            }
        }
    }

    /// One FFT per (row, cycle): coordinates are scaled real and imaginary parts of the DFT.
    private func applyFFT(
        _ g: Group, _ plan: FFTPlan, _ input: [Double], _ out: inout [Double], batch: Int, inverse: Bool
    ) {
        let n = degree
        let c = g.length
        let scale0 = 1 / Double(c).squareRoot()
        let scale = (2 / Double(c)).squareRoot()
        var re = [Double](repeating: 0, count: c)
        var im = [Double](repeating: 0, count: c)
        for r in 0..<batch {
            for (t, cyc) in g.cycles.enumerated() {
                let points = layout.cycles[cyc]
                let cols = g.columnsOfCycle[t]
                if !inverse {
                    for s in 0..<c {
                        re[s] = input[r * n + points[s]]
                        im[s] = 0
                    }
                    plan.forward(&re, &im)
                    for (j, col) in g.localColumns.enumerated() {
                        let f = col.frequency
                        let v: Double
                        switch col.kind {
                        case .constant, .alternating: v = re[f] * scale0
                        case .cosine: v = re[f] * scale
                        case .sine: v = -im[f] * scale
                        }
                        out[r * n + cols[j]] = v
                    }
                } else {
                    for s in 0..<c {
                        re[s] = 0
                        im[s] = 0
                    }
                    for (j, col) in g.localColumns.enumerated() {
                        let v = input[r * n + cols[j]]
                        let f = col.frequency
                        switch col.kind {
                        case .constant, .alternating: re[f] = v * scale0
                        case .cosine: re[f] = v * scale
                        case .sine: im[f] = -v * scale
                        }
                    }
                    plan.backward(&re, &im)
                    for s in 0..<c { out[r * n + points[s]] = re[s] }
                }
            }
        }
    }
}
