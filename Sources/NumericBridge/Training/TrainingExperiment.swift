import Foundation
import Algebra
import Geometry

/// The paper's Section-5 comparison as one computation, for one permutation or any permutation group
/// (MATH.md §4.5, §8.7): data → (seeded augmentation) → coordinates in the frame → block spectra → exact optima of
/// the chosen components (Eckart–Young over ℝ, ℂ, ℍ per block) and of the dense autoencoder → optional Adam on the
/// weight-sharing parameterisation → losses, equivariance errors, block maps. Losses are mean squared errors per
/// point, ‖X − XWᵀ‖²_F/(N·n), on the data given (after augmentation). The frame decides the speed (FFTs along σ's
/// cycles, a torus's 2-D FFT, orbit tiles), never the result.
public struct TrainingExperiment: Sendable {
    /// How each sample is moved before training (seeded).
    public enum Augmentation: Sendable, Equatable {
        /// The data as given.
        case none
        /// Shifts an image by a uniform amount in [−maxShift, maxShift] along one axis (the paper's set-up).
        case imageShifts(axis: Permutation.Axis, maxShift: Int)
        /// Moves each sample by a uniformly random element of the group (a random power of σ for one permutation).
        case groupElements
    }

    /// The samples' shape, the rank, the components, the augmentation, the seed and Adam's settings.
    public struct Configuration: Sendable {
        /// The samples as images (height, width), for image shifts and figures; nil draws each sample as one row.
        public var imageSize: (height: Int, width: Int)?
        /// r, the autoencoder's rank.
        public var rank: Int
        /// How each sample is moved before training.
        public var augmentation: Augmentation
        /// Seed of the augmentation and of Adam.
        public var seed: UInt64
        /// The components to evaluate (the first is the one whose weights are kept).
        public var choices: [ComponentChoice]
        /// Adam settings, or nil for the exact optima only. Adam takes epochs·⌈N/batch⌉ full-batch steps on the
        /// block moments (exact gradients of the data's loss, MATH.md §13.3).
        public var adam: AdamSettings?
        /// Also train the dense rank-r autoencoder with mini-batch Adam on the pixels (the paper's baseline; needs
        /// `dense`).
        public var denseAdam: Bool
        /// The unconstrained dense rank-r optimum (PCA) beside the components: none, its loss (the n×n Gram
        /// matrix's eigenvalues: one pass of N·n² over the pixels), or also its principal directions (for figures
        /// and weights).
        public var dense: DenseBaseline

        /// A configuration; see the properties.
        public init(
            imageSize: (height: Int, width: Int)? = nil, rank: Int, augmentation: Augmentation = .none,
            seed: UInt64 = 1, choices: [ComponentChoice], adam: AdamSettings? = nil, denseAdam: Bool = false,
            dense: DenseBaseline = .directions
        ) {
            self.imageSize = imageSize
            self.rank = rank
            self.augmentation = augmentation
            self.seed = seed
            self.choices = choices
            self.adam = adam
            self.denseAdam = denseAdam
            self.dense = dense
        }

        /// The largest image shift (0 unless the augmentation shifts images).
        public var maxShift: Int {
            if case .imageShifts(_, let m) = augmentation { return m }
            return 0
        }
    }

    /// How much of the dense baseline to compute.
    public enum DenseBaseline: Sendable, Equatable {
        /// No dense baseline.
        case none
        /// The dense optimum's loss.
        case loss
        /// Its loss and principal directions.
        case directions
    }

    /// One row of the loss table.
    public struct Row: Sendable, Codable {
        /// The row's name (a component choice, or `dense`).
        public let name: String
        /// The component (nil for the dense autoencoder).
        public let tuple: [Int]?
        /// Real parameters.
        public let parameters: Int
        /// Exact optimum over the component (or dense PCA).
        public let loss: Double
        /// Bound on the rounding error of `loss` (absolute, derived from the data's energy).
        public let lossError: Double
        /// Adam-trained weight-sharing (or dense) model, when trained.
        public let adamLoss: Double?
        /// Bound on the rounding error of `adamLoss`.
        public let adamLossError: Double?
        /// max |P W − W P| / max |W| over the generators P of the Adam-trained model (n ≤ 4096).
        public let equivarianceError: Double?

        enum CodingKeys: String, CodingKey {
            case name, tuple, parameters, loss
            case lossError = "loss_error"
            case adamLoss = "adam_loss"
            case adamLossError = "adam_loss_error"
            case equivarianceError = "equivariance_error"
        }
    }

