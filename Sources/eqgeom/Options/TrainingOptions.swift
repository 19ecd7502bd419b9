import CommandLineSupport
import ArgumentParser
import Foundation
import Geometry
import NumericBridge

/// Options shared by `train` and `reproduce`: data, seed, Adam's settings and the output directory.
struct TrainingOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Data: MNIST IDX (.idx3-ubyte[.gz]), CSV[.gz] (pixels, optional integer label) or .npy. "
                + "Default: the built-in MNIST subset (2,000 images, 200 per digit).", valueName: "file"))
    var data: String?
    @OptionGroup var seedOption: SeedOption
    @Option(help: "Adam epochs, 1…\(Self.maximumEpochs) (default: enough for 3000 mini-batch steps, at least 30).")
    var epochs: Int?
    @Option(help: "Adam learning rate, in (0, \(Self.maximumLearningRate)] (cosine schedule to 0).")
    var learningRate: Double = 0.01
    @Option(
        help: ArgumentHelp(
            "Adam mini-batch size, 1…\(Self.maximumBatchSize) and at most the number of samples "
                + "(default 100, or N if smaller)."))
    var batchSize: Int?
    @Option(help: ArgumentHelp("Directory for the loss table, figures and weights.", valueName: "directory"))
    var out: String?

    static let maximumEpochs = 10_000
    static let maximumLearningRate = 10.0
    static let maximumBatchSize = 1_000_000

    func validate() throws {
        if let e = epochs, !(1...Self.maximumEpochs).contains(e) {
            throw ValidationError("--epochs must be between 1 and \(Self.maximumEpochs), got \(e)")
        }
        guard learningRate > 0, learningRate <= Self.maximumLearningRate else {
            throw ValidationError(
                "--learning-rate must be positive and at most \(Self.maximumLearningRate), got \(learningRate)")
        }
        if let b = batchSize, !(1...Self.maximumBatchSize).contains(b) {
            throw ValidationError("--batch-size must be between 1 and \(Self.maximumBatchSize), got \(b)")
        }
        if let dir = out {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw ValidationError("--out \(dir) exists and is not a directory")
            }
            try requireWritable(dir + "/weights.npz")
        }
    }

    /// The data: `--data`, or the built-in MNIST subset (28×28 images only).
    func dataset(features: Int) throws -> ImageDataset { try Self.dataset(path: data, features: features) }

    /// The data at `path`, or the built-in MNIST subset (28×28 images only).
    static func dataset(path: String?, features: Int) throws -> ImageDataset {
        if let path { return try ImageDataset.load(path: path, features: features) }
        try requireBuiltIn(features: features)
        return try ImageDataset.builtinMNIST()
    }

    /// Refuses the built-in data for images of other than 28×28 pixels.
    static func requireBuiltIn(features: Int) throws {
        guard features == 784 else {
            throw ValidationError("the built-in data holds 28x28 images; give --data FILE for \(features) pixels")
        }
    }

    /// Adam settings for `count` samples.
    /// - Throws: when the batch is larger than the data.
    func adam(count: Int) throws -> AdamSettings {
        let batchSize = self.batchSize ?? min(100, count)
        guard batchSize <= count else {
            throw ValidationError("--batch-size \(batchSize) exceeds the \(count) samples")
        }
        let batches = max(1, (count + batchSize - 1) / batchSize)
        return AdamSettings(
            epochs: epochs ?? max(30, (3000 + batches - 1) / batches), batchSize: batchSize, learningRate: learningRate,
            seed: seedOption.seed)
    }
}

/// `--method exact|adam`.
enum MethodArgument: String, ExpressibleByArgument, CaseIterable {
    case exact, adam
}

/// `--component best|paper|equal-rank|high-pass|TUPLE`: a named choice or an explicit tuple.
struct ComponentArgument: ExpressibleByArgument {
    enum Named: String, CaseIterable {
        case best, paper
        case equalRank = "equal-rank"
        case highPass = "high-pass"
    }

    let named: Named?
    let tuple: TupleNotation?
    let text: String

    init(named: Named) {
        self.named = named
        tuple = nil
        text = named.rawValue
    }

    init?(argument: String) { try? self.init(parsing: argument) }

    /// A name, or a tuple whose syntax is checked here (its blocks when the symmetry is known).
    /// - Throws: `GeometryError.malformedTuple` for text that is neither.
    init(parsing argument: String) throws {
        text = argument
        if let n = Named(rawValue: argument) {
            named = n
            tuple = nil
        } else {
            named = nil
            tuple = try TupleNotation(parsing: argument)
        }
    }

    static var defaultCompletionKind: CompletionKind { .list(Named.allCases.map(\.rawValue)) }

    var defaultValueDescription: String { text }

    /// The training choice, a tuple resolved against the blocks' labels.
    func choice(labels: [String]) throws -> ComponentChoice {
        switch named {
        case .best: return .best
        case .paper: return .paper
        case .equalRank: return .equalRank
        case .highPass: return .highPass
        case nil: return .tuple(try (tuple ?? TupleNotation(parsing: text)).resolve(labels: labels))
        }
    }
}
