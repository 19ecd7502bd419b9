import CommandLineSupport
import ArgumentParser
import Foundation
import NumericBridge
import Reproductions

extension Reproduce {
    /// `eqgeom reproduce barriers`: learning a generator jointly with a linear map recovers only the group algebra
    /// ℝ[G]; with a nonlinear one, a group element (Portilheiro, *Barriers to learning symmetries*, MATH.md §9.4).
    struct Barriers: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "barriers",
            abstract: "Learn f and a generator A jointly on C_n-equivariant data: linear f finds R[G], tanh the group.")

        @Option(help: "n: the cyclic group C_n acting regularly on R^n, 2…32.") var n = 5
        @Option(help: "Random initialisations, 1…100.") var runs = 8
        @Option(help: "Gradient steps per run, 1…100000.") var steps = 20000
        @Option(help: "The target's and the model's activation: linear (f = Wx) or tanh (f = tanh(Wx)).")
        var activation: GeneratorLearning.Activation = .linear
        @OptionGroup var seedOption: SeedOption
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard (2...32).contains(n), (1...100).contains(runs), (1...100_000).contains(steps) else {
                throw ValidationError("--n takes 2…32, --runs 1…100, --steps 1…100000")
            }
        }

        func run() throws {
            progress("\(runs) runs of \(steps) gradient steps on C_\(n)-equivariant data")
            let experiment = GeneratorLearning(
                n: n, activation: activation, runs: runs, steps: steps, seed: seedOption.seed)
            try emit(BarriersReport(experiment), output)
        }
    }
}

extension GeneratorLearning.Activation: ExpressibleByArgument {}

struct BarriersReport: Report {
    struct RunEntry: Encodable {
        let seed: UInt64
        let distanceToGroupAlgebra: Double
        let largestGroupCosine: Double
        let coordinates: [Double]
        let loss: Double
        let equivarianceDefect: Double
        let commutator: Double
        let converged: Bool
        enum CodingKeys: String, CodingKey {
            case seed, coordinates, loss, commutator, converged
            case equivarianceDefect = "equivariance_defect"
            case distanceToGroupAlgebra = "distance_to_group_algebra"
            case largestGroupCosine = "largest_group_cosine"
        }
    }
    let n: Int
    let activation: String
    let groupAlgebraDimension: Int
    let runs: [RunEntry]
    let groupElementsRecovered: Int

    init(_ e: GeneratorLearning) {
        n = e.n
        activation = e.activation.rawValue
        groupAlgebraDimension = e.n
        runs = e.runs.map {
            RunEntry(
                seed: $0.seed, distanceToGroupAlgebra: $0.distanceToGroupAlgebra,
                largestGroupCosine: $0.largestGroupCosine, coordinates: $0.coordinates, loss: $0.loss,
                equivarianceDefect: $0.equivarianceDefect, commutator: $0.commutator, converged: $0.converged)
        }
        groupElementsRecovered = e.runs.filter { $0.converged && $0.largestGroupCosine > 0.99 }.count
        convergedRuns = e.runs.filter(\.converged).count
    }
    let convergedRuns: Int

    enum CodingKeys: String, CodingKey {
        case n, runs, activation
        case groupAlgebraDimension = "group_algebra_dimension"
        case groupElementsRecovered = "group_elements_recovered"
        case convergedRuns = "converged_runs"
    }

    /// Verdicts from converged runs only (loss and equivariance defect ≤ 1e-12); the others are reported as such.
    /// A lies in R[G] when its distance is at most 1e-6, and is ± a group element when its cosine exceeds 0.99.
    var verdict: String {
        let converged = runs.filter(\.converged)
        guard !converged.isEmpty else {
            return "no run converged (loss and equivariance defect ≤ 1e-12): no verdict; give more --steps"
        }
        let distances = converged.map(\.distanceToGroupAlgebra)
        let inAlgebra = distances.filter { $0 <= 1e-6 }.count
        let largest = String(format: "%.1e", distances.max() ?? 0)
        let landed =
            "\(convergedRuns) of \(runs.count) runs converged, A in R[G] in "
            + (inAlgebra == converged.count ? "each" : "\(inAlgebra)") + " (largest distance \(largest)); "
            + "± a group element in \(groupElementsRecovered)"
        let open = runs.count - convergedRuns
        return open == 0 ? landed : landed + "; \(open) not converged (more --steps, or a spurious minimum)"
    }

