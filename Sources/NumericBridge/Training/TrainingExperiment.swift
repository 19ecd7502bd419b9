import Foundation
import Algebra
import Geometry

/// The paper's Section-5 comparison as one computation: data → (seeded shifts) → Q_σ coordinates →
/// block spectra → exact optima of the chosen components and of the dense autoencoder → optional
/// Adam training → losses, equivariance errors, weights and figures. Losses are mean squared errors
/// per pixel, ‖X − WX‖²_F/(N·n), on the data given (after augmentation).
public struct TrainingExperiment: Sendable {
    /// How each sample is moved before training (seeded): not at all, by a random cyclic shift of an image (the
    /// paper's set-up), or by a random power of σ.
    public enum Augmentation: Sendable, Equatable {
        case none
        /// Shifts by a uniform amount in [−maxShift, maxShift] along the axis of an image.
        case imageShifts(axis: Permutation.Axis, maxShift: Int)
        /// x ↦ P_σ^k x for a uniform k.
        case powers
    }

    /// σ, the samples' shape, the rank, the components, the augmentation, the seed and Adam's settings.
    public struct Configuration: Sendable {
        /// σ, the permutation the autoencoder is equivariant under.
        public var permutation: Permutation
        /// The samples as images (height, width), for figures; nil draws each sample as one row.
        public var imageSize: (height: Int, width: Int)?
        /// r, the autoencoder's rank.
        public var rank: Int
        /// How each sample is moved before training.
        public var augmentation: Augmentation
        /// Seed of the augmentation and of Adam.
        public var seed: UInt64
        /// The components to evaluate.
        public var choices: [ComponentChoice]
        /// Adam settings, or nil for the exact optimum only.
        public var adam: AdamSettings?

        /// A configuration for any permutation; see the properties.
        public init(
            permutation: Permutation, imageSize: (height: Int, width: Int)?, rank: Int, augmentation: Augmentation,
            seed: UInt64, choices: [ComponentChoice], adam: AdamSettings?
        ) {
            self.permutation = permutation
            self.imageSize = imageSize
            self.rank = rank
            self.augmentation = augmentation
            self.seed = seed
            self.choices = choices
            self.adam = adam
        }

        /// The paper's set-up: the cyclic shift of H×W images along one axis, samples shifted by up to `maxShift`.
        /// - Throws: `PermutationError` for an axis an image has not (z) or sizes out of range.
        public init(
            height: Int, width: Int, axis: Permutation.Axis, rank: Int, maxShift: Int, seed: UInt64,
            choices: [ComponentChoice], adam: AdamSettings?
        ) throws {
            self.init(
                permutation: try Permutation.shift(height: height, width: width, along: axis),
                imageSize: (height, width), rank: rank, augmentation: .imageShifts(axis: axis, maxShift: maxShift),
                seed: seed, choices: choices, adam: adam)
        }

        /// The largest image shift (0 unless the augmentation shifts images).
        public var maxShift: Int {
            if case .imageShifts(_, let m) = augmentation { return m }
            return 0
        }
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
        /// max |P W − W P| / max |W| of the Adam-trained model (equivariant rows, n ≤ 4096).
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
    /// Q_σ's layout.
    public let layout: BasisLayout
    /// The data after augmentation.
    public let data: ImageDataset
    /// The data's block spectra.
    public let spectra: CyclicBlockSpectra
    /// One row per chosen component.
    public let rows: [Row]
    /// The dense rank-r autoencoder's row.
    public let dense: Row
    /// The exact optimum of the first chosen component (for figures and weights).
    public let optimum: ComponentOptimum
    /// The dense optimum (PCA).
    public let denseOptimum: DenseOptimum
    /// The first Adam-trained component, when trained.
    public let trained: TrainedModel?
    /// The dense Q_σ when n ≤ 4096 (built once, for equivariance errors and figures), else nil.
    public let denseBasis: NumericBasis?

