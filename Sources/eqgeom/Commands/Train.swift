import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom train`: the exact optimum or Adam training of one component (MATH.md §4.5).
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit an equivariant autoencoder: exact optimum (Eckart–Young per block) or Adam.")

    @OptionGroup var action: PermutationOptions
    @OptionGroup var generators: GeneratorOptions
    @Option(help: "Rank r of the autoencoder.") var rank: Int
    @Option(help: "best, paper, equal-rank, high-pass, or a tuple (13,10,… or 1/1=13,…).")
    var component = ComponentArgument(named: .best)
    @Option(help: "exact (Eckart–Young) or adam (gradient training of the weight-sharing model).")
    var method: MethodArgument = .exact
    @Option(help: "Largest random cyclic shift applied to each image, 0…(axis length − 1) (0: data as given).")
    var maxShift: Int = 0
    @Flag(help: "For a group: move each sample by a random group element (seeded), e.g. rotations and reflections.")
    var augment = false
    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Block-moment files of data shards (eqgeom spectra --out): merge them, then the exact optimum.",
            valueName: "file"))
    var stats: [String] = []
    @OptionGroup var training: TrainingOptions
    @OptionGroup var output: OutputOptions

    /// One image shift trains with the paper's cyclic code; every other action is a group.
    var isShift: Bool {
        !generators.given && action.image != nil && action.moveCount == 1 && action.shift.count == 1
    }

    func validate() throws {
        if !stats.isEmpty {
            guard !action.given, !generators.given, training.data == nil, training.out == nil, method == .exact,
                maxShift == 0, !augment
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
            let dims = try parseSize(image, count: 2, flag: "--image")
            let length = axis == .x ? dims[1] : dims[0]
            guard (0..<length).contains(maxShift) else {
                throw ValidationError("--max-shift must be between 0 and \(length - 1) for this image, got \(maxShift)")
            }
            if augment { throw ValidationError("--augment is for a group; one shift uses --max-shift") }
        } else if maxShift != 0 {
            throw ValidationError("--max-shift goes with one --shift; for a group use --augment")
        }
    }

    func run() throws {
        if !stats.isEmpty {
            let moments = try MomentsArchive.merged(paths: stats)
            let result = try StatisticsOptimum(
                moments: moments, rank: rank, choice: try component.choice(moments.layout.structure))
            return try emit(StatisticsReport(result, shards: stats.count), output)
        }
        guard isShift, let image = action.image, let shift = action.shift.first else {
            let group =
                try action.group(with: generators) ?? PermutationGroup(generators: [try action.requiredPermutation()])
            return try runGroup(group)
        }
        let dims = try parseSize(image, count: 2, flag: "--image")
        let axis: Permutation.Axis = shift == .x ? .x : .y
        let sigma = try Permutation.shift(height: dims[0], width: dims[1], along: axis)
        let choice = try component.choice(try BlockStructure(checking: sigma.cycleType))
        _ = try EquivariantVariety(permutation: sigma, rank: rank)  // rank checked before the data is read
        let data = try training.dataset(features: dims[0] * dims[1])
        let config = TrainingExperiment.Configuration(
            height: dims[0], width: dims[1], axis: axis, rank: rank, maxShift: maxShift, seed: training.seed,
            choices: [choice], adam: method == .adam ? try training.adam(count: data.count) : nil)
        Interruption.install()
        let e = try TrainingExperiment(
            data: data, configuration: config, progress: progress, epochs: { try progressBar($0, $1, $2) })
        var files = OutputFiles()
        if let dir = training.out { try ExperimentArtifacts.stage(e, directory: dir, into: &files) }
        let written = try files.commit()
        wrote(written)
        try emit(TrainReport(e, method: method.rawValue, files: written), output)
    }
}

struct TrainReport: Report {
    let method: String
    let tuple: [Int]
    let parameters: Int
    let loss: Double
    let lossError: Double
    let exactLoss: Double
    let exactLossError: Double
    let denseLoss: Double
    let denseLossError: Double
    let denseParameters: Int
    let equivarianceError: Double?
    let samples: Int
    let files: [String]
    /// One permutation: per block (canonical order) its label and the eigenvalues (descending) of its
    /// covariance (MATH.md §4.5).
    var blockSpectra: [BlockSpectrum]? = nil
    /// A group: the block labels, and per block the energy kept by each D-direction (MATH.md §8).
    var blocks: [String]? = nil
    var blockEnergies: [BlockSpectrum]? = nil

    init(_ e: TrainingExperiment, method: String, files: [String]) {
        self.init(row: e.rows[0], dense: e.dense, samples: e.data.count, method: method, files: files)
        blockSpectra = e.spectra.blocks.map { BlockSpectrum(block: $0.block.label, eigenvalues: $0.eigenvalues) }
    }

    init(_ e: GroupTrainingExperiment, method: String, files: [String]) {
        self.init(row: e.rows[0], dense: e.dense, samples: e.data.count, method: method, files: files)
        blocks = e.basis.blocks.map(\.block.label)
        blockEnergies = e.spectra.blocks.map { BlockSpectrum(block: $0.block.label, eigenvalues: $0.energies) }
    }

    private init(
        row: TrainingExperiment.Row, dense: TrainingExperiment.Row, samples: Int, method: String, files: [String]
    ) {
        self.method = method
        tuple = row.tuple ?? []
        parameters = row.parameters
        exactLoss = row.loss
        exactLossError = row.lossError
        loss = method == "adam" ? (row.adamLoss ?? row.loss) : row.loss
        lossError = method == "adam" ? (row.adamLossError ?? row.lossError) : row.lossError
        denseLoss = dense.loss
        denseLossError = dense.lossError
        denseParameters = dense.parameters
        equivarianceError = row.equivarianceError
        self.samples = samples
        self.files = files
    }

    enum CodingKeys: String, CodingKey {
        case method, tuple, parameters, loss, samples, files, blocks
        case blockSpectra = "block_spectra"
        case blockEnergies = "block_energies"
        case lossError = "loss_error"
        case exactLoss = "exact_loss"
        case exactLossError = "exact_loss_error"
        case denseLoss = "dense_loss"
        case denseLossError = "dense_loss_error"
        case denseParameters = "dense_parameters"
        case equivarianceError = "equivariance_error"
    }

    var table: String {
        var rows: [(String, String)] = [
            (
                "component",
                blocks.map { formatGroupTuple(tuple, labels: $0) } ?? tuple.map(String.init).joined(separator: ",")
            ),
            ("parameters", "\(parameters) (dense: \(denseParameters))"),
            ("loss (\(method))", formatLoss(loss, error: lossError)),
            ("exact optimum", formatLoss(exactLoss, error: exactLossError)),
            ("dense optimum", formatLoss(denseLoss, error: denseLossError)),
            ("samples", "\(samples)"),
            ("precision", precisionNote(max(lossError, exactLossError, denseLossError))),
        ]
        if let eq = equivarianceError { rows.append(("equivariance error", "\(eq)")) }
        if !files.isEmpty { rows.append(("wrote", files.joined(separator: ", "))) }
        return keyValueTable(rows)
    }
}

/// `train --stats`: the optimum from merged shard moments.
struct StatisticsReport: Report {
    let tuple: [Int]
    let parameters: Int
    let loss: Double
    let lossError: Double
    let samples: Int
    let shards: Int
    let blockSpectra: [BlockSpectrum]

    init(_ r: StatisticsOptimum, shards: Int) {
        tuple = r.tuple
        parameters = r.optimum.architecture.parameterCount
        loss = r.optimum.loss
        lossError = r.optimum.lossError
        samples = r.spectra.sampleCount
        self.shards = shards
        blockSpectra = r.spectra.blocks.map { .init(block: $0.block.label, eigenvalues: $0.eigenvalues) }
    }

    enum CodingKeys: String, CodingKey {
        case tuple, parameters, loss, samples, shards
        case lossError = "loss_error"
        case blockSpectra = "block_spectra"
    }

    var table: String {
        keyValueTable([
            ("component", tuple.map(String.init).joined(separator: ",")),
            ("parameters", "\(parameters)"),
            ("loss (exact)", formatLoss(loss, error: lossError)),
            ("samples", "\(samples) in \(shards) shard\(shards == 1 ? "" : "s")"),
            ("precision", precisionNote(lossError)),
        ])
    }
}

/// A loss to six decimals, with its rounding-error bound when that bound reaches the printed digits, and
/// marked unresolved when the bound is as large as the loss itself.
func formatLoss(_ x: Double, error: Double) -> String {
    if error < 5e-7 { return String(format: "%.6f", x) }
    let text = String(format: "%.6f ± %.1e", x, error)
    return error >= x ? text + " (not resolved: center or rescale the data)" : text
}

/// The precision line under a loss table: the largest derived rounding-error bound (docs/training.md).
func precisionNote(_ largestError: Double) -> String {
    String(
        format: "double precision; rounding error of every loss at most %.1e (bound derived from the data)",
        largestError)
}
