import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom train`: the exact optimum or Adam training of one component, for one permutation or a group (MATH.md
/// §4.5, §8.7).
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit an equivariant autoencoder: exact optimum (Eckart–Young per block) or Adam.")

    @OptionGroup var action: PermutationOptions
    @OptionGroup var generators: GeneratorOptions
    @Option(help: "Rank r of the autoencoder.") var rank: Int
    @Option(
        help: "best, paper, equal-rank, high-pass, or a tuple (13,10,… or 1/1=13,…).",
        transform: ComponentArgument.init(parsing:))
    var component = ComponentArgument(named: .best)
    @Option(help: "exact (Eckart–Young) or adam (gradient training of the weight-sharing model).")
    var method: MethodArgument = .exact
    @Option(help: "Largest random cyclic shift applied to each image, 0…(axis length − 1) (0: data as given).")
    var maxShift: Int = 0
    @Flag(help: "For a group: move each sample by a random group element (seeded), e.g. rotations and reflections.")
    var augment = false
    @Flag(help: "Also the dense rank-r optimum (PCA) as a baseline: one N·n² pass over the pixels (implied by --out).")
    var dense = false
    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Block-moment files of data shards (eqgeom spectra --out): merge them, then the exact optimum.",
            valueName: "file"))
    var stats: [String] = []
    @OptionGroup var training: TrainingOptions
    @OptionGroup var output: OutputOptions

    /// One image shift: the paper's set-up, with random shifts of up to --max-shift.
    var isShift: Bool {
        !generators.given && action.image != nil && action.moveCount == 1 && action.shift.count == 1
    }

    func validate() throws {
        if !stats.isEmpty {
            guard !action.given, !generators.given, training.data == nil, training.out == nil, method == .exact,
                maxShift == 0, !augment, !dense
            else {
                throw ValidationError(
                    "--stats carries σ and the data's moments: give only --rank, --component and --json with it "
                        + "(the exact method)")
            }
            return
        }
        guard action.given || generators.given else {
            throw ValidationError("name the symmetry: --image HxW with --shift/--rotate/--reflect, --perm, or --gen")
        }
        if isShift, let image = action.image, let axis = action.shift.first {
            let length = axis == .x ? image.width : image.height
            guard (0..<length).contains(maxShift) else {
                throw ValidationError("--max-shift must be between 0 and \(length - 1) for this image, got \(maxShift)")
            }
            if augment {
                throw ValidationError("--augment is for a group or one permutation; one shift uses --max-shift")
            }
        } else if maxShift != 0 {
            throw ValidationError("--max-shift goes with one --shift; for a group use --augment")
        }
    }

    func run() throws {
        if !stats.isEmpty {
            let moments = try MomentsArchive.merged(paths: stats)
            let result = try StatisticsOptimum(
                moments: moments, rank: rank, choice: try component.choice(labels: moments.blockLabels))
            return try emit(StatisticsReport(result, shards: stats.count), output)
        }
        // the layout's size follows from the image: refused before any permutation is built
        try action.requireMemory(bytesPerPoint: BasisLayout.bytesPerPoint + 16, for: "the basis layout")
        let symmetry = try action.namedSymmetry(with: generators)
        let decomposition = try symmetry.decomposition()
        let choice = try component.choice(labels: decomposition.labels)
        _ = try EquivariantVariety(decomposition, rank: rank)  // rank checked before the basis and the data
        let frame = try symmetry.frame(progress: progress)
        let data = try training.dataset(features: symmetry.degree)
        var augmentation: TrainingExperiment.Augmentation = augment ? .groupElements : .none
        if isShift, let shift = action.shift.first { augmentation = .imageShifts(axis: shift.axis, maxShift: maxShift) }
        let config = TrainingExperiment.Configuration(
            imageSize: action.image.map { ($0.height, $0.width) }, rank: rank, augmentation: augmentation,
            seed: training.seedOption.seed, choices: [choice],
            adam: method == .adam ? try training.adam(count: data.count) : nil,
            dense: training.out != nil ? .directions : dense ? .loss : .none)
        // the output directory first: one that cannot be made is refused before the work, not after it
        var files = OutputFiles()
        if let dir = training.out { try files.createDirectory(dir) }
        Interruption.install()
        let e: TrainingExperiment
        do {
            e = try TrainingExperiment(data: data, frame: frame, configuration: config, progress: progress) {
                try progressBar($0, $1, $2, loss: $3, unit: "full-batch steps")
            }
        } catch {
            files.discard()
            throw error
        }
        if let dir = training.out { try ExperimentArtifacts.stage(e, directory: dir, into: &files) }
        let written = try files.commit()
        wrote(written)
        try emit(TrainReport(e, method: method.rawValue, files: written), output)
    }
}
