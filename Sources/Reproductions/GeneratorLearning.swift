import Algebra
import Foundation
import NumericBridge

/// Portilheiro's barrier to learning symmetries (MATH.md §9.4) as an experiment: learn a map f_W(x) = σ(Wx) and a
/// "generator" A jointly, min (1/N)‖Y − σ(WX)‖²_F + λ(1/N)‖σ(WAX) − Aσ(WX)‖²_F over W and over A on the sphere
/// ‖A‖_F = √n (a permutation matrix's norm) orthogonal to I (the identity is a trivial symmetry), on data
/// Y = σ(W*X) from a generic circulant W* (C_n acting regularly). The penalty asks f_W to be A-equivariant.
/// - σ linear: the penalty is (1/N)‖(WA − AW)X‖², A need only commute with W, and the commutant of a generic
///   circulant is the group algebra ℝ[G]: A ends at a point of ℝ[G] set by its initialisation, generically no group
///   element. Linear equivariance cannot tell G from ℝ[G].
/// - σ = tanh: σ(W*Ax) = Aσ(W*x) for all x forces A to be a signed permutation in ℝ[G] (compare the cubic terms of
///   tanh), so a converged run lands on ±P^k, k ≠ 0: a nonlinear target pins the group down.
public struct GeneratorLearning: Sendable {
    /// The target's activation.
    public enum Activation: String, Sendable, CaseIterable {
        case linear, tanh

        func apply(_ z: Double) -> Double { self == .linear ? z : Foundation.tanh(z) }

        /// σ′(z) from z and σ(z).
        func derivative(_ z: Double, _ value: Double) -> Double { self == .linear ? 1 : 1 - value * value }
    }

    /// One initialisation's result.
    public struct Run: Sendable {
        /// The run's seed.
        public let seed: UInt64
        /// ‖A − π(A)‖_F/‖A‖_F, π the orthogonal projection onto span{P^k} (0: A lies in ℝ[G]).
        public let distanceToGroupAlgebra: Double
        /// max over k ≠ 0 of |⟨A, P^k⟩|/(‖A‖·‖P^k‖): 1 when A is ± a group element.
        public let largestGroupCosine: Double
        /// A's coordinates ⟨A, P^k⟩/n on the group elements P^0 = I, P, …, P^{n−1}.
        public let coordinates: [Double]
        /// The learned A (n×n, row-major, ‖A‖_F = √n, trace 0).
        public let generator: [Double]
        /// (1/N)‖Y − σ(WX)‖²_F at the end.
        public let loss: Double
        /// (1/N)‖σ(WAX) − Aσ(WX)‖²_F at the end: how far f_W is from A-equivariance on the data.
        public let equivarianceDefect: Double
        /// ‖AW − WA‖_F at the end.
        public let commutator: Double

        /// Whether the run reached the objective's minimum 0: loss and equivariance defect both at most
        /// `convergenceTolerance`. Only converged runs support a verdict about where A lands.
        public var converged: Bool {
            loss <= GeneratorLearning.convergenceTolerance
                && equivarianceDefect <= GeneratorLearning.convergenceTolerance
        }
    }

    /// The loss and defect below which a run counts as converged (the exact optimum has both 0).
    public static let convergenceTolerance = 1e-12

    /// n, the points C_n acts on.
    public let n: Int
    /// σ of the target and of the model.
    public let activation: Activation
    /// The runs.
    public let runs: [Run]

