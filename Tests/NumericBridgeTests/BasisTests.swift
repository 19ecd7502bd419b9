import Foundation
import Testing
import Algebra
import Geometry
@testable import NumericBridge
import EqgeomTestSupport

@Suite struct NumericBasisTests {
    /// MNIST: ‖QᵀQ − I‖_F and ‖QᵀPQ − J‖_F below 1e-13.
    @Test func mnistErrorsAreTiny() throws {
        let q = try NumericBasis(try BasisLayout(Permutation.shift(height: 28, width: 28, along: .x)))
        #expect(q.orthogonalityError.frobenius < 1e-13)
        #expect(q.blockError.frobenius < 1e-13)
    }

    /// The structured transform agrees with the dense Q to 1e-12, and inverts.
    @Test func transformAgreesWithDense() throws {
        var rng = SeededGenerator(seed: 41)
        let sigmas = [
            try Permutation.shift(height: 28, width: 28, along: .x),
            try Permutation.rotation(size: 5, degrees: 90),
            try CycleType(parsing: "100,97,64,12,5,1,1").representative(),  // FFT path: 100 (Bluestein), 97 (prime)
            try CycleType(parsing: "128,3").representative(),  // radix-2 path
        ]
        for sigma in sigmas {
            let layout = try BasisLayout(sigma)
            let q = try NumericBasis(layout)
            let t = StructuredTransform(layout)
            let n = layout.degree
            let batch = 3
            let x = (0..<batch * n).map { _ in Double.random(in: -1...1, using: &rng) }
            let dense = BLAS.multiply(x, q.matrix, m: batch, n: n, k: n)
            let fast = t.forward(x, batch: batch)
            #expect(zip(dense, fast).map { abs($0 - $1) }.max()! < 1e-12, "\(sigma.cycleType)")
            let back = t.inverse(fast, batch: batch)
            #expect(zip(back, x).map { abs($0 - $1) }.max()! < 1e-12, "\(sigma.cycleType)")
        }
    }

    /// Shifts of images and volumes take the grid path (one guru FFT per tile, no tables; odd and even cycle
    /// lengths, along x, y and z); it agrees with the dense Q over several tiles and a partial last one.
    @Test func gridPathAgreesWithDense() throws {
        var rng = SeededGenerator(seed: 44)
        let sigmas = [
            try Permutation.shift(height: 28, width: 28, along: .x),
            try Permutation.shift(height: 28, width: 28, along: .y),
            try Permutation.shift(height: 5, width: 7, along: .x),
            try Permutation.shift(depth: 4, height: 3, width: 5, along: .z),
        ]
        for sigma in sigmas {
            let layout = try BasisLayout(sigma)
            let t = StructuredTransform(layout)
            #expect(t.grid != nil, "\(sigma.cycleType)")
            let q = try NumericBasis(layout)
            let n = layout.degree
            let batch = 2 * StructuredTransform.tileValues / n + 5
            let x = (0..<batch * n).map { _ in Double.random(in: -1...1, using: &rng) }
            let dense = BLAS.multiply(x, q.matrix, m: batch, n: n, k: n)
            var fast = [Double](repeating: .nan, count: batch * n)
            t.forward(x, batch: batch, into: &fast)
            #expect(zip(dense, fast).map { abs($0 - $1) }.max()! < 1e-12, "\(sigma.cycleType)")
        }
        // not a grid: two cycle lengths, a rotation's scattered cycles, rows too long for one tile
        #expect(StructuredTransform(try BasisLayout(try CycleType(parsing: "128,3").representative())).grid == nil)
        #expect(StructuredTransform(try BasisLayout(try Permutation.rotation(size: 6, degrees: 90))).grid == nil)
        let long = try Permutation.shift(height: 1000, width: 1000, along: .x)
        #expect(StructuredTransform(try BasisLayout(long)).grid == nil)
    }

    /// FFTW's batched real transforms (`RealFFT`) against the naive DFT, in one and two dimensions, forward
    /// and back (c2r is unnormalised: back(forward(x)) = Π r · x).
    @Test func realFFTMatchesNaiveDFT() {
        var rng = SeededGenerator(seed: 42)
        for dims in [[1], [2], [3], [8], [17], [28], [97], [360], [4, 6], [3, 5]] {
            let size = dims.reduce(1, *)
            let fft = RealFFT(dims: dims, howMany: 2)
            let x = (0..<(2 * size)).map { _ in Double.random(in: -1...1, using: &rng) }
            for i in x.indices { fft.input[i] = x[i] }
            fft.forward()
            let last = dims.last ?? 1
            let half = size / last * (last / 2 + 1)
            for batch in 0..<2 {
                for h in 0..<half {
                    // half-spectrum index h → frequency (m_first, m_last), last dimension fastest
                    let mLast = h % (last / 2 + 1)
                    let mFirst = h / (last / 2 + 1)
                    var (sr, si) = (0.0, 0.0)
                    for v in 0..<size {
                        let (vFirst, vLast) = (v / last, v % last)
                        let phase = Double(mFirst * vFirst) / Double(size / last) + Double(mLast * vLast) / Double(last)
                        sr += x[batch * size + v] * cos(-2 * Double.pi * phase)
                        si += x[batch * size + v] * sin(-2 * Double.pi * phase)
                    }
                    let k = 2 * (batch * half + h)
                    #expect(abs(sr - fft.output[k]) < 1e-10 && abs(si - fft.output[k + 1]) < 1e-10, "\(dims) \(h)")
                }
            }
            fft.backward()
            #expect((0..<(2 * size)).allSatisfy { abs(fft.input[$0] - Double(size) * x[$0]) < 1e-9 }, "\(dims)")
        }
    }

    @Test func denseRefusesBeforeExhaustingMemory() throws {
        let layout = try BasisLayout(try Permutation.shift(height: 1000, width: 1000, along: .x))
        #expect(throws: MemoryLimitError.self) { try NumericBasis(layout) }
        // the structured transform handles n = 10^6: round trip of one vector
        let t = StructuredTransform(layout)
        var rng = SeededGenerator(seed: 43)
        let x = (0..<1_000_000).map { _ in Double.random(in: -1...1, using: &rng) }
        let back = t.inverse(t.forward(x, batch: 1), batch: 1)
        #expect(zip(back, x).map { abs($0 - $1) }.max()! < 1e-11)
    }
}
