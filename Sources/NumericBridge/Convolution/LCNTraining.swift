import Foundation
import Algebra
import Geometry

/// Gradient descent on a linear convolutional network's filters from many seeds, each limit classified
/// (MATH.md §14.3): the loss is ℓ(u) = uᵀAu − 2bᵀu + c on end-to-end filters (A, b the data's moments), L = ℓ∘μ on
/// the filters. A limit θ* (‖∇L‖ below the tolerance) is **zero** when u* = μ(θ*) vanishes; **pure** when θ* is a
/// regular point of μ (the Jacobian, after balancing the filters' norms, has the function space's dimension as
/// its numeric rank) or when ∇ℓ(u*) itself vanishes; **spurious** otherwise (a rank-deficient Jacobian and a
/// gradient of ℓ that only the parameterisation hides). Runs that do not converge are counted apart.
public struct LCNTraining: Sendable {
    /// The data's moments: ℓ(u) = uᵀAu − 2bᵀu + c, the mean squared error of the convolution over the samples.
    public struct Moments: Sendable {
        /// A (k×k), the Gram matrix of the input windows.
        public let gram: [Double]
        /// b, the windows weighted by the targets.
        public let target: [Double]
        /// c, the targets' mean square.
        public let energy: Double
    }

    /// How a run ended.
    public enum Limit: String, Sendable, Codable, CaseIterable {
        case zero, pure, spurious
        case notConverged = "not_converged"
    }

    /// One run from one seed.
    public struct Run: Sendable {
        /// The seed of its initial filters.
        public let seed: UInt64
        /// The classification of its limit.
        public let limit: Limit
        /// ℓ at the limit.
        public let loss: Double
        /// ‖∇L‖ at the limit.
        public let gradient: Double
        /// The Jacobian's singular value number dim, relative to the largest (0: rank-deficient).
        public let conditioning: Double
        /// ‖∇ℓ(u*)‖ relative to ‖b‖.
        public let functionGradient: Double
        /// The end-to-end filter at the limit.
        public let filter: [Double]
        /// For a pure limit at a regular point: whether the exact Jacobian rank over ℚ at the limit's filters (their
        /// binary64 values, exact rationals) equals the dimension — the computed point is then a regular point of μ.
        public let certifiedRegular: Bool?
    }

    /// σ_dim/σ_1 of the balanced Jacobian above which a limit counts as a regular point of μ.
    public static let rankTolerance = 1e-6

    /// The network.
    public let network: LinearConvolutionalNetwork
    /// The function space's dimension (exact).
    public let dimension: Int
    /// Every run.
    public let runs: [Run]

    /// Synthetic data: `samples` random signals of length k + 8·stride (standard normal, seeded), targets the
    /// convolution with a random teacher filter (not in the function space in general) plus noise.
    public static func syntheticMoments(_ network: LinearConvolutionalNetwork, samples: Int, seed: UInt64) -> Moments {
        let k = network.filterSize
        let s = network.stride
        let length = k + 8 * s
        var rng = SplitMix(seed)
        let teacher = (0..<k).map { _ in rng.normal() }
        var gram = [Double](repeating: 0, count: k * k)
        var target = [Double](repeating: 0, count: k)
        var energy = 0.0
        var windows = 0
        for _ in 0..<samples {
            let x = (0..<length).map { _ in rng.normal() }
            for start in stride(from: 0, through: length - k, by: s) {
                let window = Array(x[start..<(start + k)])
                let y = zip(window, teacher).reduce(0) { $0 + $1.0 * $1.1 } + 0.1 * rng.normal()
                for i in 0..<k {
                    target[i] += y * window[i]
                    for j in 0..<k { gram[i * k + j] += window[i] * window[j] }
                }
                energy += y * y
                windows += 1
            }
        }
        let scale = 1 / Double(max(windows, 1))
        return Moments(gram: gram.map { $0 * scale }, target: target.map { $0 * scale }, energy: energy * scale)
    }

