import Foundation
import Testing
import Algebra
import EqgeomTestSupport

@testable import Geometry

@testable import NumericBridge

@testable import Reproductions

/// Training linear convolutional networks (MATH.md §14.3): gradients against finite differences, the theorem's
/// prediction (no spurious limit with strides > 1), and the exactly certified spurious point.
@Suite struct LCNTrainingTests {
    @Test func gradientAgreesWithFiniteDifferences() throws {
        let net = try LinearConvolutionalNetwork(filterSizes: [3, 2, 2], strides: [2, 1, 1])
        let problem = LCNLoss(network: net, moments: LCNTraining.syntheticMoments(net, samples: 20, seed: 3))
        var rng = SplitMix(4)
        let theta = (0..<net.parameterCount).map { _ in rng.normal() }
        let (_, g) = problem.gradient(theta)
        for i in theta.indices {
            var (plus, minus) = (theta, theta)
            plus[i] += 1e-6
            minus[i] -= 1e-6
            let numeric = (problem.gradient(plus).value - problem.gradient(minus).value) / 2e-6
            #expect(abs(numeric - g[i]) <= 1e-6 * max(1, abs(g[i])), "∂/∂θ_\(i): \(numeric) vs \(g[i])")
        }
    }

    /// The moments of data give the mean squared error of the convolution computed window by window (a second
    /// method: the strided convolution applied directly), with targets given and with next-value prediction.
    @Test func momentsOfDataGiveTheConvolutionsError() throws {
        var rng = SplitMix(7)
        for (sizes, strides) in [([3, 2], [2, 1]), ([2, 2, 2], [1, 1, 1]), ([2, 3], [3, 2])] {
            let net = try LinearConvolutionalNetwork(filterSizes: sizes, strides: strides)
            let (k, s, m) = (net.filterSize, net.stride, net.filterSize + 3 * net.stride + 2)
            let signals = ImageDataset(count: 5, features: m, values: (0..<(5 * m)).map { _ in rng.normal() })
            let windows = (m - k) / s + 1
            let targets = ImageDataset(
                count: 5, features: windows, values: (0..<(5 * windows)).map { _ in rng.normal() })
            let u = (0..<k).map { _ in rng.normal() }
            for given in [targets, nil] {
                let problem = LCNLoss(
                    network: net, moments: try LCNTraining.moments(net, signals: signals, targets: given))
                var sum = 0.0
                var count = 0
                for i in 0..<5 {
                    for j in 0..<windows {
                        let start = i * m + j * s
                        guard given != nil || j * s + k < m else { continue }
                        let output = (0..<k).reduce(0.0) { $0 + u[$1] * signals.values[start + $1] }
                        let y = given.map { $0.values[i * windows + j] } ?? signals.values[start + k]
                        sum += (y - output) * (y - output)
                        count += 1
                    }
                }
                #expect(abs(problem.loss(u) - sum / Double(count)) <= 1e-12 * max(1, sum), "k=\(sizes) s=\(strides)")
            }
        }
        let net = try LinearConvolutionalNetwork(filterSizes: [3, 3], strides: [1, 1])
        #expect(throws: NumericError.self) {
            try LCNTraining.moments(net, signals: ImageDataset(count: 1, features: 5, values: [1, 2, 3, 4, 5]))
        }
    }

    @Test func stridesAboveOneGiveNoSpuriousLimit() throws {
        for (k, s) in [([2, 2], [2, 1]), ([3, 2], [2, 1]), ([2, 2, 2], [2, 2, 1])] {
            let net = try LinearConvolutionalNetwork(filterSizes: k, strides: s)
            let moments = LCNTraining.syntheticMoments(net, samples: 30, seed: 7)
            let t = try LCNTraining(net, moments: moments, seeds: testIterations(40), steps: 3000)
            #expect((t.counts[.spurious] ?? 0) == 0, "k=\(k) s=\(s): \(t.counts)")
            #expect((t.counts[.pure] ?? 0) >= t.runs.count / 2, "k=\(k) s=\(s): \(t.counts)")
            // every regular pure limit is certified by the exact Jacobian rank at its filters; no other run is
            for run in t.runs {
                let regular = run.limit == .pure && run.conditioning > LCNTraining.rankTolerance
                #expect(run.certifiedRegular == (regular ? true : nil), "k=\(k) s=\(s) seed \(run.seed)")
            }
        }
    }

    @Test func certifiedSpuriousPoint() throws {
        let r = try LCNReproduction(seeds: 1, steps: 10, samples: 2, seed: 1)
        #expect(r.certifiedGradient.allSatisfy { $0.isZero })
        #expect(r.certifiedFunctionGradient == [1, 1, 1])
        #expect(r.certifiedJacobianRank == 2)
    }
}
