import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom identify`: is a trained W equivariant, which component V_t is it in (per-block ranks over ℝ, ℂ,
/// ℍ and the singular-value gaps that decided them), and how far is it from V_t's exact optimum on data
/// (MATH.md §4.2–4.5, MATH.md §8.1).
struct Identify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a trained n×n matrix: equivariance defect, component (per-block ranks), distance to optimum.")

    @OptionGroup var action: PermutationOptions
    @OptionGroup var generators: GeneratorOptions
    @Option(
        help: ArgumentHelp(
            "The trained matrix W (x ↦ Wx): .npy (n×n), or .npz/.safetensors with a member W (as train --out writes).",
            valueName: "file"))
    var weights: String
    @Option(
        help: ArgumentHelp(
            "Data for the distance to the component's exact optimum: MNIST IDX, CSV[.gz] or .npy.", valueName: "file"))
    var data: String?
    @Flag(help: "Also the distance to the exact optimum, on --data or the built-in MNIST subset.")
    var optimum = false
    @Option(
        help:
            "Relative tolerance τ in (0, 1) for ranks and equivariance (default: n·ε of the file's dtype; docs/cli.md)."
    )
    var tolerance: Double?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard action.given || generators.given else {
            throw ValidationError("name the symmetry: --perm, --image HxW with --shift/--rotate/--reflect, or --gen")
        }
        if let tau = tolerance, !(tau > 0 && tau < 1) {
            throw ValidationError("--tolerance must be a number in (0, 1), got \(tau)")
        }
        try requireExtension(weights, ["npy", "npz", "safetensors"], flag: "--weights")
    }

    func run() throws {
        let w = try WeightMatrix(path: weights)
        let symmetry = try action.namedSymmetry(with: generators)
        try w.requireDegree(symmetry.degree)
        let dataset = optimum || data != nil ? try TrainingOptions.dataset(path: data, features: w.n) : nil
        let decomposition = try symmetry.decomposition()
        let frame = try symmetry.frame(progress: { progress($0) })
        progress("Qᵀ W Q of a \(w.n)×\(w.n) matrix; per-block singular values")
        let identification = try WeightIdentification(w, frame: frame, tolerance: tolerance)
        let variety = try EquivariantVariety(decomposition, rank: identification.rank)
        let index = try variety.index().index(of: identification.tuple)
        var distance: OptimumDistance?
        if let dataset {
            progress("\(dataset.count) samples: block moments, the component's exact optimum, the loss of W")
            distance = try OptimumDistance(identification, weights: w, data: dataset, frame: frame)
        }
        try emit(IdentifyReport(identification, weights: w, file: weights, index: index, optimum: distance), output)
    }
}
