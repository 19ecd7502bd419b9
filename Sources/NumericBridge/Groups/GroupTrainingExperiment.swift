import Foundation
import Algebra
import Geometry

/// The autoencoder comparison for any finite permutation group (MATH.md §8.7): data → (seeded group
/// augmentation) → Q coordinates (orbit-by-orbit transform) → block moments → exact optimum of each chosen
/// component (Eckart–Young over ℝ, ℂ, ℍ per block), the best component by the DP over blocks, the dense
/// PCA optimum, and optionally Adam on the weight-sharing parameterisation. Losses are mean squared errors
/// per pixel on the data given (after augmentation).
public struct GroupTrainingExperiment: Sendable {
    /// The rank, the components to evaluate, augmentation and Adam.
    public struct Configuration: Sendable {
        /// r, the autoencoder's rank.
        public var rank: Int
        /// The components to evaluate (the first is trained with Adam when asked).
        public var choices: [ComponentChoice]
        /// Move each sample by a random group element (seeded).
        public var augment: Bool
        /// Seed of the augmentation and of Adam.
        public var seed: UInt64
        /// Adam's settings, or nil for the exact optimum only.
        public var adam: AdamSettings?
        /// A configuration; see the properties.
        public init(rank: Int, choices: [ComponentChoice], augment: Bool, seed: UInt64, adam: AdamSettings?) {
            self.rank = rank
            self.choices = choices
            self.augment = augment
            self.seed = seed
            self.adam = adam
        }
    }

    /// What was asked.
    public let configuration: Configuration
    /// The group's numeric adapted basis Q.
    public let basis: GroupNumericBasis
    /// The data after augmentation.
    public let data: ImageDataset
    /// The data's block spectra.
    public let spectra: GroupBlockSpectra
    /// One row per chosen component.
    public let rows: [TrainingExperiment.Row]
    /// The dense rank-r autoencoder's optimum (PCA).
    public let dense: TrainingExperiment.Row
    /// The exact optimum's block maps of the first choice, and its tuple.
    public let optimalMaps: [[Double]]
    /// The first chosen component.
    public let firstTuple: [Int]
    /// The Adam model of the first choice, when trained.
    public let trained: GroupAdamModel?

    /// Runs the comparison; `progress` gets one line per stage, `steps` Adam's progress.
    /// - Throws: `NumericError`/`GeometryError` for shapes, ranks and tuples that do not fit.
    public init(
        data raw: ImageDataset, basis: GroupNumericBasis, configuration c: Configuration,
        progress: @escaping (String) -> Void = { _ in },
        steps: @escaping (String, Int, Int) throws -> Void = { _, _, _ in }
    ) throws {
        let n = basis.degree
        guard raw.features == n else {
            throw NumericError.invalidInput(
                "the data has \(raw.features) values per sample, the group acts on \(n) points")
        }
        try TrainingExperiment.requireRepresentable(raw)
        try MemoryBudget.require(
            ByteCount.sum(ByteCount.product(4, raw.count, n, 8), ByteCount.product(3, n, n, 8)),
            for: "training on \(raw.count) samples of \(n) values", advice: "use fewer samples or a smaller case")
        try BlockShapes.validateRank(c.rank, degree: n)
        let shapes = BlockShapes(
            weights: basis.blocks.map(\.block.weight), multiplicities: basis.blocks.map(\.block.multiplicity))
        let labels = basis.blocks.map(\.block.label)
        for choice in c.choices {
            if case .tuple(let t) = choice { try shapes.validateComponent(t, labels: labels, rank: c.rank) }
            if choice == .paper {
                throw NumericError.invalidInput(
                    "the paper's tuple is for one shift of 28x28 images; give a tuple for a group")
            }
        }
        configuration = c
        self.basis = basis
        data = c.augment ? try GroupAugmentation.apply(raw, generators: basis.generators, seed: c.seed) : raw
        progress("\(data.count) samples\(c.augment ? ", each moved by a random group element" : ""); transforming")
        let transform = GroupTransform(basis)
        spectra = try GroupBlockSpectra(
            moments: transform.moments(of: data.values, batch: data.count), count: data.count, basis: basis)
        progress("block spectra done; dense PCA at rank \(c.rank)")
        let denseOptimum = try DenseOptimum(data, rank: c.rank)
        var rows: [TrainingExperiment.Row] = []
        var firstMaps: [[Double]] = []
        var first: [Int] = []
        var firstTrained: GroupAdamModel? = nil
        for choice in c.choices {
            let tuple = ComponentSelection.tuple(for: choice, spectra: spectra, rank: c.rank)
            let parameters = EquivariantComponent(blocks: spectra.realBlocks, tuple: tuple, rank: c.rank).parameterCount
            let maps = spectra.optimalMaps(tuple)
            var adam: GroupAdamModel? = nil
            var eqError: Double? = nil
            if let settings = c.adam, first.isEmpty {
                progress("Adam on the \(choice.name) component (\(parameters) parameters)")
                adam = try GroupAdamModel(spectra, tuple: tuple, settings: settings) {
                    try steps("Adam, \(choice.name) component", $0, $1)
                }
                if let model = adam, n <= 4096 {
                    let w = try GroupBlockMaps.pixelMatrix(model.maps, transform: transform)
                    eqError = GroupBlockMaps.equivarianceError(w, generators: basis.generators)
                }
                firstTrained = adam
            }
            if first.isEmpty {
                firstMaps = maps
                first = tuple
            }
            rows.append(
                TrainingExperiment.Row(
                    name: choice.name, tuple: tuple, parameters: parameters,
                    loss: spectra.loss(tuple), lossError: spectra.lossErrorBound(tuple), adamLoss: adam?.loss,
                    adamLossError: adam?.lossError, equivarianceError: eqError))
        }
        dense = TrainingExperiment.Row(
            name: "dense", tuple: nil, parameters: 2 * c.rank * n, loss: denseOptimum.loss,
            lossError: denseOptimum.lossError, adamLoss: nil, adamLossError: nil, equivarianceError: nil)
        self.rows = rows
        optimalMaps = firstMaps
        firstTuple = first
        trained = firstTrained
    }
}
