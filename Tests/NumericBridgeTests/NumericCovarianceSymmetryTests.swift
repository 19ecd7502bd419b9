import EqgeomTestSupport
import Testing

@testable import Algebra
@testable import Geometry
@testable import NumericBridge

/// Eigenvalue clustering of floating-point covariances against the exact multiplicities of the same
/// covariance over ℚ (integer data: H = XᵀX/N is rational).
@Suite struct NumericCovarianceSymmetryTests {
    /// Integer data augmented by the 90° rotation of coordinates (0, 1) (and, when `reflect`, the swap of 2 and 3):
    /// the covariance is a multiple of I on those planes.
    @Test func clustersMatchExactMultiplicities() throws {
        var rng = SeededGenerator(seed: 95)
        for trial in 0..<testIterations(8) {
            let d = 5
            var rows: [[Int]] = []
            for _ in 0..<12 {
                let x = (0..<d).map { _ in Int.random(in: -4...4, using: &rng) }
                for r in 0..<4 {
                    var y = x
                    for _ in 0..<r { (y[0], y[1]) = (-y[1], y[0]) }
                    rows.append(y)
                    if trial % 2 == 1 { rows.append([y[0], y[1], y[3], y[2], y[4]]) }
                }
            }
            let data = ImageDataset(count: rows.count, features: d, values: rows.flatMap { $0.map(Double.init) })
            let numeric = try NumericCovarianceSymmetry(data, tolerance: 1e-9)
            var h = RationalMatrix(rows: d, columns: d)
            for r in rows { for i in 0..<d { for j in 0..<d { h[i, j] += Rational(r[i] * r[j], rows.count) } } }
            let exact = try CovarianceSymmetry(covariance: h)
            #expect(numeric.orthogonalDimension == exact.orthogonalDimension, "trial \(trial)")
            #expect(numeric.rank == exact.rank && numeric.cor1Dimension == exact.cor1Dimension)
            #expect(
                numeric.clusters.sorted()
                    == exact.eigenvalueMultiplicities.flatMap { m in
                        [Int](repeating: m.multiplicity, count: m.degree)
                    }.sorted(), "trial \(trial)")
            #expect(exact.orthogonalDimension >= 1 && numeric.maximumSpread < 1e-12 && numeric.minimumGap > 1e-6)
            // the same data at 1e-200 (every square underflows) or 1e200: the same rank and clusters
            for scale in [1e-200, 1e200] {
                let moved = ImageDataset(count: data.count, features: d, values: data.values.map { $0 * scale })
                let far = try NumericCovarianceSymmetry(moved, tolerance: 1e-9)
                #expect(far.rank == numeric.rank && far.clusters == numeric.clusters, "trial \(trial) at \(scale)")
            }
        }
    }
}

/// Doubles as exact rationals (the `.npy` matrices of `emlp`).
@Suite struct ExactDoubleTests {
    @Test func doublesAreDyadicRationals() {
        #expect(Rational(exactly: 0.1) == Rational(BigInteger(3_602_879_701_896_397), BigInteger(2).power(55)))
        #expect(Rational(exactly: -1.5) == Rational(-3, 2) && Rational(exactly: 0) == Rational(0))
        #expect(Rational(exactly: 1e300)?.denominator == BigInteger(1))
        #expect(Rational(exactly: 5e-324) == Rational(BigInteger(1), BigInteger(2).power(1074)))
        #expect(Rational(exactly: .nan) == nil && Rational(exactly: .infinity) == nil)
    }
}
