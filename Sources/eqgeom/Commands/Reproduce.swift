import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom reproduce mnist`: the paper's Section 5, end to end.
struct Reproduce: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reproduce a paper experiment.",
        subcommands: [
            MNIST.self, D4.self, Barriers.self, GradientSignalCommand.self, LConvComparison.self, SymmetryKernel.self,
            RotatedMNIST.self,
            LCNTheorem.self,
        ])

    struct MNIST: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mnist",
            abstract: "Section 5: rank-r equivariant autoencoders on horizontally shifted MNIST, against the dense one."
        )

        @OptionGroup var experiment: MNISTExperimentOptions
        @Option(help: "Largest random horizontal shift per image, 0…27 (the paper's notebook: 6).")
        var maxShift: Int = 6
        @OptionGroup var training: TrainingOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard (0...27).contains(maxShift) else {
                throw ValidationError("--max-shift must be between 0 and 27 for 28x28 images, got \(maxShift)")
            }
        }

        func run() throws {
            let data = try training.dataset(features: 784)
            let frame = IsotypicFrame(try BasisLayout(Permutation.shift(height: 28, width: 28, along: .x)))
            let rank = experiment.rank
            let config = TrainingExperiment.Configuration(
                imageSize: (28, 28), rank: rank, augmentation: .imageShifts(axis: .x, maxShift: maxShift),
                seed: training.seedOption.seed,
                choices: rank == 99 ? [.best, .paper, .equalRank, .highPass] : [.best, .equalRank, .highPass],
                adam: try experiment.adam(training, count: data.count), denseAdam: true)
            try experiment.run(data: data, frame: frame, configuration: config, directory: training.out ?? "out/mnist")
            { try emit($0, output) }
        }
    }
}

extension Reproduce {
    /// `eqgeom reproduce d4`: the Section-5 comparison for the dihedral group of the square (rotations by 90°
    /// and the mirror) on MNIST, each image moved by a random element of D4 (MATH.md §8.7).
    struct D4: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "d4",
            abstract: "D4-equivariant autoencoders on rotated and reflected MNIST: exact optima, Adam, dense.")

        @OptionGroup var experiment: MNISTExperimentOptions
        @OptionGroup var training: TrainingOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let data = try training.dataset(features: 784)
            let group = try PermutationGroup(
                generators: [
                    try Permutation.rotation(size: 28, degrees: 90),
                    try Permutation.reflection(height: 28, width: 28, .horizontal),
                ], degree: 784)
            let config = TrainingExperiment.Configuration(
                imageSize: (28, 28), rank: experiment.rank, augmentation: .groupElements,
                seed: training.seedOption.seed,
                choices: [.best, .equalRank, .highPass], adam: try experiment.adam(training, count: data.count))
            Interruption.install()
            let frame = IsotypicFrame(try GroupNumericBasis.build(group, progress: { progress($0) }))
            try experiment.run(
                data: data, frame: frame, configuration: config, group: "D4", directory: training.out ?? "out/d4"
            ) { try emit($0, output) }
        }
    }
}

/// The rank and the Adam switch of the MNIST reproductions.
struct MNISTExperimentOptions: ParsableArguments {
    @Option(help: "Rank r, 1…784.") var rank: Int = 99
    @Flag(help: "Skip Adam training (exact optima only).") var exactOnly = false

    func validate() throws {
        guard (1...784).contains(rank) else {
            throw ValidationError("--rank must be between 1 and 784, got \(rank)")
        }
    }

    /// Adam's settings (nil with --exact-only).
    func adam(_ training: TrainingOptions, count: Int) throws -> AdamSettings? {
        exactOnly ? nil : try training.adam(count: count)
    }

    /// Runs the experiment and writes its figures, weights and loss tables into `directory` as one transaction.
    func run(
        data: ImageDataset, frame: IsotypicFrame, configuration: TrainingExperiment.Configuration,
        group: String? = nil, directory dir: String, emit: (ReproduceReport) throws -> Void
    ) throws {
        Interruption.install()
        let e = try TrainingExperiment(data: data, frame: frame, configuration: configuration, progress: progress) {
            try progressBar($0, $1, $2, loss: $3, unit: "full-batch steps")
        }
        var files = OutputFiles()
        try ExperimentArtifacts.stage(e, directory: dir, into: &files)
        let report = ReproduceReport(
            e, group: group, files: files.paths + [dir + "/losses.txt", dir + "/losses.json"])
        try files.add(Array(report.table.utf8) + [10], to: dir + "/losses.txt")
        try files.add(try jsonBytes(report, pretty: true), to: dir + "/losses.json")
        wrote(try files.commit())
        try emit(report)
    }
}
