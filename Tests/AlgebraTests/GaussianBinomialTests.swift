import Testing
import Algebra

/// Subsets of {0…n−1} of size k, by brute force.
private func subsets(_ n: Int, _ k: Int) -> [[Int]] {
    (0..<(1 << n)).filter { $0.nonzeroBitCount == k }.map { mask in (0..<n).filter { mask & (1 << $0) != 0 } }
}

@Suite struct GaussianBinomialTests {
    /// [n choose k]_{q^s} against counting, over all k-subsets, the pairs (i ∈ J, l ∉ J) with l < i.
    @Test func countsInversionsOfSubsets() {
        for n in 0...9 {
            for k in 0...n {
                for step in [1, 2, 4] {
                    var expected = [BigInteger](repeating: 0, count: step * k * (n - k) + 1)
                    for set in subsets(n, k) {
                        let inv = set.reduce(0) { sum, i in sum + (0..<i).filter { !set.contains($0) }.count }
                        expected[step * inv] += 1
                    }
                    let q = IntegerPolynomial.gaussianBinomial(n, k, step: step)
                    #expect(q.coefficients == expected, "n=\(n) k=\(k) step=\(step)")
                }
            }
        }
    }

    /// At q = 1 the Gaussian binomial is C(n, k), for sizes beyond brute force.
    @Test func valueAtOneIsTheBinomial() {
        for (n, k) in [(28, 13), (50, 25), (100, 3), (64, 60)] {
            let q = IntegerPolynomial.gaussianBinomial(n, k)
            #expect(q.evaluated(at: 1) == BigInteger.binomial(UInt(n), UInt(k)))
            #expect(q.degree == k * (n - k))
        }
    }

    /// (1 + x^s)^e mod x^length: C(e, i) at x^{si}, against repeated multiplication.
    @Test func binomialPowerMatchesProducts() {
        for step in 1...3 {
            for e in 0...7 {
                for length in [0, 1, 5, 30] {
                    var base = [Int](repeating: 0, count: step + 1)
                    base[0] = 1
                    base[step] = 1
                    let product = (0..<e).reduce(IntegerPolynomial(coefficients: [1])) { power, _ in
                        power * IntegerPolynomial(coefficients: base)
                    }
                    #expect(
                        IntegerPolynomial.binomialPower(step: step, exponent: e, length: length)
                            == product.truncated(length: length), "step=\(step) e=\(e) length=\(length)")
                }
            }
        }
    }
}
