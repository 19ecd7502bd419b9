import Foundation
import Algebra
import Geometry

/// Equivariant maps given block by block in the Q basis of a group (MATH.md §8.1): on block ρ the map
/// acts on each of the c slots by one real δμ×δμ matrix F_ρ (rows and columns copy·δ + D-slot), i.e.
/// W = Q (⊕_ρ I_c ⊗ F_ρ) Qᵀ after the column permutation of §2.2.
public enum GroupBlockMaps {
    /// Y ↦ rows y with each block's slots multiplied by F_ρ (y_slot ↦ F_ρ y_slot).
    public static func apply(_ maps: [[Double]], to y: [Double], batch: Int, basis: GroupNumericBasis) -> [Double] {
        let n = basis.degree
        var out = [Double](repeating: 0, count: batch * n)
        for (b, f) in zip(basis.blocks, maps) {
            let d = b.block.type.dimension * b.block.multiplicity
            let c = b.block.weight / b.block.type.dimension
            let z = b.gather(y, batch: batch, degree: n)
            let mapped = BLAS.multiply(z, f, m: batch * c, n: d, k: d, transposeB: true)
            b.scatter(mapped, into: &out, batch: batch, degree: n)
        }
        return out
    }

    /// The pixel matrix W (n×n, row-major) of the block maps (small n only: n² doubles).
    public static func pixelMatrix(_ maps: [[Double]], transform: GroupTransform) throws -> [Double] {
        let n = transform.basis.degree
        try MemoryBudget.require(
            ByteCount.product(3, n, n, 8), for: "the pixel matrix of an equivariant map (n = \(n))",
            advice: "use a smaller case")
        var identity = [Double](repeating: 0, count: n * n)
        for i in 0..<n { identity[i * n + i] = 1 }
        // row r of the result is (W e_r)ᵀ: the transpose of W
        let columns = transform.inverse(
            apply(maps, to: transform.forward(identity, batch: n), batch: n, basis: transform.basis), batch: n)
        var w = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { w[i * n + j] = columns[j * n + i] } }
        return w
    }

    /// max over generators s and entries of |W[s(i), s(j)] − W[i, j]| / max |W|: 0 for an equivariant W.
    public static func equivarianceError(_ w: [Double], generators: [[Int32]]) -> Double {
        let n = Int(Double(w.count).squareRoot())
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