    /// The moments of data: every window x_{sj}, …, x_{sj+k−1} of every signal (a row of `signals`), with target
    /// row j of `targets` (one value per window, ⌊(m − k)/s⌋ + 1 of them) or, without targets, the next value
    /// x_{sj+k} (linear prediction; windows with a next value only). Means over all windows.
    /// - Throws: `NumericError.invalidInput` for signals shorter than the filter (plus one without targets) or
    ///   targets of another shape; `MemoryLimitError` for a window matrix past the budget.
    public static func moments(
        _ network: LinearConvolutionalNetwork, signals: ImageDataset, targets: ImageDataset? = nil
    ) throws -> Moments {
        let (k, s, m) = (network.filterSize, network.stride, signals.features)
        let perSignal = targets == nil ? (m - k - 1) / s + 1 : (m - k) / s + 1
        guard m >= k + (targets == nil ? 1 : 0), perSignal >= 1 else {
            let needed = targets == nil ? "\(k) and one to predict" : "\(k)"
            throw NumericError.invalidInput("the signals have \(m) values; the end-to-end filter needs \(needed)")
        }
        if let targets {
            guard targets.count == signals.count, targets.features == perSignal else {
                throw NumericError.invalidInput(
                    "the targets are \(targets.count)×\(targets.features); \(signals.count) signals with "
                        + "\(perSignal) windows each need \(signals.count)×\(perSignal)")
            }
        }
        let windows = ByteCount.product(signals.count, perSignal)
        try MemoryBudget.require(
            ByteCount.product(windows, k + 1, 8), for: "\(windows) windows of \(k) values",
            advice: "use fewer or shorter signals")
        var matrix = [Double](repeating: 0, count: windows * k)
        var y = [Double](repeating: 0, count: windows)
        for i in 0..<signals.count {
            let x = signals.values[(i * m)..<((i + 1) * m)]
            for j in 0..<perSignal {
                let row = i * perSignal + j
                let start = x.startIndex + j * s
                for c in 0..<k { matrix[row * k + c] = x[start + c] }
                y[row] = targets.map { $0.values[i * perSignal + j] } ?? x[start + k]
            }
        }
        let scale = 1 / Double(windows)
        let gram = BLAS.multiply(matrix, matrix, m: k, n: k, k: windows, transposeA: true)
        let target = BLAS.multiply(matrix, y, m: k, n: 1, k: windows, transposeA: true)
        return Moments(
            gram: gram.map { $0 * scale }, target: target.map { $0 * scale },
            energy: y.reduce(0) { $0 + $1 * $1 } * scale)
    }

    /// Runs gradient descent (Armijo backtracking, at most `steps` steps) from `seeds` seeded initialisations.
    /// - Throws: `GeometryError.tooLarge` for a network whose dimension is not computed; whatever
    ///   `progress(done, total)` throws (an interruption).
    public init(
        _ network: LinearConvolutionalNetwork, moments: Moments, seeds: Int, steps: Int, tolerance: Double = 1e-9,
        progress: (Int, Int) throws -> Void = { _, _ in }
    ) throws {
        self.network = network
        dimension = try network.dimension().value
        var runs: [Run] = []
        let problem = LCNLoss(network: network, moments: moments)
        for seed in 0..<seeds {
            runs.append(
                problem.descend(seed: UInt64(seed + 1), steps: steps, tolerance: tolerance, dimension: dimension))
            try progress(seed + 1, seeds)
        }
        self.runs = runs
    }

    /// How many runs ended each way.
    public var counts: [Limit: Int] {
        var c: [Limit: Int] = [:]
        for run in runs { c[run.limit, default: 0] += 1 }
        return c
    }
}

/// L(θ) = ℓ(μ(θ)) with its gradient, and the classification of a limit.
struct LCNLoss {
    let network: LinearConvolutionalNetwork
    let moments: LCNTraining.Moments

    var k: Int { network.filterSize }

    func split(_ theta: [Double]) -> [[Double]] {
        var offset = 0
        return network.filterSizes.map { size in
            defer { offset += size }
            return Array(theta[offset..<(offset + size)])
        }
    }

    static func multiply(_ a: [Double], _ b: [Double], dilation s: Int) -> [Double] {
        var out = [Double](repeating: 0, count: a.count + (b.count - 1) * s)
        for (i, x) in a.enumerated() { for (j, y) in b.enumerated() { out[i + j * s] += x * y } }
        return out
    }

    func filter(_ filters: [[Double]]) -> [Double] {
        zip(filters, network.dilations).reduce([1.0]) { Self.multiply($0, $1.0, dilation: $1.1) }
    }