    /// What was asked.
    public let configuration: Configuration
    /// The frame the data were transformed in.
    public let frame: IsotypicFrame
    /// The data after augmentation.
    public let data: ImageDataset
    /// The data's block spectra.
    public let spectra: any BlockSpectra
    /// One row per chosen component.
    public let rows: [Row]
    /// The dense rank-r autoencoder's row (nil without the dense baseline).
    public let dense: Row?
    /// The dense optimum (PCA; nil without the dense baseline).
    public let denseOptimum: DenseOptimum?
    /// The first chosen component.
    public let tuple: [Int]
    /// Its block maps in the frame: of the Adam-trained model when trained, else of the exact optimum.
    public let maps: [[Double]]
    /// The first component's Adam-trained model (two layers per block), when trained.
    public let trained: DeepAdamModel?

    /// The largest n for which the experiment forms pixel matrices (equivariance errors, `W` in the weights).
    public static let largestPixelMatrix = 4096

    /// Runs the comparison. `progress` receives one line per stage (for stderr), `steps(label, done, total, loss)`
    /// Adam's progress (the loss per point where the trainer has it at that step).
    /// - Throws: `NumericError`/`GeometryError` for shapes, ranks, tuples and choices that do not fit.
    public init(
        data raw: ImageDataset, frame: IsotypicFrame, configuration c: Configuration,
        progress: @escaping (String) -> Void = { _ in },
        steps: @escaping (String, Int, Int, Double?) throws -> Void = { _, _, _, _ in }
    ) throws {
        let n = frame.degree
        guard raw.features == n else {
            let shape = c.imageSize.map { "\($0.height)x\($0.width) needs" } ?? "the symmetry acts on"
            throw NumericError.invalidInput("the data has \(raw.features) values per sample, \(shape) \(n)")
        }
        try Self.requireMemory(raw, configuration: c)
        try Self.requireRepresentable(raw)
        try BlockShapes.validateRank(c.rank, degree: n)
        let blocks = frame.blocks.map {
            IsotypicBlock(type: $0.type, weight: $0.weight, multiplicity: $0.multiplicity, label: $0.label)
        }
        var paperApplies = false
        if case .permutation(let layout) = frame.source {
            paperApplies = ComponentSelection.paperApplies(layout.structure, rank: c.rank)
        }
        for choice in c.choices {
            try Self.check(
                choice, shapes: BlockShapes(blocks), labels: blocks.map(\.label), rank: c.rank,
                paperApplies: paperApplies)
        }
        configuration = c
        self.frame = frame
        switch (c.augmentation, c.imageSize) {
        case (.imageShifts(let axis, let maxShift), let size?):
            data = CyclicShiftAugmentation.apply(
                raw, height: size.height, width: size.width, alongColumns: axis == .x, maxShift: maxShift, seed: c.seed)
            progress("\(data.count) images, shifts in [−\(maxShift), \(maxShift)]; block moments in the Q basis")
        case (.groupElements, _):
            data = try GroupAugmentation.apply(raw, generators: frame.generators, seed: c.seed)
            progress("\(data.count) samples, each moved by a random group element; block moments in the Q basis")
        case (.imageShifts, nil):
            throw NumericError.invalidInput("image shifts need the image size")
        case (.none, _):
            data = raw
            progress("\(data.count) samples; block moments in the Q basis")
        }
        spectra = try frame.spectra(of: data)
        if c.dense == .none {
            denseOptimum = nil
        } else {
            progress("block spectra done; dense PCA at rank \(c.rank)")
            denseOptimum = try DenseOptimum(data, rank: c.rank, directions: c.dense == .directions)
        }

        var rows: [Row] = []
        var first: (tuple: [Int], maps: [[Double]], model: DeepAdamModel?)? = nil
        for choice in c.choices {
            let tuple = ComponentSelection.tuple(for: choice, spectra: spectra, rank: c.rank)
            let parameters = EquivariantComponent(blocks: blocks, tuple: tuple, rank: c.rank).parameterCount
            var model: DeepAdamModel? = nil
            var eqError: Double? = nil
            if let settings = c.adam, first == nil {
                progress("Adam on the \(choice.name) component (\(parameters) parameters)")
                model = try Self.trainAdam(spectra, blocks: blocks, tuple: tuple, settings: settings) {
                    try steps("Adam, \(choice.name) component", $0, $1, $2)
                }
                if let model, n <= Self.largestPixelMatrix {
                    eqError = frame.equivarianceError(try frame.pixelMatrix(model.maps))
                }
            }
            if first == nil { first = (tuple, model?.maps ?? spectra.optimalMaps(tuple), model) }
            rows.append(
                Row(
                    name: choice.name, tuple: tuple, parameters: parameters, loss: spectra.loss(tuple),
                    lossError: spectra.lossErrorBound(tuple), adamLoss: model?.loss, adamLossError: model?.lossError,
                    equivarianceError: eqError))
        }
        guard let first else { throw NumericError.invalidInput("no component chosen") }
        var denseAdam: TrainedModel? = nil
        if let settings = c.adam, c.denseAdam, denseOptimum != nil {
            progress("Adam on the dense rank-\(c.rank) autoencoder (\(2 * c.rank * n) parameters)")
            denseAdam = try trainDenseAdam(data, rank: c.rank, settings: settings) {
                try steps("Adam, dense", $0, $1, nil)
            }
        }
        dense = denseOptimum.map {
            Row(
                name: "dense", tuple: nil, parameters: 2 * c.rank * n, loss: $0.loss, lossError: $0.lossError,
                adamLoss: denseAdam?.loss, adamLossError: denseAdam?.lossError, equivarianceError: nil)
        }
        self.rows = rows
        tuple = first.tuple
        maps = first.maps
        trained = first.model
    }