    /// - Parameters: n points (C_n acting regularly), `runs` random initialisations, `steps` of gradient descent
    ///   with backtracking from the initial step `learningRate` (each step halved until the objective decreases
    ///   enough, then grown by 1.25: a fixed step oscillates once ‖W*‖₂ is large), A moved along its gradient
    ///   within the sphere ∩ I⊥ and put back on it.
    public init(
        n: Int, activation: Activation = .linear, samples: Int = 200, runs: Int, steps: Int,
        learningRate: Double? = nil, penalty: Double = 1, seed: UInt64
    ) {
        self.n = n
        self.activation = activation
        let sigma = activation
        var rng = SplitMix(seed)
        let cycle = (0..<(n * n)).map { e -> Double in (e / n == (e % n + 1) % n) ? 1 : 0 }  // P e_j = e_{j+1}
        var powers = [Self.identity(n)]
        for _ in 1..<n { powers.append(BLAS.multiply(cycle, powers[powers.count - 1], m: n, n: n, k: n)) }
        let coefficients = (0..<n).map { _ in rng.normal() }
        let target = zip(coefficients, powers).reduce([Double](repeating: 0, count: n * n)) { w, term in
            zip(w, term.1).map { $0 + term.0 * $1 }
        }
        let x = (0..<(n * samples)).map { _ in rng.normal() }
        let y = BLAS.multiply(target, x, m: n, n: samples, k: n).map(sigma.apply)
        let count = n * samples
        /// The fit (1/N)‖Y − σ(WX)‖², the defect (1/N)‖σ(WAX) − Aσ(WX)‖² and, when asked, the gradients of
        /// fit + λ·defect: d fit/dW = (2/N)(R ⊙ σ′(Z₁))Xᵀ; d pen/dW = (2/N)[(E ⊙ σ′(Z₂))Uᵀ − ((AᵀE) ⊙ σ′(Z₁))Xᵀ];
        /// d pen/dA = (2/N)[Wᵀ(E ⊙ σ′(Z₂))Xᵀ − E S₁ᵀ] (R = σ(Z₁) − Y, Z₁ = WX, U = AX, Z₂ = WU, E = σ(Z₂) − Aσ(Z₁)).
        func evaluate(_ w: [Double], _ a: [Double], _ lambda: Double, gradients: Bool) -> (
            loss: Double, defect: Double, w: [Double], a: [Double]
        ) {
            let z1 = BLAS.multiply(w, x, m: n, n: samples, k: n)
            let u = BLAS.multiply(a, x, m: n, n: samples, k: n)
            let z2 = BLAS.multiply(w, u, m: n, n: samples, k: n)
            var (s1, s2, residual, e) = (z1, z2, z1, z1)
            for i in 0..<count {
                s1[i] = sigma.apply(z1[i])
                s2[i] = sigma.apply(z2[i])
                residual[i] = s1[i] - y[i]
            }
            let as1 = BLAS.multiply(a, s1, m: n, n: samples, k: n)
            var (loss, defect) = (0.0, 0.0)
            for i in 0..<count {
                e[i] = s2[i] - as1[i]
                loss += residual[i] * residual[i]
                defect += e[i] * e[i]
            }
            (loss, defect) = (loss / Double(samples), defect / Double(samples))
            guard gradients else { return (loss, defect, [], []) }
            let ate = BLAS.multiply(a, e, m: n, n: samples, k: n, transposeA: true)
            var (g1, g2) = (z1, z2)
            for i in 0..<count {
                g1[i] = sigma.derivative(z1[i], s1[i]) * (residual[i] - lambda * ate[i])
                g2[i] = sigma.derivative(z2[i], s2[i]) * e[i]
            }
            let fitW = BLAS.multiply(g1, x, m: n, n: n, k: samples, transposeB: true)
            let penW = BLAS.multiply(g2, u, m: n, n: n, k: samples, transposeB: true)
            let wg2 = BLAS.multiply(w, g2, m: n, n: samples, k: n, transposeA: true)
            let penA = BLAS.multiply(wg2, x, m: n, n: n, k: samples, transposeB: true)
            let es1 = BLAS.multiply(e, s1, m: n, n: n, k: samples, transposeB: true)
            let scale = 2 / Double(samples)
            return (
                loss, defect, (0..<(n * n)).map { scale * (fitW[$0] + lambda * penW[$0]) },
                (0..<(n * n)).map { scale * lambda * (penA[$0] - es1[$0]) }
            )
        }
        var results: [Run] = []
        for r in 0..<runs {
            var local = SplitMix(seed &+ UInt64(r + 1) &* 0x9E37_79B9)
            var w = (0..<(n * n)).map { _ in local.normal() / Double(n) }
            var a = Self.onSphere((0..<(n * n)).map { _ in local.normal() }, n: n)
            var rate = learningRate ?? 0.05
            var (loss, defect) = (0.0, 0.0)
            for step in 0..<steps {
                // the penalty grows from 0 to λ over the first quarter: W fits the data first, then A is pulled to
                // W's commutant (a fixed λ from the start lets both settle at a spurious compromise)
                let lambda = penalty * min(1, Double(step + 1) / Double(max(1, steps / 4)))
                let current = evaluate(w, a, lambda, gradients: true)
                (loss, defect) = (current.loss, current.defect)
                let objective = loss + lambda * defect
                if lambda == penalty && objective <= 1e-28 {
                    break  // at the minimum 0 to rounding
                }
                // A's gradient along its constraint set (the sphere ∩ I⊥): its identity and radial parts removed
                let gradientA = Self.tangent(current.a, at: a, n: n)
                let squared = (current.w + gradientA).reduce(0) { $0 + $1 * $1 }
                // backtracking (Armijo): the step halves until the objective falls by rate·‖g‖²/4, then grows again;
                // when 30 halvings find no decrease the run sits at a critical point to rounding and stops
                var moved = false
                for _ in 0..<30 where squared > 0 {
                    let nextW = (0..<(n * n)).map { w[$0] - rate * current.w[$0] }
                    let nextA = Self.onSphere((0..<(n * n)).map { a[$0] - rate * gradientA[$0] }, n: n)
                    let trial = evaluate(nextW, nextA, lambda, gradients: false)
                    if trial.loss + lambda * trial.defect <= objective - rate * squared / 4 {
                        (w, a) = (nextW, nextA)
                        rate *= 1.25
                        moved = true
                        break
                    }
                    rate /= 2
                }
                if !moved && lambda == penalty {
                    break
                }
                rate = max(rate, 1e-12)
            }
            let coordinates = powers.map { p in zip(a, p).reduce(0) { $0 + $1.0 * $1.1 } / Double(n) }
            var projection = [Double](repeating: 0, count: n * n)
            for (k, p) in powers.enumerated() { for e in 0..<(n * n) { projection[e] += coordinates[k] * p[e] } }
            let off = zip(a, projection).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
            let c = zip(BLAS.multiply(a, w, m: n, n: n, k: n), BLAS.multiply(w, a, m: n, n: n, k: n)).map { $0 - $1 }
            results.append(
                Run(
                    seed: seed &+ UInt64(r + 1), distanceToGroupAlgebra: off / Double(n).squareRoot(),
                    largestGroupCosine: coordinates.dropFirst().map(abs).max() ?? 0, coordinates: coordinates,
                    generator: a, loss: loss, equivarianceDefect: defect,
                    commutator: c.reduce(0) { $0 + $1 * $1 }.squareRoot()))
        }
        self.runs = results
    }

    static func identity(_ n: Int) -> [Double] { (0..<(n * n)).map { $0 / n == $0 % n ? 1 : 0 } }

    /// g without its components along I and along A (A traceless): the gradient within the sphere ∩ I⊥.
    static func tangent(_ g: [Double], at a: [Double], n: Int) -> [Double] {
        let t = traceless(g, n: n)
        let radial = zip(t, a).reduce(0) { $0 + $1.0 * $1.1 } / a.reduce(0) { $0 + $1 * $1 }
        return zip(t, a).map { $0 - radial * $1 }
    }

    /// A with its identity component removed (trace 0) and scaled to ‖A‖_F = √n.
    static func onSphere(_ a: [Double], n: Int) -> [Double] {
        let t = traceless(a, n: n)
        let norm = t.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return t.map { $0 * Double(n).squareRoot() / max(norm, .leastNormalMagnitude) }
    }

    /// M − (tr M/n)·I for an n×n matrix M (row-major): its component orthogonal to I.
    static func traceless(_ m: [Double], n: Int) -> [Double] {
        let mean = (0..<n).reduce(0) { $0 + m[$1 * n + $1] } / Double(n)
        return m.indices.map { $0 / n == $0 % n ? m[$0] - mean : m[$0] }
    }
}
