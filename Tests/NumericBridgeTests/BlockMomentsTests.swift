import Foundation
import Testing
import Algebra
import Geometry
@testable import NumericBridge
import EqgeomTestSupport

/// The fused moments (FFT + zherk per tile) against the gathered moments of the explicit coordinates, and
/// sharding: moments of k shards merged equal the moments of the whole (MATH.md §4.5).
@Suite struct BlockMomentsTests {
    static func randomData(_ count: Int, _ n: Int, seed: UInt64) -> [Double] {
        var rng = SplitMix(seed)
        return (0..<(count * n)).map { _ in rng.normal() + 0.5 }
    }

    static func maxDifference(_ a: BlockMoments, _ b: BlockMoments) -> Double {
        var worst = 0.0
        for (x, y) in zip(a.real + a.imaginary, b.real + b.imaginary) {
            #expect(x.count == y.count)
            for (u, v) in zip(x, y) { worst = max(worst, abs(u - v)) }
        }
        return worst
    }

    /// Mixed cycle lengths (blocks fed by several lengths), scattered cycles, and tiles that cut the batch.
    @Test(arguments: ["(1 5 2 9)(3 8 6)(4 7)(10 11 12 13 14 15)", "(1 2 3 4 5 6 7 8 9 10 11 12)(13 14 15 16)"])
    func fusedMomentsMatchGatheredCoordinates(_ cycles: String) throws {
        let sigma = try Permutation(cycles: cycles, degree: 18)
        let layout = try BasisLayout(sigma)
        let transform = StructuredTransform(layout)
        let count = StructuredTransform.momentTileValues / 18 * 2 + 7
        let x = Self.randomData(count, 18, seed: 7)
        let fused = transform.moments(of: x, batch: count)
        let gathered = BlockMoments(coordinates: transform.forward(x, batch: count), count: count, layout: layout)
        let scale = fused.totalEnergy
        #expect(Self.maxDifference(fused, gathered) <= 1e-13 * scale)
        #expect(fused.sampleCount == count)
    }

    @Test func shardsMergeToTheWhole() throws {
        let layout = try BasisLayout(try Permutation.shift(height: 6, width: 7, along: .x))
        let transform = StructuredTransform(layout)
        let n = layout.degree
        let x = Self.randomData(300, n, seed: 3)
        let whole = transform.moments(of: x, batch: 300)
        var merged = transform.moments(of: Array(x[0..<(100 * n)]), batch: 100)
        try merged.add(transform.moments(of: Array(x[(100 * n)..<(250 * n)]), batch: 150))
        try merged.add(transform.moments(of: Array(x[(250 * n)...]), batch: 50))
        #expect(merged.sampleCount == 300)
        #expect(Self.maxDifference(whole, merged) <= 1e-12 * whole.totalEnergy)
        let a = try CyclicBlockSpectra(moments: whole)
        let b = try CyclicBlockSpectra(moments: merged)
        let tuple = layout.structure.blocks.map { min($0.multiplicity, 2) }
        #expect(abs(a.loss(tuple) - b.loss(tuple)) <= 1e-12 * a.totalEnergy)
        let other = StructuredTransform(try BasisLayout(try Permutation.shift(height: 7, width: 6, along: .x)))
        #expect(throws: NumericError.self) { try merged.add(other.moments(of: Array(x[0..<n]), batch: 1)) }
    }
}
