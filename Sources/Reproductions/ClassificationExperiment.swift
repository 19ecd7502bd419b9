import Algebra
import Foundation
import NumericBridge

/// The L-conv paper's comparison (§4, Figs. 2–3; MATH.md §10.2–10.3) on small data: CNN, L-conv with learned
/// generators, L-conv with fixed random generators (the paper's baseline) and a dense layer, one hidden layer each,
/// on rotated images and on rotated images whose pixels are scrambled by one fixed permutation. Scrambling relabels
/// the inputs, so the dense layer and learned generators (conjugated by the permutation) can do as well as before;
/// a CNN's shifts no longer follow the image's neighbourhoods. Every L-conv generator, learned or random, is scored
/// against the hidden quarter turn (`HiddenRotation`). Train/test split: the first `trainCount` samples and the
/// rest.
public struct ClassificationExperiment: Sendable {
    /// One model on one kind of data: its size, training loss and test accuracy.
    public struct Row: Sendable {
        /// CNN, L-conv or fully connected.
        public let model: HiddenLayerClassifier.Kind
        /// Whether the images were scrambled by a fixed pixel permutation.
        public let scrambled: Bool
        /// The model's trainable parameters.
        public let parameters: Int
        /// Cross-entropy on the training set after the last epoch.
        public let trainLoss: Double
        /// The fraction of test images classified correctly.
        public let testAccuracy: Double
        /// The binomial standard error √(p(1 − p)/n) of the accuracy on n test samples.
        public let testAccuracyError: Double
        /// The L-conv generators L_i = U_i V_iᵀ after training (d×d, row-major; none for CNN and FC).
        public let generators: [[Double]]
        /// Each generator's scores against the hidden quarter turn of this row's data.
        public let scores: [HiddenRotation.Score]
    }

    /// The experiment's sizes and Adam settings (defaults: the small-scale reproduction).
    public struct Configuration: Sendable {
        /// The images' size.
        public var height = 28, width = 28
        /// Training images (the rest are the test set).
        public var trainCount = 1600
        /// Adam epochs.
        public var epochs = 15
        /// Mini-batch size.
        public var batchSize = 50
        /// Adam's learning rate.
        public var learningRate = 0.003
        /// The paper's n_f = 32 filters, n_L = 9 terms (I and 8 generators) of rank d_h = 16.
        public var filters = 32
        /// Learned L-conv generators L_i = U_i V_i (n_L − 1).
        public var generators = 8
        /// d_h, the rank of each learned generator.
        public var rank = 16
        /// Seed of rotations, scrambling, initialisation and batches.
        public var seed: UInt64 = 1
        /// The defaults above.
        public init() {}
    }

    /// One row per model and data kind.
    public let rows: [Row]
    /// The hidden symmetry of the rotated images, and of the scrambled ones.
    public let rotation: (plain: HiddenRotation, scrambled: HiddenRotation)
    /// The pixel permutation s of the scrambled data (0-based, x′_j = x_{s(j)}).
    public let scrambling: [Int]
    /// The labelled images used (training and test).
    public let samples: Int

    /// - Throws: `NumericError.invalidInput` when the data has no labels or too few samples for the split.
    public init(
        data: ImageDataset, configuration c: Configuration, progress: (String) -> Void = { _ in },
        epochs: ((Int, Int) throws -> Void)? = nil
    ) throws {
        guard let labels = data.labels else { throw NumericError.invalidInput("the data has no labels to classify") }
        guard c.trainCount >= 1, c.trainCount < data.count, data.features == c.height * c.width else {
            throw NumericError.invalidInput(
                "need \(c.height)×\(c.width) images and more than \(c.trainCount) samples, got \(data.count) of "
                    + "\(data.features) values")
        }
        let classes = (labels.max() ?? 0) + 1
        // the generators of both L-conv models on both data kinds, each d×d in binary64, are kept for the report
        try MemoryBudget.require(
            ByteCount.product(4, c.generators, c.height * c.width, c.height * c.width, 8),
            for: "keeping the L-conv generators", advice: "fewer generators")
        guard c.height == c.width else {
            throw NumericError.invalidInput("the hidden quarter turn needs square images, got \(c.height)×\(c.width)")
        }
        let rotated = ImageRotation.rotated(data, height: c.height, width: c.width, seed: c.seed)
        let n = c.height * c.width
        scrambling = ImageRotation.scrambling(features: n, seed: c.seed &+ 17)
        var rows: [Row] = []
        var symmetries: [HiddenRotation] = []
        for scrambled in [false, true] {
            let set = scrambled ? ImageRotation.scrambled(rotated, by: scrambling) : rotated
            let train = ImageDataset(
                count: c.trainCount, features: n, values: Array(set.values[0..<(c.trainCount * n)]))
            let test = ImageDataset(
                count: set.count - c.trainCount, features: n, values: Array(set.values[(c.trainCount * n)...]))
            progress("the hidden quarter turn and the training covariance")
            let symmetry = try HiddenRotation(size: c.height, scrambling: scrambled ? scrambling : nil, training: train)
            symmetries.append(symmetry)
            for kind in HiddenLayerClassifier.Kind.allCases {
                progress("\(kind.rawValue) on \(scrambled ? "rotated and scrambled" : "rotated") images")
                var model = HiddenLayerClassifier(
                    kind, height: c.height, width: c.width, classes: classes,
                    filters: kind == .fc ? 8 * c.filters : c.filters, generators: c.generators, rank: c.rank,
                    seed: c.seed)
                let loss = try model.train(
                    train, labels: Array(labels[0..<c.trainCount]), epochs: c.epochs, batchSize: c.batchSize,
                    learningRate: c.learningRate, seed: c.seed
                ) { try epochs?($0, c.epochs) }
                let accuracy = model.accuracy(test, labels: Array(labels[c.trainCount...]))
                let generators = model.generators
                rows.append(
                    Row(
                        model: kind, scrambled: scrambled, parameters: model.parameterCount, trainLoss: loss,
                        testAccuracy: accuracy,
                        testAccuracyError: (accuracy * (1 - accuracy) / Double(test.count)).squareRoot(),
                        generators: generators, scores: try generators.map { try symmetry.score($0) }))
            }
        }
        self.rows = rows
        rotation = (symmetries[0], symmetries[1])
        samples = data.count
    }
}
