import CommandLineSupport
import ArgumentParser
import Foundation
import NumericBridge
import Reproductions

extension Reproduce {
    /// `eqgeom reproduce lconv`: CNN, L-conv and dense classifiers on rotated and on rotated-and-scrambled
    /// images (the L-conv paper's §4, on the built-in data by default).
    struct LConvComparison: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lconv",
            abstract: "L-conv vs CNN vs FC on rotated, and rotated and scrambled, images (L-conv paper §4).")

        @Option(
            help: ArgumentHelp(
                "Labelled 28×28 images: MNIST CSV (label last) or IDX (default: the built-in MNIST subset).",
                valueName: "file"))
        var data: String?
        @Option(help: "Training samples (the rest are the test set).") var trainCount = 1600
        @Option(help: "Epochs of Adam, 1…200.") var epochs = 15
        @Option(help: "Filters of the convolutional models (the dense layer gets 8×), 1…64.") var filters = 32
        @OptionGroup var seedOption: SeedOption
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard (1...200).contains(epochs), (1...64).contains(filters), trainCount >= 1 else {
                throw ValidationError("--epochs takes 1…200, --filters 1…64, --train-count at least 1")
            }
        }

        func run() throws {
            let set = try TrainingOptions.dataset(path: data, features: 784)
            var c = ClassificationExperiment.Configuration()
            c.trainCount = trainCount
            c.epochs = epochs
            c.filters = filters
            c.seed = seedOption.seed
            Interruption.install()
            let e = try ClassificationExperiment(data: set, configuration: c, progress: progress) {
                try progressBar("epoch", $0, $1)
            }
            try emit(LConvComparisonReport(e, epochs: epochs), output)
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
        enum CodingKeys: String, CodingKey {
            case model, data, parameters
            case trainLoss = "train_loss"
            case testAccuracy = "test_accuracy"
            case testAccuracyError = "test_accuracy_error"
        }
    }
    let samples: Int
    let epochs: Int
    let rows: [RowEntry]

    init(_ e: ClassificationExperiment, epochs: Int) {
        samples = e.samples
        self.epochs = epochs
        rows = e.rows.map {
            RowEntry(
                model: $0.model.rawValue, data: $0.scrambled ? "rotated+scrambled" : "rotated",
                parameters: $0.parameters, trainLoss: $0.trainLoss, testAccuracy: $0.testAccuracy,
                testAccuracyError: $0.testAccuracyError)
        }
    }

    var table: String {
        "\(samples) labelled images, \(epochs) epochs of Adam; test accuracy ± its binomial standard error\n\n"
            + columnTable(
                ["model", "data", "parameters", "train loss", "test accuracy"],
                rows.map {
                    [
                        $0.model, $0.data, "\($0.parameters)", String(format: "%.3f", $0.trainLoss),
                        String(format: "%.3f ± %.3f", $0.testAccuracy, $0.testAccuracyError),
                    ]
                })
    }
}
