import Testing

@testable import NumericBridge
@testable import Reproductions

/// Portilheiro's barrier: the learned generator commutes with the learned W and lies in the group algebra
/// ℝ[C_n] (checked against the circulant structure directly: A[i, j] depends only on i − j mod n), while the
/// initialisation decides which element of it, generically not a group element.
@Suite struct GeneratorLearningTests {
    @Test func learnedGeneratorsStayInTheGroupAlgebra() {
        let n = 5
        let experiment = GeneratorLearning(n: n, samples: 60, runs: 4, steps: 2500, seed: 7)
        for run in experiment.runs {
            #expect(run.loss < 1e-6 && run.commutator < 1e-4, "seed \(run.seed): loss \(run.loss)")
            #expect(run.distanceToGroupAlgebra < 1e-3, "seed \(run.seed): \(run.distanceToGroupAlgebra)")
            // A = Σ c_k P^k is circulant: A[(j + k) mod n, j] = A[k, 0] for every j
            let a = run.generator
            for k in 0..<n {
                for j in 0..<n { #expect(abs(a[((j + k) % n) * n + j] - a[k * n]) < 1e-3, "seed \(run.seed)") }
            }
        }
        #expect(experiment.runs.contains { $0.largestGroupCosine < 0.9 }, "some run lands away from every P^k")
        let spread = Set(experiment.runs.map { ($0.coordinates[1] * 100).rounded() })
        #expect(spread.count > 1, "different initialisations give different points of ℝ[G]")
    }
}