    /// The Jacobian (k × Σ k_i), row-major.
    func jacobian(_ filters: [[Double]]) -> [Double] {
        let p = network.parameterCount
        var j = [Double](repeating: 0, count: k * p)
        var column = 0
        for (i, (size, s)) in zip(network.filterSizes, network.dilations).enumerated() {
            var others = [1.0]
            for (l, (w, t)) in zip(filters, network.dilations).enumerated() where l != i {
                others = Self.multiply(others, w, dilation: t)
            }
            for l in 0..<size {
                for (r, x) in others.enumerated() { j[(r + l * s) * p + column] = x }
                column += 1
            }
        }
        return j
    }

    func loss(_ u: [Double]) -> Double {
        var value = moments.energy
        for i in 0..<k {
            value -= 2 * moments.target[i] * u[i]
            for j in 0..<k { value += u[i] * moments.gram[i * k + j] * u[j] }
        }
        return value
    }

    /// ∇ℓ(u) = 2(Au − b).
    func functionGradient(_ u: [Double]) -> [Double] {
        (0..<k).map { i in
            var au = 0.0
            for j in 0..<k { au += moments.gram[i * k + j] * u[j] }
            return 2 * (au - moments.target[i])
        }
    }

    func gradient(_ theta: [Double]) -> (value: Double, gradient: [Double]) {
        let filters = split(theta)
        let u = filter(filters)
        let g = functionGradient(u)
        let j = jacobian(filters)
        let p = network.parameterCount
        var gradient = [Double](repeating: 0, count: p)
        for r in 0..<k { for c in 0..<p { gradient[c] += j[r * p + c] * g[r] } }
        return (loss(u), gradient)
    }

    /// Filters rescaled to equal norms, the product unchanged (the gauge fixed).
    func balanced(_ filters: [[Double]]) -> [[Double]] {
        let norms = filters.map { $0.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        guard norms.allSatisfy({ $0 > 0 }) else { return filters }
        let mean = exp(norms.reduce(0) { $0 + log($1) } / Double(norms.count))
        return zip(filters, norms).map { w, n in w.map { $0 * mean / n } }
    }

    func descend(seed: UInt64, steps: Int, tolerance: Double, dimension: Int) -> LCNTraining.Run {
        var rng = SplitMix(seed)
        var theta = (0..<network.parameterCount).map { _ in rng.normal() / Double(network.depth) }
        var (value, g) = gradient(theta)
        var rate = 0.1
        let scale = max(moments.target.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-300)
        for _ in 0..<steps {
            let norm2 = g.reduce(0) { $0 + $1 * $1 }
            if norm2.squareRoot() <= tolerance * scale { break }
            // Armijo backtracking: accept the first rate that decreases L by half the linear prediction
            var accepted = false
            for _ in 0..<60 {
                let trial = zip(theta, g).map { $0 - rate * $1 }
                let (v, gt) = gradient(trial)
                if v <= value - 0.5 * rate * norm2 {
                    (theta, value, g) = (trial, v, gt)
                    rate *= 2
                    accepted = true
                    break
                }
                rate /= 2
            }
            if !accepted { break }
            theta = balanced(split(theta)).flatMap { $0 }
            (value, g) = gradient(theta)
        }
        let filters = balanced(split(theta))
        let u = filter(filters)
        let gradientNorm = g.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let functionGradient = functionGradient(u).reduce(0) { $0 + $1 * $1 }.squareRoot() / scale
        let singular = (try? singularValues(jacobian(filters), rows: k, columns: network.parameterCount)) ?? []
        let top = singular.first ?? 0
        let conditioning = dimension >= 1 && dimension <= singular.count && top > 0 ? singular[dimension - 1] / top : 0
        let uNorm = u.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let limit: LCNTraining.Limit
        if gradientNorm > 1e3 * tolerance * scale {
            limit = .notConverged
        } else if uNorm <= 1e-6 * scale {
            limit = .zero
        } else if conditioning > LCNTraining.rankTolerance || functionGradient <= 1e-6 {
            limit = .pure
        } else {
            limit = .spurious
        }
        // a pure limit that is a regular point: certify it exactly (the doubles are exact rationals)
        var certified: Bool? = nil
        if limit == .pure, conditioning > LCNTraining.rankTolerance {
            let exact = filters.map { $0.compactMap { Rational(exactly: $0) } }
            certified = exact.map(\.count) == network.filterSizes && network.jacobian(at: exact).rank == dimension
        }
        return LCNTraining.Run(
            seed: seed, limit: limit, loss: value, gradient: gradientNorm / scale, conditioning: conditioning,
            functionGradient: functionGradient, filter: u, certifiedRegular: certified)
    }
}
