import Algebra
import Geometry
import NumericBridge

/// The "no gradient signal" barrier (Portilheiro's slides; MATH.md §9.4): EMLP's proposal to learn generators
/// A = (A_1, …, A_m) jointly with a layer W constrained to their commutant comm(A) = {W : A_iW = WA_i}. On whitened
/// data (x ~ N(0, I), y = W*x) the best constrained layer is the Frobenius projection of W* onto comm(A), with loss
/// ℓ(A) = ‖W* − π_{comm(A)}W*‖²_F. One generic A has comm(A) = ℝ[A] (dimension n), which moves with A: ℓ has a
/// gradient. Two or more generic generators have comm(A) = ℝ·I (dimension 1) for every A near them, so ℓ is
/// constant there and its gradient is exactly 0: nothing tells A where to go. The commutant is solved exactly at the
/// integer generators and in floating point (SVD, `NumericEquivariantMaps`) at A ± εE for central differences
/// along random unit directions E.
public struct GradientSignal: Sendable {
    /// One number of generators.
    public struct Row: Sendable {
        /// m, the generators.
        public let generators: Int
        /// dim comm(A), exactly, at the integer generators.
        public let exactCommutantDimension: Int
        /// dim comm(A) in floating point at every perturbed point (the smallest and largest seen).
        public let numericCommutantDimensions: ClosedRange<Int>
        /// ℓ(A) = ‖W* − π(W*)‖²_F / ‖W*‖²_F at the integer generators.
        public let loss: Double
        /// The largest |ℓ(A + εE) − ℓ(A − εE)| / (2ε) over the directions: the gradient's size along them.
        public let largestDirectionalDerivative: Double
    }

    /// n, the size of the generators.
    public let n: Int
    /// ε of the central differences.
    public let step: Double
    /// One row per number of generators, 1…`maxGenerators`.
    public let rows: [Row]

    /// - Parameters: n (2…8), generators 1…`maxGenerators` with integer entries in −3…3, `directions` random
    ///   unit directions, central differences with step ε.
    /// - Throws: the exact and numeric solvers' errors.
    public init(n: Int, maxGenerators: Int = 3, directions: Int = 8, step: Double = 1e-4, seed: UInt64) throws {
        self.n = n
        self.step = step
        var rng = SplitMix(seed)
        let target = (0..<(n * n)).map { _ in rng.normal() }
        let targetNorm = target.reduce(0) { $0 + $1 * $1 }
        let generators = (0..<maxGenerators).map { _ in (0..<(n * n)).map { _ in Int(rng.next() % 7) - 3 } }
        func loss(_ a: [[Double]]) throws -> (Double, Int) {
            let matrices = a.compactMap { RationalMatrix(exactly: $0, rows: n, columns: n) }
            let rho = try MatrixRepresentation(dimension: n, groupGenerators: [], lieGenerators: matrices)
            let maps = try NumericEquivariantMaps(try EquivarianceConstraint(input: rho, output: rho))
            let captured = maps.basis.reduce(0) { sum, b in
                let c = zip(b, target).reduce(0) { $0 + $1.0 * $1.1 }
                return sum + c * c
            }
            return ((targetNorm - captured) / targetNorm, maps.dimension)
        }
        var rows: [Row] = []
        for m in 1...maxGenerators {
            let chosen = generators.prefix(m).map { $0.map(Double.init) }
            let exact = try MatrixRepresentation(
                dimension: n, groupGenerators: [],
                lieGenerators: chosen.compactMap { RationalMatrix(exactly: $0, rows: n, columns: n) })
            let exactDimension = try EquivarianceConstraint(input: exact, output: exact).solve().dimension
            let (value, _) = try loss(chosen)
            var largest = 0.0
            var dimensions: [Int] = []
            for _ in 0..<directions {
                var e = chosen.map { $0.map { _ in rng.normal() } }
                let norm = e.flatMap { $0 }.reduce(0) { $0 + $1 * $1 }.squareRoot()
                e = e.map { $0.map { $0 / norm } }
                let up = try loss(zip(chosen, e).map { zip($0, $1).map { $0 + step * $1 } })
                let down = try loss(zip(chosen, e).map { zip($0, $1).map { $0 - step * $1 } })
                dimensions += [up.1, down.1]
                largest = max(largest, abs(up.0 - down.0) / (2 * step))
            }
            rows.append(
                Row(
                    generators: m, exactCommutantDimension: exactDimension,
                    numericCommutantDimensions: (dimensions.min() ?? 0)...(dimensions.max() ?? 0), loss: value,
                    largestDirectionalDerivative: largest))
        }
        self.rows = rows
    }
}
