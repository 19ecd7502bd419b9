import Foundation
import Geometry

extension GroupTransform {
    /// The moments of a shard of rows (N×n pixels) as statistics that add across shards.
    /// - Precondition: `x.count == batch · n`.
    public func moments(of x: [Double], batch: Int) -> GroupBlockMoments {
        GroupBlockMoments(unchecked: basis, sampleCount: batch, moments: blockMoments(of: x, batch: batch))
    }

    /// The blocks' second moments M_b = Σ z zᵀ (δμ×δμ, row-major; MATH.md §8.7) of the rows of X (N×n
    /// pixels), fused with the transform: per tile of rows, the tile's coordinates (orbit blocks, or a torus's
    /// DFT), then per block its rows (sample, slot) gathered into a small δμ-column matrix Z and one `dsyrk`
    /// adding ZᵀZ. The N×n coordinates are never formed.
    /// - Precondition: `x.count == batch · n`.
    public func blockMoments(of x: [Double], batch: Int) -> [[Double]] {
        let n = basis.degree
        precondition(x.count == batch * n, "batch has \(x.count) values, expected \(batch)×\(n)")
        // larger tiles than the transform's: each dsyrk then adds more rows per call
        let rowsPerTile = StructuredTransform.rowsPerTile(
            batch: batch, rowLength: n, values: StructuredTransform.momentTileValues)
        // a torus transforms by its DFT: no orbit buffers
        var workspace = Workspace(rows: basis.torus == nil ? rowsPerTile : 0, transform: self)
        var tile = [Double](repeating: 0, count: rowsPerTile * n)
        var z = [Double](repeating: 0, count: rowsPerTile * n)
        var sums = basis.blocks.map { b -> [Double] in
            let d = b.block.type.dimension * b.block.multiplicity
            return [Double](repeating: 0, count: d * d)
        }
        x.withUnsafeBufferPointer { src in
            tile.withUnsafeMutableBufferPointer { tb in
                z.withUnsafeMutableBufferPointer { zb in
                    guard let xp = src.baseAddress, let y = tb.baseAddress, let zp = zb.baseAddress else { return }
                    for start in stride(from: 0, to: batch, by: rowsPerTile) {
                        let rows = min(rowsPerTile, batch - start)
                        forward(xp + start * n, rows: rows, into: y, workspace: &workspace)
                        for (b, block) in basis.blocks.enumerated() {
                            let (w, delta) = (block.block.weight, block.block.type.dimension)
                            let d = delta * block.block.multiplicity
                            block.gather(y, rows: rows, degree: n, into: zp)
                            sums[b].withUnsafeMutableBufferPointer { hb in
                                guard let h = hb.baseAddress else { return }
                                BLAS.addGram(zp, rows: rows * (w / delta), columns: d, into: h)
                            }
                        }
                    }
                }
            }
        }
        return sums.enumerated().map { b, upper in
            let d = basis.blocks[b].block.type.dimension * basis.blocks[b].block.multiplicity
            var full = upper
            for i in 0..<d { for j in 0..<i { full[i * d + j] = upper[j * d + i] } }
            return full
        }
    }
}
