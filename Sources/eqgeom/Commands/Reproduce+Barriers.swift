import CommandLineSupport
import ArgumentParser
import Foundation
import NumericBridge
import Reproductions

extension Reproduce {
    /// `eqgeom reproduce barriers`: learning a generator jointly with W recovers only the group algebra ℝ[G]
    /// (Portilheiro, *Barriers to learning symmetries*, MATH.md §9.4).
    struct Barriers: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "barriers",
            abstract: "Learn W and a generator A jointly on C_n-equivariant data: A lands in R[G], not on the group.")

        @Option(help: "n: the cyclic group C_n acting regularly on R^n, 2…32.") var n = 5
        @Option(help: "Random initialisations, 1…100.") var runs = 8
        @Option(help: "Gradient steps per run, 1…100000.") var steps = 4000
        @OptionGroup var seedOption: SeedOption
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard (2...32).contains(n), (1...100).contains(runs), (1...100_000).contains(steps) else {
                throw ValidationError("--n takes 2…32, --runs 1…100, --steps 1…100000")
            }
        }

        func run() throws {
            progress("\(runs) runs of \(steps) gradient steps on C_\(n)-equivariant data")
            try emit(BarriersReport(GeneratorLearning(n: n, runs: runs, steps: steps, seed: seedOption.seed)), output)
        }
    }
}

struct BarriersReport: Report {
    struct RunEntry: Encodable {
        let seed: UInt64
        let distanceToGroupAlgebra: Double
        let largestGroupCosine: Double
        let coordinates: [Double]
        let loss: Double
        let commutator: Double
        let converged: Bool
        enum CodingKeys: String, CodingKey {
            case seed, coordinates, loss, commutator, converged
            case distanceToGroupAlgebra = "distance_to_group_algebra"
            case largestGroupCosine = "largest_group_cosine"
        }
    }
    let n: Int
    let groupAlgebraDimension: Int
    let runs: [RunEntry]
    let groupElementsRecovered: Int

    init(_ e: GeneratorLearning) {
        n = e.n
        groupAlgebraDimension = e.n
        runs = e.runs.map {
            RunEntry(
                seed: $0.seed, distanceToGroupAlgebra: $0.distanceToGroupAlgebra,
                largestGroupCosine: $0.largestGroupCosine, coordinates: $0.coordinates, loss: $0.loss,
                commutator: $0.commutator, converged: $0.converged)
        }
        groupElementsRecovered = e.runs.filter { $0.converged && $0.largestGroupCosine > 0.99 }.count
        convergedRuns = e.runs.filter(\.converged).count
    }
    let convergedRuns: Int

    enum CodingKeys: String, CodingKey {
        case n, runs
        case groupAlgebraDimension = "group_algebra_dimension"
        case groupElementsRecovered = "group_elements_recovered"
        case convergedRuns = "converged_runs"
    }

    /// Verdicts from converged runs only (loss and distance to R[G] ≤ 1e-8); the others are reported as such.
    var verdict: String {
        let largest = String(format: "%.1e", runs.filter(\.converged).map(\.distanceToGroupAlgebra).max() ?? 0)
        let landed =
            convergedRuns == 0
            ? "no run converged (loss and distance to R[G] ≤ 1e-8): no verdict; give more --steps"
            : "\(convergedRuns) of \(runs.count) runs converged, A in R[G] in each (largest distance \(largest)); "
                + "a group element recovered in \(groupElementsRecovered)"
        let open = runs.count - convergedRuns
        return open == 0 || convergedRuns == 0 ? landed : landed + "; \(open) not converged (give more --steps)"
    }

    var table: String {
        let header = keyValueTable([
            ("group", "C_\(n) acting regularly on R^\(n); R[G] = the circulants, dimension \(groupAlgebraDimension)"),
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
