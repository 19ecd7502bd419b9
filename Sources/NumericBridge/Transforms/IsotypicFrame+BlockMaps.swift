import Foundation
import Algebra
import Geometry

/// Equivariant maps given block by block (MATH.md §8.1): on block ρ the map acts on each of its c slots by one
/// real δμ×δμ matrix F_ρ (rows and columns copy·δ + D-slot), i.e. W = Q (⊕_ρ I_c ⊗ F_ρ) Qᵀ.
extension IsotypicFrame {
    /// X = Y·Qᵀ for a batch of rows.
    public func inverse(_ y: [Double], batch: Int) -> [Double] { transform.inverse(y, batch: batch) }

    /// The first coordinate of each block (blocks occupy consecutive coordinates in canonical order), then n.
    public var blockOffsets: [Int] { blocks.map { $0.columns.min() ?? 0 } + [degree] }

    /// Rows y of coordinates with each block's slots multiplied by F_ρ (y_slot ↦ F_ρ y_slot): per block the slots
    /// of all rows gathered into a (batch·c)×δμ matrix Z, then Z·F_ρᵀ by BLAS, scattered back.
    public func apply(_ maps: [[Double]], to y: [Double], batch: Int) -> [Double] {
        let n = degree
        var out = [Double](repeating: 0, count: batch * n)
        for (block, f) in zip(blocks, maps) {
            let (d, c) = (block.type.dimension * block.multiplicity, block.slots)
            var z = [Double](repeating: 0, count: batch * c * d)
            for r in 0..<batch {
                for (e, column) in block.columns.enumerated() { z[r * c * d + e] = y[r * n + column] }
            }
            let mapped = BLAS.multiply(z, f, m: batch * c, n: d, k: d, transposeB: true)
            for r in 0..<batch {
                for (e, column) in block.columns.enumerated() { out[r * n + column] = mapped[r * c * d + e] }
            }
        }
        return out
    }

    /// Qᵀ W Q = ⊕_ρ I_c ⊗ F_ρ as a dense n×n matrix in the frame's coordinates (small n only).
    public func coordinateMatrix(_ maps: [[Double]]) -> [Double] {
        let n = degree
        var m = [Double](repeating: 0, count: n * n)
        for (block, f) in zip(blocks, maps) {
            let d = block.type.dimension * block.multiplicity
            for j in 0..<block.slots {
                let columns = Array(block.columns[(j * d)..<((j + 1) * d)])
                for p in 0..<d { for q in 0..<d { m[columns[p] * n + columns[q]] = f[p * d + q] } }
            }
        }
        return m
    }

    /// The pixel matrix W = Q (⊕_ρ I_c ⊗ F_ρ) Qᵀ (n×n, row-major) of block maps, through the transform.
    /// - Throws: `MemoryLimitError` past the budget (3n² doubles).
    public func pixelMatrix(_ maps: [[Double]]) throws -> [Double] {
        let n = degree
        try MemoryBudget.require(
            ByteCount.product(3, n, n, 8), for: "the pixel matrix of an equivariant map (n = \(n))",
            advice: "use a smaller case")
        var identity = [Double](repeating: 0, count: n * n)
        for i in 0..<n { identity[i * n + i] = 1 }
        // row r of the result is (W e_r)ᵀ: the transpose of W
        let columns = inverse(apply(maps, to: forward(identity, batch: n), batch: n), batch: n)
        return Self.transposed(columns, n)
    }

    /// max over generators g and entries of |W[g(i), g(j)] − W[i, j]| / max |W|: 0 for an equivariant W.
    public func equivarianceError(_ w: [Double]) -> Double {
        let n = degree
        let size = w.reduce(0) { max($0, abs($1)) }
        var worst = 0.0
        for g in generators {
            for i in 0..<n {
                let gi = Int(g[i])
                for j in 0..<n { worst = max(worst, abs(w[gi * n + Int(g[j])] - w[i * n + j])) }
            }
        }
        return worst / max(size, 1e-300)
    }
}
