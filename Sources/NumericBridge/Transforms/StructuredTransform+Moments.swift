import Foundation
import Geometry

extension StructuredTransform {
    /// The block moments of the rows of X (N×n pixels), fused with the transform (MATH.md §4.5): per tile of
    /// rows, each cycle length's batched FFT, then per block one `zherk` (complex) or `dsyrk` (real) on the
    /// tile's spectra gathered into a small d-column matrix Z, Z_tj = s_j·X_j(f_j) (s = √(2/c), or 1/√c on a
    /// real block), since z = s·conj(X(f)) gives Σ z zᴴ = ZᴴZ. The N×n coordinates are never formed.
    /// - Precondition: `x.count == batch · n`.
    public func moments(of x: [Double], batch: Int) -> BlockMoments {
        let n = degree
        precondition(x.count == batch * n, "batch has \(x.count) values, expected \(batch)×\(n)")
        let sources = blockSources()
        let rowsPerTile = Self.rowsPerTile(batch: batch, rowLength: n, values: Self.momentTileValues)
        let blocks = layout.structure.blocks
        // accumulators: interleaved complex d×d for complex blocks, real d×d for real ones
        var sums = blocks.map {
            [Double](repeating: 0, count: ($0.isComplex ? 2 : 1) * $0.multiplicity * $0.multiplicity)
        }
        let widest = blocks.map(\.multiplicity).max() ?? 0
        var z = [Double](repeating: 0, count: 2 * rowsPerTile * widest)
        x.withUnsafeBufferPointer { src in
            guard let xp = src.baseAddress else { return }
            for start in stride(from: 0, to: batch, by: rowsPerTile) {
                let rows = min(rowsPerTile, batch - start)
                let plans = groups.map { g in
                    let plan = self.plans.plan(dims: [g.length], howMany: rows * g.cycleCount)
                    gather(g, plan, from: xp, transforms: (start * g.cycleCount)..<((start + rows) * g.cycleCount))
                    plan.forward()
                    return plan
                }
                for (b, block) in blocks.enumerated() {
                    let d = block.multiplicity
                    z.withUnsafeMutableBufferPointer { zb in
                        guard let zp = zb.baseAddress else { return }
                        fill(zp, rows: rows, source: sources[b], plans: plans, complex: block.isComplex)
                        sums[b].withUnsafeMutableBufferPointer { hb in
                            guard let h = hb.baseAddress else { return }
                            if block.isComplex {
                                BLAS.addHermitianGram(zp, rows: rows, columns: d, into: h)
                            } else {
                                BLAS.addGram(zp, rows: rows, columns: d, into: h)
                            }
                        }
                    }
                }
            }
        }
        var real: [[Double]] = []
        var imaginary: [[Double]] = []
        for (block, sum) in zip(blocks, sums) {
            let d = block.multiplicity
            var re = [Double](repeating: 0, count: d * d)
            var im = block.isComplex ? re : []
            for a in 0..<d {
                for c in a..<d {  // the upper triangle holds H; the lower is its conjugate
                    let (u, v) =
                        block.isComplex ? (sum[2 * (a * d + c)], sum[2 * (a * d + c) + 1]) : (sum[a * d + c], 0)
                    re[a * d + c] = u
                    re[c * d + a] = u
                    if block.isComplex {
                        im[a * d + c] = a == c ? 0 : v
                        im[c * d + a] = a == c ? 0 : -v
                    }
                }
            }
            real.append(re)
            imaginary.append(im)
        }
        return BlockMoments(layout: layout, sampleCount: batch, real: real, imaginary: imaginary)
    }

    /// Values per tile of the fused moments: enough rows for an efficient rank-k update.
    static let momentTileValues = 1 << 16

    /// Where copy j of a block reads its value: the group, the spectrum offset of its cycle within a row's
    /// transforms, and its scale.
    struct BlockSource {
        var group: [Int] = []
        var offset: [Int] = []
        var scale: [Double] = []
    }

    func blockSources() -> [BlockSource] {
        var place: [Int: (group: Int, index: Int)] = [:]
        for (gi, g) in groups.enumerated() { for (k, cycle) in g.cycles.enumerated() { place[cycle] = (gi, k) } }
        var sources = [BlockSource](repeating: BlockSource(), count: layout.structure.blocks.count)
        for col in layout.columns where col.kind != .sine {
            guard let (gi, k) = place[col.cycle] else { continue }
            let c = groups[gi].length
            sources[col.block].group.append(gi)
            sources[col.block].offset.append(2 * (k * groups[gi].halfLength + col.frequency))
            sources[col.block].scale.append(
                col.kind == .cosine ? (2 / Double(c)).squareRoot() : 1 / Double(c).squareRoot())
        }
        return sources
    }

    /// Z (rows × d, interleaved complex or real) from the tile's spectra.
    private func fill(
        _ z: UnsafeMutablePointer<Double>, rows: Int, source: BlockSource, plans: [RealFFT], complex: Bool
    ) {
        let d = source.offset.count
        let rowSpectra = groups.map { 2 * $0.cycleCount * $0.halfLength }
        withBaseAddresses(source.group, source.offset, source.scale) { group, offset, scale in
            for j in 0..<d {
                let g = group[j]
                let (s, stride) = (scale[j], rowSpectra[g])
                var spectrum = UnsafePointer(plans[g].output + offset[j])
                if complex {
                    var target = z + 2 * j
                    for _ in 0..<rows {
                        target[0] = spectrum[0] * s
                        target[1] = spectrum[1] * s
                        target += 2 * d
                        spectrum += stride
                    }
                } else {
                    var target = z + j
                    for _ in 0..<rows {
                        target[0] = spectrum[0] * s
                        target += d
                        spectrum += stride
                    }
                }
            }
        }
    }
}
