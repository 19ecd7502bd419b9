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

    @Test func fftMatchesNaiveDFT() {
        var rng = SeededGenerator(seed: 42)
        for n in [1, 2, 3, 8, 12, 17, 28, 64, 97, 100, 105, 360] {  // radix-2, mixed radix, Bluestein
            let plan = FFTPlan(length: n)
            var re = (0..<n).map { _ in Double.random(in: -1...1, using: &rng) }
            var im = (0..<n).map { _ in Double.random(in: -1...1, using: &rng) }
            let (r0, i0) = (re, im)
            plan.forward(&re, &im)
            for f in 0..<n {
                var sr = 0.0
                var si = 0.0
                for s in 0..<n {
                    let a = -2 * Double.pi * Double(f * s % n) / Double(n)
                    sr += r0[s] * cos(a) - i0[s] * sin(a)
                    si += r0[s] * sin(a) + i0[s] * cos(a)
                }
                #expect(abs(sr - re[f]) < 1e-11 && abs(si - im[f]) < 1e-11, "n=\(n) f=\(f)")
            }
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