    /// Runs the comparison. `progress` receives one line per stage (for stderr).
    /// - Throws: `NumericError`/`GeometryError` for shapes, ranks, tuples that do not fit.
    /// `epochs(label, done, total)` reports Adam's progress.
    public init(
        data raw: ImageDataset, configuration c: Configuration, progress: @escaping (String) -> Void = { _ in },
        epochs: @escaping (String, Int, Int) throws -> Void = { _, _, _ in }
    ) throws {
        let sigma = c.permutation
        guard raw.features == sigma.degree else {
            let shape = c.imageSize.map { "\($0.height)x\($0.width) needs" } ?? "σ acts on"
            throw NumericError.invalidInput(
                "the data has \(raw.features) pixels per image, \(shape) \(sigma.degree)")
        }
        try Self.requireMemory(raw, configuration: c)
        try Self.requireRepresentable(raw)
        let variety = try EquivariantVariety(permutation: sigma, rank: c.rank)
        for choice in c.choices { try Self.check(choice, variety: variety) }
        configuration = c
        layout = try BasisLayout(sigma)
        denseBasis = layout.degree <= 4096 ? try? NumericBasis(layout) : nil
        switch (c.augmentation, c.imageSize) {
        case (.imageShifts(let axis, let maxShift), let size?):
            data = CyclicShiftAugmentation.apply(
                raw, height: size.height, width: size.width, alongColumns: axis == .x, maxShift: maxShift, seed: c.seed)
            progress("\(data.count) images, shifts in [−\(maxShift), \(maxShift)]; block moments in the Q_σ basis")
        case (.powers, _):
            data = try GroupAugmentation.apply(raw, generators: [sigma.zeroBasedImages], seed: c.seed)
            progress("\(data.count) samples, each moved by a random power of σ; block moments in the Q_σ basis")
        default:
            data = raw
            progress("\(data.count) samples; block moments in the Q_σ basis")
        }
        let transform = StructuredTransform(layout)
        spectra = try CyclicBlockSpectra(moments: transform.moments(of: data.values, batch: data.count))
        // Adam trains in the Q_σ coordinates; the exact optimum needs only the moments
        let coordinates = c.adam == nil ? [] : transform.forward(data.values, batch: data.count)
        progress("block spectra done; dense PCA at rank \(c.rank)")
        denseOptimum = try DenseOptimum(data, rank: c.rank)

        var rows: [Row] = []
        var firstOptimum: ComponentOptimum? = nil
        var firstTrained: TrainedModel? = nil
        for choice in c.choices {
            let tuple = ComponentSelection.tuple(for: choice, spectra: spectra, rank: c.rank)
            let component = try variety.component(tuple)
            let optimum = try ComponentOptimum(spectra, component: component)
            var adamLoss: Double? = nil
            var adamLossError: Double? = nil
            var eqError: Double? = nil
            if let settings = c.adam, choice == c.choices.first || choice == .paper || choice == .best {
                let parameters = optimum.architecture.parameterCount
                progress(
                    "Adam on the \(choice.name) component \(variety.format(tuple)) (\(parameters) parameters)"
                )
                let model = try optimum.architecture.trainAdam(
                    coordinates: coordinates, count: data.count, layout: layout, settings: settings
                ) {
                    try epochs("Adam, \(choice.name) component", $0, $1)
                }
                adamLoss = model.loss
                adamLossError = model.lossError
                eqError = denseBasis.map { Self.equivarianceError(optimum.architecture, model, basis: $0) }
                if firstTrained == nil { firstTrained = model }
            }
            if firstOptimum == nil { firstOptimum = optimum }
            rows.append(
                Row(
                    name: choice.name, tuple: tuple, parameters: optimum.architecture.parameterCount,
                    loss: optimum.loss, lossError: optimum.lossError, adamLoss: adamLoss, adamLossError: adamLossError,
                    equivarianceError: eqError))
        }
        guard let opt = firstOptimum else { throw NumericError.invalidInput("no component chosen") }
        var denseAdam: TrainedModel? = nil
        if let settings = c.adam {
            progress("Adam on the dense rank-\(c.rank) autoencoder (\(2 * c.rank * raw.features) parameters)")
            denseAdam = try trainDenseAdam(data, rank: c.rank, settings: settings) {
                try epochs("Adam, dense", $0, $1)
            }
        }
        dense = Row(
            name: "dense", tuple: nil, parameters: 2 * c.rank * raw.features, loss: denseOptimum.loss,
            lossError: denseOptimum.lossError, adamLoss: denseAdam?.loss, adamLossError: denseAdam?.lossError,
            equivarianceError: nil)
        self.rows = rows
        optimum = opt
        trained = firstTrained
    }

    /// Refuses, before any work, a choice that cannot apply: the paper's tuple off its setting, or a tuple
    /// that is not a component at this rank.
    static func check(_ choice: ComponentChoice, variety: EquivariantVariety) throws {
        switch choice {
        case .paper:
            guard ComponentSelection.paperApplies(variety.decomposition, rank: variety.rank) else {
                throw NumericError.invalidInput(
                    "the paper's tuple is for 28x28 images at rank 99; give a tuple instead")
            }
        case .tuple(let t): _ = try variety.component(t)
        case .best, .equalRank, .highPass: break
        }
    }

    /// Refuses a run whose arrays would not fit the memory budget: the data and its shifted copy, its Q_σ
    /// coordinates and a training copy (4·N·n doubles), the n×n covariance and eigenvectors of the dense
    /// optimum and the dense Q_σ (4·n² doubles), and the weight-sharing patterns.
    static func requireMemory(_ data: ImageDataset, configuration c: Configuration) throws {
        let n = data.features
        let bytes = ByteCount.sum(ByteCount.product(4, data.count, n, 8), ByteCount.product(4, n, n, 8))
        try MemoryBudget.require(
            bytes, for: "training on \(data.count) samples of \(n) pixels",
            advice: "use fewer samples or smaller images")
        if let adam = c.adam {
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

    /// max |P W − W P| / max |W| for W = Q·D·E·Qᵀ, with the dense Q.
    static func equivarianceError(_ arch: ComponentArchitecture, _ model: TrainedModel, basis q: NumericBasis) -> Double
    {
        let layout = q.layout
        let n = layout.degree
        let w = pixelMatrix(arch, encoderTheta: model.encoderTheta, decoderTheta: model.decoderTheta, q: q.matrix, n: n)
        var worst = 0.0
        var size = 0.0
        let p = layout.permutation
        for i in 0..<n {
            for j in 0..<n {
                // (P W)[σ(i), j] = W[i, j] and (W P)[i, σ(j)] = W[i, j]: equivariance is W[σ(i), σ(j)] = W[i, j]
                worst = max(worst, abs(w[(p.image(of: i + 1) - 1) * n + p.image(of: j + 1) - 1] - w[i * n + j]))
                size = max(size, abs(w[i * n + j]))
            }
        }
        return worst / max(size, 1e-300)
    }

    /// W = Q·D·E·Qᵀ in the pixel basis.
    static func pixelMatrix(
        _ arch: ComponentArchitecture, encoderTheta: [Double], decoderTheta: [Double], q: [Double], n: Int
    ) -> [Double] {
        let r = arch.encoder.rows
        let de = BLAS.multiply(arch.decoder.matrix(decoderTheta), arch.encoder.matrix(encoderTheta), m: n, n: n, k: r)
        return BLAS.multiply(BLAS.multiply(q, de, m: n, n: n, k: n), q, m: n, n: n, k: n, transposeB: true)
    }
}