    /// Adam on component t's weight-sharing parameterisation (an encoder E ∈ D^{t×μ} and a decoder D ∈ D^{μ×t}
    /// per block): epochs·⌈N/batch⌉ full-batch steps on the block moments.
    static func trainAdam(
        _ spectra: some BlockSpectra, blocks: [IsotypicBlock], tuple: [Int], settings: AdamSettings,
        progress: (Int, Int, Double) throws -> Void
    ) throws -> DeepAdamModel {
        let steps = settings.epochs * ((spectra.sampleCount + settings.batchSize - 1) / settings.batchSize)
        return try DeepAdamModel(
            try DeepEquivariantNetwork(blocks: blocks, hidden: [tuple]), spectra: spectra, steps: steps,
            learningRate: settings.learningRate, seed: settings.seed, progress: progress)
    }

    /// Refuses, before any work, a choice that cannot apply: the paper's tuple off its setting (the shift of 28×28
    /// images at rank 99), or a tuple that is not a component at this rank.
    static func check(_ choice: ComponentChoice, shapes: BlockShapes, labels: [String], rank: Int, paperApplies: Bool)
        throws
    {
        switch choice {
        case .paper:
            guard paperApplies else {
                throw NumericError.invalidInput(
                    "the paper's tuple is for one shift of 28x28 images at rank 99; give a tuple instead")
            }
        case .tuple(let t): try shapes.validateComponent(t, labels: labels, rank: rank)
        case .best, .equalRank, .highPass: break
        }
    }

    /// Refuses a run whose arrays would not fit the memory budget: the data's moved copy (N·n doubles; the data
    /// themselves are already in memory; the transform works in tiles of a few megabytes), the n×n covariance,
    /// eigenvectors and pixel matrices (4·n² doubles), and the dense Adam's mini-batches.
    static func requireMemory(_ data: ImageDataset, configuration c: Configuration) throws {
        let n = data.features
        let copies = c.augmentation == .none ? 0 : 1
        let bytes = ByteCount.sum(ByteCount.product(copies, data.count, n, 8), ByteCount.product(4, n, n, 8))
        try MemoryBudget.require(
            bytes, for: "training on \(data.count) samples of \(n) values",
            advice: "use fewer samples or smaller images")
        if let adam = c.adam, c.denseAdam {
            try MemoryBudget.require(
                ByteCount.product(6, adam.batchSize, n, 8), for: "Adam mini-batches of \(adam.batchSize)",
                advice: "use a smaller batch size")
        }
    }

    /// Refuses data whose squared norm overflows double precision (the losses would be NaN).
    static func requireRepresentable(_ data: ImageDataset) throws {
        let largest = data.values.reduce(0) { max($0, abs($1)) }
        let energyBound = largest * largest * Double(data.count) * Double(data.features)
        guard energyBound.isFinite, energyBound < Double.greatestFiniteMagnitude / 1e6 else {
            throw NumericError.invalidInput(
                "the data's squared norm overflows double precision (largest |value| \(largest)); rescale the data")
        }
    }
}
