import Algebra
import Testing

@testable import Geometry
@testable import NumericBridge
@testable import Reproductions

/// Portilheiro's barriers. Linear target: the learned generator commutes with the learned W and lies in the group
/// algebra ℝ[C_n] (checked on the circulant structure directly: A[i, j] depends only on i − j mod n) at a point set
/// by the initialisation, generically not a group element. tanh target: every converged run ends on ± a
/// non-identity group element (checked entry by entry against the permutation matrix). No gradient signal: the loss
/// against the commutant of m generators, recomputed for m = 1 from the powers of A (a second method).
@Suite struct GeneratorLearningTests {
    @Test func learnedGeneratorsStayInTheGroupAlgebra() {
        let n = 5
        let experiment = GeneratorLearning(n: n, samples: 100, runs: 4, steps: 8000, seed: 7)
        #expect(experiment.runs.filter(\.converged).count >= 3)
        for run in experiment.runs where run.converged {
            #expect(run.commutator < 1e-5, "seed \(run.seed): loss \(run.loss)")
            #expect(run.distanceToGroupAlgebra < 1e-6, "seed \(run.seed): \(run.distanceToGroupAlgebra)")
            // A = Σ c_k P^k is circulant: A[(j + k) mod n, j] = A[k, 0] for every j
            let a = run.generator
            for k in 0..<n {
                for j in 0..<n { #expect(abs(a[((j + k) % n) * n + j] - a[k * n]) < 1e-5, "seed \(run.seed)") }
            }
        }
        let converged = experiment.runs.filter(\.converged)
        #expect(converged.contains { $0.largestGroupCosine < 0.9 }, "some run lands away from every P^k")
        let spread = Set(converged.map { ($0.coordinates[1] * 100).rounded() })
        #expect(spread.count > 1, "different initialisations give different points of ℝ[G]")
    }

    @Test func aNonlinearTargetPinsTheGroupElement() {
        let n = 4
        // a run that stops short of the minimum 0 is not converged and gets no verdict
        let experiment = GeneratorLearning(n: n, activation: .tanh, samples: 60, runs: 4, steps: 6000, seed: 1)
        #expect(experiment.runs.filter(\.converged).count >= 3)
        for run in experiment.runs where run.converged {
            // A = ±P^k: the entries are ±1 at (j + k mod n, j) and 0 elsewhere, for one k ≠ 0
            let a = run.generator
            let matches = (1..<n).filter { k in
                let sign = a[k * n] > 0 ? 1.0 : -1.0
                return (0..<(n * n)).allSatisfy { e in
                    let expected = e / n == (e % n + k) % n ? sign : 0
                    return abs(a[e] - expected) < 1e-4
                }
            }
            #expect(matches.count == 1, "seed \(run.seed): \(a)")
        }
    }

    @Test func noGradientSignalPastOneGenerator() throws {
        let n = 4
        let signal = try GradientSignal(n: n, maxGenerators: 3, directions: 6, seed: 11)
        // a generic matrix commutes with its n powers only, a generic pair with the scalars only
        #expect(signal.rows.map(\.exactCommutantDimension) == [n, 1, 1])
        #expect(signal.rows.map(\.numericCommutantDimensions) == [n...n, 1...1, 1...1])
        #expect(signal.rows[0].largestDirectionalDerivative > 1e-4)
        #expect(signal.rows.dropFirst().allSatisfy { $0.largestDirectionalDerivative < 1e-9 })
        // ℓ for the scalars: ‖W*‖² − ⟨W*, I⟩²/n over ‖W*‖², the same for m = 2 and 3
        #expect(abs(signal.rows[1].loss - signal.rows[2].loss) < 1e-12)
        // m = 1 by a second method: project W* onto span{I, A, …, A^{n−1}} by Gram–Schmidt
        var rng = SplitMix(11)
        let target = (0..<(n * n)).map { _ in rng.normal() }
        let a = (0..<(n * n)).map { _ in Double(Int(rng.next() % 7) - 3) }
        var power = (0..<(n * n)).map { $0 / n == $0 % n ? 1.0 : 0 }
        var orthonormal: [[Double]] = []
        for _ in 0..<n {
            var v = power
            for q in orthonormal {
                let c = zip(v, q).reduce(0) { $0 + $1.0 * $1.1 }
                v = zip(v, q).map { $0 - c * $1 }
            }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            orthonormal.append(v.map { $0 / norm })
            power = BLAS.multiply(a, power, m: n, n: n, k: n)
        }
        let total = target.reduce(0) { $0 + $1 * $1 }
        let captured = orthonormal.reduce(0) { sum, q in
            let c = zip(target, q).reduce(0) { $0 + $1.0 * $1.1 }
            return sum + c * c
        }
        #expect(abs(signal.rows[0].loss - (total - captured) / total) < 1e-9)
    }
}
