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

    @Test func stridesAboveOneGiveNoSpuriousLimit() throws {
        for (k, s) in [([2, 2], [2, 1]), ([3, 2], [2, 1]), ([2, 2, 2], [2, 2, 1])] {
            let net = try LinearConvolutionalNetwork(filterSizes: k, strides: s)
            let moments = LCNTraining.syntheticMoments(net, samples: 30, seed: 7)
            let t = try LCNTraining(net, moments: moments, seeds: testIterations(40), steps: 3000)
            #expect((t.counts[.spurious] ?? 0) == 0, "k=\(k) s=\(s): \(t.counts)")
            #expect((t.counts[.pure] ?? 0) >= t.runs.count / 2, "k=\(k) s=\(s): \(t.counts)")
        }
    }

    @Test func certifiedSpuriousPoint() throws {
        let r = try LCNReproduction(seeds: 1, steps: 10, samples: 2, seed: 1)
        #expect(r.certifiedGradient.allSatisfy { $0.isZero })
        #expect(r.certifiedFunctionGradient == [1, 1, 1])
        #expect(r.certifiedJacobianRank == 2)
    }
}