    var table: String {
        let header = keyValueTable([
            ("group", "C_\(n) acting regularly on R^\(n); R[G] = the circulants, dimension \(groupAlgebraDimension)"),
            ("target", activation == "linear" ? "f(x) = W*x, W* a generic circulant" : "f(x) = tanh(W*x)"),
            ("result", verdict),
        ])
        let rows = runs.map {
            [
                "\($0.seed)", String(format: "%.1e", $0.loss), String(format: "%.1e", $0.distanceToGroupAlgebra),
                String(format: "%.3f", $0.largestGroupCosine),
                $0.coordinates.map { String(format: "%+.3f", $0) }.joined(separator: " "),
            ]
        }
        return header + "\n\n"
            + columnTable(["seed", "loss", "dist to R[G]", "max cos(A, P^k)", "A on I, P, P², …"], rows)
    }
}

extension Reproduce {
    /// `eqgeom reproduce gradient-signal`: learning generators with the layer constrained to their commutant gets
    /// no gradient once there are two generic generators (Portilheiro's slides, MATH.md §9.4).
    struct GradientSignalCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gradient-signal",
            abstract: "EMLP with learned generators: the loss's gradient in A vanishes for two generic generators.")

        @Option(help: "n, the size of the generators, 2…8.") var n = 5
        @Option(help: "Generators m = 1…M compared, 1…4.") var maxGenerators = 3
        @Option(help: "Random directions of the central differences, 1…64.") var directions = 8
        @OptionGroup var seedOption: SeedOption
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard (2...8).contains(n), (1...4).contains(maxGenerators), (1...64).contains(directions) else {
                throw ValidationError("--n takes 2…8, --max-generators 1…4, --directions 1…64")
            }
        }

        func run() throws {
            progress("commutants of 1…\(maxGenerators) random \(n)×\(n) generators at \(2 * directions) points each")
            let signal = try GradientSignal(
                n: n, maxGenerators: maxGenerators, directions: directions, seed: seedOption.seed)
            try emit(GradientSignalReport(signal), output)
        }
    }
}

struct GradientSignalReport: Report {
    struct RowEntry: Encodable {
        let generators: Int
        let exactCommutantDimension: Int
        let numericCommutantDimensions: [Int]
        let loss: Double
        let largestDirectionalDerivative: Double
        enum CodingKeys: String, CodingKey {
            case generators, loss
            case exactCommutantDimension = "exact_commutant_dimension"
            case numericCommutantDimensions = "numeric_commutant_dimensions"
            case largestDirectionalDerivative = "largest_directional_derivative"
        }
    }
    let n: Int
    let step: Double
    let rows: [RowEntry]

    init(_ s: GradientSignal) {
        n = s.n
        step = s.step
        rows = s.rows.map {
            RowEntry(
                generators: $0.generators, exactCommutantDimension: $0.exactCommutantDimension,
                numericCommutantDimensions: [
                    $0.numericCommutantDimensions.lowerBound,
                    $0.numericCommutantDimensions.upperBound,
                ],
                loss: $0.loss, largestDirectionalDerivative: $0.largestDirectionalDerivative)
        }
    }

    var table: String {
        "ℓ(A) = ‖W* − π_comm(A) W*‖²/‖W*‖² on whitened data, A = m random integer \(n)×\(n) generators; "
            + "central differences with ε = \(step)\n\n"
            + columnTable(
                ["m", "dim comm(A) (exact)", "dim comm (numeric, nearby)", "ℓ(A)", "max |∂ℓ/∂E|"],
                rows.map {
                    [
                        "\($0.generators)", "\($0.exactCommutantDimension)",
                        $0.numericCommutantDimensions[0] == $0.numericCommutantDimensions[1]
                            ? "\($0.numericCommutantDimensions[0])"
                            : "\($0.numericCommutantDimensions[0])…\($0.numericCommutantDimensions[1])",
                        String(format: "%.4f", $0.loss), String(format: "%.1e", $0.largestDirectionalDerivative),
                    ]
                })
    }
}
