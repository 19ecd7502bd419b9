import Foundation
import Algebra
import Geometry

/// Applies Qᵀ and Q of a permutation group to a batch of vectors orbit by orbit (GROUPS.md §3.4): on
/// each orbit a gather of the |O| pixels of every row, one matrix product with the orbit's |O|×|O| block,
/// a scatter into the coordinates. O(N·Σ|O|²) = O(N·nnz(Q)) work, O(Σ|O|²) memory; never n×n.
/// Batches are row-major `batch × n` arrays, one vector per row.
public struct GroupTransform: Sendable {
    public let basis: GroupNumericBasis

    public init(_ basis: GroupNumericBasis) { self.basis = basis }

    /// Y = X·Q: the coordinates of each row (a torus through its k-dimensional DFT).
    public func forward(_ x: [Double], batch: Int) -> [Double] {
        if let torus = basis.torus { return torus.forward(x, batch: batch) }
        return apply(x, batch: batch, inverse: false)
    }

    /// X = Y·Qᵀ: back to pixels.
    public func inverse(_ y: [Double], batch: Int) -> [Double] {
        if let torus = basis.torus { return torus.inverse(y, batch: batch) }
        return apply(y, batch: batch, inverse: true)
    }

    /// The orbit-block path, also for a torus (tests compare the two).
    func denseForward(_ x: [Double], batch: Int) -> [Double] { apply(x, batch: batch, inverse: false) }

    private func apply(_ input: [Double], batch: Int, inverse: Bool) -> [Double] {
        let n = basis.degree
        precondition(input.count == batch * n, "batch has \(input.count) values, expected \(batch)×\(n)")
        var out = [Double](repeating: 0, count: batch * n)
        for orbit in basis.orbits {
            let size = orbit.points.count
            let (from, to) = inverse ? (orbit.columns, orbit.points) : (orbit.points, orbit.columns)
            var gathered = [Double](repeating: 0, count: batch * size)
            input.withUnsafeBufferPointer { src in
                gathered.withUnsafeMutableBufferPointer { dst in
                    for r in 0..<batch { for (i, p) in from.enumerated() { dst[r * size + i] = src[r * n + p] } }
                }
            }
            let product = BLAS.multiply(gathered, orbit.values, m: batch, n: size, k: size, transposeB: inverse)
            product.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    for r in 0..<batch { for (i, p) in to.enumerated() { dst[r * n + p] = src[r * size + i] } }
                }
            }
        }
        return out
    }

    /// max |(QᵀQ − I)_ij| over the orbit blocks (columns of different orbits have disjoint support).
    public var orthogonalityError: Double {
        var worst = 0.0
        for orbit in basis.orbits {
            let size = orbit.points.count
            let g = BLAS.multiply(orbit.values, orbit.values, m: size, n: size, k: size, transposeA: true)
            for i in 0..<size { for j in 0..<size { worst = max(worst, abs(g[i * size + j] - (i == j ? 1 : 0))) } }
        }
        return worst
    }

    /// max |P_s Q − Q·M_s| over generators s and entries, M_s = ⊕ I_μ ⊗ ρ̂(s) (the block form, in doubles).
    public var blockError: Double {
        var blockOf = [Int](repeating: 0, count: basis.degree)
        for (b, block) in basis.blocks.enumerated() {
            let end = block.offset + block.block.weight * block.block.multiplicity
            for j in block.offset..<end { blockOf[j] = b }
        }
        var worst = 0.0
        for orbit in basis.orbits {
            let size = orbit.points.count
            var row = [Int: Int]()
            for (i, p) in orbit.points.enumerated() { row[p] = i }
            var columnIndex = [Int: Int]()
            for (j, c) in orbit.columns.enumerated() { columnIndex[c] = j }
            for (s, g) in basis.generators.enumerated() {
                for (i, p) in orbit.points.enumerated() {
                    let target = row[Int(g[p])] ?? 0
                    for (j, c) in orbit.columns.enumerated() {
                        let block = basis.blocks[blockOf[c]]
                        let w = block.block.weight
                        let local = (c - block.offset) % w
                        let copyStart = c - local
                        var sum = 0.0
                        for b in 0..<w {
                            sum +=
                                orbit.values[target * size + (columnIndex[copyStart + b] ?? 0)]
                                * block.model[s][b * w + local]
                        }
                        worst = max(worst, abs(sum - orbit.values[i * size + j]))
                    }
                }
            }
        }
        return worst
    }
}
