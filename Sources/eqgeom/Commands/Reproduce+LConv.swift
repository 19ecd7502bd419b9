import CommandLineSupport
import ArgumentParser
import Foundation
import NumericBridge
import Reproductions

extension Reproduce {
    /// `eqgeom reproduce lconv`: CNN, L-conv (learned and random generators) and dense classifiers on rotated and
    /// on rotated-and-scrambled images (the L-conv paper's §4, on the built-in data by default), the generators
    /// scored against the hidden quarter turn (MATH.md §10.3) and optionally written out.
    struct LConvComparison: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lconv",
            abstract: "L-conv (learned, random) vs CNN vs FC on rotated and scrambled images (L-conv paper §4).")

        @Option(
            help: ArgumentHelp(
                "Labelled 28×28 images: MNIST CSV (label last) or IDX (default: the built-in MNIST subset).",
                valueName: "file"))
        var data: String?
        @Option(help: "Training samples (the rest are the test set).") var trainCount = 1600
        @Option(help: "Epochs of Adam, 1…200.") var epochs = 15
        @Option(help: "Filters of the convolutional models (the dense layer gets 8×), 1…64.") var filters = 32
        @Option(help: "L-conv generators L_1…L_n besides L_0 = I (the paper's n_L − 1 = 8), 1…16.")
        var generators = 8
        @Option(
            help: ArgumentHelp(
                "Write every L-conv generator, learned and random, to FILE.npz (docs/formats.md).", valueName: "file"))
        var generatorsOut: String?
        @OptionGroup var seedOption: SeedOption
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard (1...200).contains(epochs), (1...64).contains(filters), (1...16).contains(generators),
                trainCount >= 1
            else {
                throw ValidationError(
                    "--epochs takes 1…200, --filters 1…64, --generators 1…16, --train-count at least 1")
            }
            if let path = generatorsOut { try requireOutputFile(path, ["npz"], flag: "--generators-out") }
        }

        func run() throws {
            let set = try TrainingOptions.dataset(path: data, features: 784)
            var c = ClassificationExperiment.Configuration()
            c.trainCount = trainCount
            c.epochs = epochs
            c.filters = filters
            c.generators = generators
            c.seed = seedOption.seed
            Interruption.install()
            let e = try ClassificationExperiment(data: set, configuration: c, progress: progress) {
                try progressBar("epoch", $0, $1)
            }
            let report = LConvComparisonReport(e, epochs: epochs)
            if let path = generatorsOut { try e.generatorArchive().write(to: path) }
            try emit(report, output)
        }
    }
}

struct LConvComparisonReport: Report {
    struct RowEntry: Encodable {
        let model: String
        let data: String
        let parameters: Int
        let trainLoss: Double
        let testAccuracy: Double
        let testAccuracyError: Double
        /// Per generator: ‖L − π(L)‖_F/‖L‖_F against the hidden quarter turn (L-conv models only).
        let rotationDistances: [Double]?
        /// Per generator: ‖HL − LH‖_F/(‖H‖_F‖L‖_F) against the training covariance, and its error bound.
        let covarianceDefects: [Double]?
        let covarianceDefectErrorBound: Double?
        enum CodingKeys: String, CodingKey {
            case model, data, parameters
            case trainLoss = "train_loss"
            case testAccuracy = "test_accuracy"
            case testAccuracyError = "test_accuracy_error"
            case rotationDistances = "rotation_distances"
            case covarianceDefects = "covariance_defects"
            case covarianceDefectErrorBound = "covariance_defect_error_bound"
        }
    }
    let samples: Int
    let epochs: Int
    let rows: [RowEntry]
    /// dim comm C₄ on the pixels and the distance √(1 − dim comm/d²) a random generator has in expectation.
    let commutantDimension: Int
    let randomRotationDistance: Double

    enum CodingKeys: String, CodingKey {
        case samples, epochs, rows
        case commutantDimension = "commutant_dimension"
        case randomRotationDistance = "random_rotation_distance"
    }

    init(_ e: ClassificationExperiment, epochs: Int) {
        samples = e.samples
        self.epochs = epochs
        commutantDimension = e.rotation.plain.commutantDimension
        randomRotationDistance = e.rotation.plain.randomDistance
        rows = e.rows.map { row in
            let scored = !row.scores.isEmpty
            return RowEntry(
                model: row.model.rawValue, data: row.scrambled ? "rotated+scrambled" : "rotated",
                parameters: row.parameters, trainLoss: row.trainLoss, testAccuracy: row.testAccuracy,
                testAccuracyError: row.testAccuracyError,
                rotationDistances: scored ? row.scores.map(\.rotationDistance) : nil,
                covarianceDefects: scored ? row.scores.map(\.covarianceDefect.relative) : nil,
                covarianceDefectErrorBound: row.scores.map(\.covarianceDefect.errorBound).max())
        }
    }

    var table: String {
        func mean(_ values: [Double]?) -> String {
            guard let values, !values.isEmpty else { return "" }
            return String(format: "%.3f", values.reduce(0, +) / Double(values.count))
        }
        return "\(samples) labelled images, \(epochs) epochs of Adam; test accuracy ± its binomial standard error. "
            + "L-conv generators: mean distance to the commutant of the hidden quarter turn (a random generator: "
            + String(format: "%.3f", randomRotationDistance) + ") and mean commutator defect with the training "
            + "covariance\n\n"
            + columnTable(
                ["model", "data", "parameters", "train loss", "test accuracy", "dist to comm(C4)", "[H, L] defect"],
                rows.map {
                    [
                        $0.model, $0.data, "\($0.parameters)", String(format: "%.3f", $0.trainLoss),
                        String(format: "%.3f ± %.3f", $0.testAccuracy, $0.testAccuracyError),
                        mean($0.rotationDistances), mean($0.covarianceDefects),
                    ]
                })
    }
}
