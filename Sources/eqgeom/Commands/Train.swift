import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// Options shared by `train` and `reproduce`.
struct TrainingOptions: ParsableArguments {
    @Option(
        help:
            "Data: MNIST IDX (.idx3-ubyte[.gz]), CSV[.gz] (pixels, optional label) or .npy. Default: the built-in data/mnist-2k.csv.gz."
    )
    var data: String?
    @Option(help: "Seed for shifts, shuffles and initialisation.") var seed: UInt64 = 1
    @Option(help: "Adam epochs (default: enough for 3000 mini-batch steps, at least 30).") var epochs: Int?
    @Option(help: "Adam learning rate (cosine schedule to 0).") var learningRate: Double = 0.01
    @Option(help: "Adam mini-batch size.") var batchSize: Int = 100
    @Option(help: "Directory for the loss table, figures and weights.") var out: String?

    func validate() throws {
        if let e = epochs, e < 1 { throw ValidationError("--epochs must be at least 1") }
        guard learningRate > 0, learningRate.isFinite else { throw ValidationError("--learning-rate must be positive") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1") }
    }

    /// Adam settings for `count` samples.
    func adam(count: Int) -> AdamSettings {
        let batches = max(1, (count + batchSize - 1) / batchSize)
        return AdamSettings(
            epochs: epochs ?? max(30, (3000 + batches - 1) / batches), batchSize: batchSize, learningRate: learningRate,
            seed: seed)
    }

    /// The data file: --data, else data/mnist-2k.csv.gz in the working directory or beside the package.
    func dataPath() throws -> String {
        if let d = data { return d }
        let candidates = [
            "data/mnist-2k.csv.gz",
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                .deletingLastPathComponent().appendingPathComponent("../../data/mnist-2k.csv.gz").standardized.path,
        ]
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw ValidationError(
                "built-in data data/mnist-2k.csv.gz not found: run from the eqgeom directory or give --data FILE")
        }
        return found
    }
}

/// `eqgeom train`: the exact optimum or Adam training of one component (MATH.md §4.5).
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit an equivariant autoencoder: exact optimum (Eckart–Young per block) or Adam.")

    @Option(help: "Image size HxW.") var image: String
    @Option(help: "Shift axis: x (columns) or y (rows).") var shift: String
    @Option(help: "Rank r of the autoencoder.") var rank: Int
    @Option(help: "best, paper, equal-rank, high-pass, or a tuple (13,10,… or 1/1=13,…).") var component: String =
        "best"
    @Option(help: "exact (Eckart–Young) or adam (gradient training of the weight-sharing model).") var method: String =
        "exact"
    @Option(help: "Largest random cyclic shift applied to each image (0: use the data as given).") var maxShift: Int = 0
    @OptionGroup var training: TrainingOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let dims = try parseSize(image, count: 2, flag: "--image")
        guard let axis = Permutation.Axis(rawValue: shift), axis != .z else {
            throw ValidationError("--shift takes x or y, got '\(shift)'")
        }
        guard ["exact", "adam"].contains(method) else {
            throw ValidationError("--method takes exact or adam, got '\(method)'")
        }
        guard maxShift >= 0 else { throw ValidationError("--max-shift must be non-negative") }
        let sigma = try Permutation.shift(height: dims[0], width: dims[1], along: axis)
        let choice = try parseChoice(component, structure: BlockStructure(sigma))
        let data = try ImageDataset.load(path: try training.dataPath(), features: dims[0] * dims[1])
        let config = TrainingExperiment.Configuration(
            height: dims[0], width: dims[1], axis: axis, rank: rank, maxShift: maxShift,
            seed: training.seed, choices: [choice], adam: method == "adam" ? training.adam(count: data.count) : nil)
        let e = try TrainingExperiment(data: data, configuration: config, progress: progress, epochs: progressBar)
        var files: [String] = []
        if let dir = training.out { files = try ExperimentArtifacts.write(e, to: dir) }
        try emit(TrainReport(e, method: method, files: files), json: output.json)
    }
}

func parseChoice(_ text: String, structure: BlockStructure) throws -> TrainingExperiment.Choice {
    switch text {
    case "best": return .best
    case "paper": return .paper
    case "equal-rank": return .equalRank
    case "high-pass": return .highPass
    default: return .tuple(try structure.parseTuple(text))
    }
}

struct TrainReport: Report {
    let method: String
    let tuple: [Int]
    let parameters: Int
    let loss: Double
    let exactLoss: Double
    let denseLoss: Double
    let denseParameters: Int
    let equivarianceError: Double?
    let samples: Int
    let files: [String]
    /// Per block (canonical order): label and eigenvalues (descending) of its covariance (MATH.md §4.5).
    let blockSpectra: [BlockSpectrumEntry]

    struct BlockSpectrumEntry: Encodable {
        let block: String
        let eigenvalues: [Double]
    }

    init(_ e: TrainingExperiment, method: String, files: [String]) {
        let row = e.rows[0]
        self.method = method
        tuple = row.tuple ?? []
        parameters = row.parameters
        exactLoss = row.loss
        loss = method == "adam" ? (row.adamLoss ?? row.loss) : row.loss
        denseLoss = e.dense.loss
        denseParameters = e.dense.parameters
        equivarianceError = row.equivarianceError
        samples = e.data.count
        self.files = files
        blockSpectra = e.spectra.blocks.map { BlockSpectrumEntry(block: $0.block.label, eigenvalues: $0.eigenvalues) }
    }

    enum CodingKeys: String, CodingKey {
        case method, tuple, parameters, loss, samples, files
        case blockSpectra = "block_spectra"
        case exactLoss = "exact_loss"
        case denseLoss = "dense_loss"
        case denseParameters = "dense_parameters"
        case equivarianceError = "equivariance_error"
    }

    var table: String {
        var rows: [(String, String)] = [
            ("component", tuple.map(String.init).joined(separator: ",")),
            ("parameters", "\(parameters) (dense: \(denseParameters))"),
            ("loss (\(method))", formatLoss(loss)),
            ("exact optimum", formatLoss(exactLoss)),
            ("dense optimum", formatLoss(denseLoss)),
            ("samples", "\(samples)"),
            ("precision", "losses in double precision, relative rounding error below 1e-10"),
        ]
        if let eq = equivarianceError { rows.append(("equivariance error", "\(eq)")) }
        if !files.isEmpty { rows.append(("wrote", files.joined(separator: ", "))) }
        return keyValueTable(rows)
    }
}

func formatLoss(_ x: Double) -> String { String(format: "%.6f", x) }
