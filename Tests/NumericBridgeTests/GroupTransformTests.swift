import Foundation
import Testing
import Algebra

@testable import Geometry
@testable import NumericBridge

/// The tiled group transform (orbits with equal blocks applied together) and its fused block moments against
/// plain loops over the orbit blocks and over the gathered coordinates (MATH.md §8.7, §8.5).
@Suite struct GroupTransformTests {
    static func cases() throws -> [(String, GroupNumericBasis)] {
        let d4 = try PermutationGroup(
            generators: [
                try Permutation.rotation(size: 28, degrees: 90),
                try Permutation.reflection(height: 28, width: 28, .horizontal),
            ], degree: 784)
        let torus = try PermutationGroup(generators: [
            try Permutation.shift(height: 4, width: 6, along: .x),
            try Permutation.shift(height: 4, width: 6, along: .y),
        ])
        let named = try GroupOptimumTests.groups(["Q8 on two regular orbits", "D4 on 5x5", "A5 on 12 points"])
        return try [
            ("D4 on 28x28", try GroupNumericBasis.build(d4)), ("torus 4x6", try GroupNumericBasis.build(torus)),
        ]
            + named.map { ($0.0, try GroupNumericBasis(try AdaptedBasis(group: $0.1))) }
    }

    /// y_r[col_j] = Σ_i x_r[p_i]·V_ij over each orbit's block, row by row.
    static func orbitProduct(_ x: [Double], batch: Int, basis: GroupNumericBasis) -> [Double] {
        let n = basis.degree
        var y = [Double](repeating: .nan, count: batch * n)
        for r in 0..<batch {
            for orbit in basis.orbits {
                let size = orbit.points.count
                for (j, column) in orbit.columns.enumerated() {
                    var sum = 0.0
                    for (i, p) in orbit.points.enumerated() { sum += x[r * n + p] * orbit.values[i * size + j] }
                    y[r * n + column] = sum
                }
            }
        }
        return y
    }

    /// Batches of 1, 47 (a partial last tile) and 70 rows, into a NaN-filled buffer: every entry is written and
    /// equals the orbit products; the inverse returns the rows.
    @Test func tiledTransformEqualsTheOrbitBlocks() throws {
        for (name, basis) in try Self.cases() {
            let transform = GroupTransform(basis)
            for batch in [1, 47, 70] {
                let x = GroupOptimumTests.randomData(count: batch, n: basis.degree, seed: UInt64(batch)).values
                let expected = Self.orbitProduct(x, batch: batch, basis: basis)
                var y = [Double](repeating: .nan, count: x.count)
                transform.forward(x, batch: batch, into: &y)
                #expect(zip(y, expected).allSatisfy { abs($0 - $1) < 1e-12 }, "\(name), \(batch) rows")
                let back = transform.inverse(y, batch: batch)
                #expect(zip(x, back).allSatisfy { abs($0 - $1) < 1e-12 }, "\(name), \(batch) rows")
            }
        }
    }

    /// M_b = Σ over samples and slots of z zᵀ, summed entry by entry from the coordinates, equals the fused
    /// moments (several tiles); the spectra from either agree.
    @Test func fusedMomentsEqualTheGatheredCoordinates() throws {
        for (name, basis) in try Self.cases() {
            let batch = 130
            let n = basis.degree
            let x = GroupOptimumTests.randomData(count: batch, n: n, seed: 5).values
            let y = Self.orbitProduct(x, batch: batch, basis: basis)
            let fused = GroupTransform(basis).blockMoments(of: x, batch: batch)
            for (b, block) in basis.blocks.enumerated() {
                let (w, mu, delta) = (block.block.weight, block.block.multiplicity, block.block.type.dimension)
                let d = delta * mu
                var m = [Double](repeating: 0, count: d * d)
                for r in 0..<batch {
                    for j in 0..<(w / delta) {
                        // z_(k, a) = y_r[offset + k·w + j·δ + a]
                        let z = (0..<d).map { y[r * n + block.offset + ($0 / delta) * w + j * delta + $0 % delta] }
                        for u in 0..<d { for v in 0..<d { m[u * d + v] += z[u] * z[v] } }
                    }
                }
                let scale = m.map(abs).max() ?? 1
                #expect(zip(fused[b], m).allSatisfy { abs($0 - $1) <= 1e-12 * scale }, "\(name), block \(b)")
            }
            let a = try GroupBlockSpectra(moments: fused, count: batch, basis: basis)
            let c = try GroupBlockSpectra(coordinates: y, count: batch, basis: basis)
            #expect(zip(a.blocks, c.blocks).allSatisfy { abs($0.energy - $1.energy) <= 1e-12 * $1.energy }, "\(name)")
        }
    }
}
