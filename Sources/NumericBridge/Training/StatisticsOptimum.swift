import Foundation
import Algebra
import Geometry

/// The exact optimum of a component from block moments alone (MATH.md §4.5, §8.7): the moments of all shards,
/// added, are the sufficient statistics of every component's Eckart–Young optimum, so a job array that
/// writes one statistics file per shard and one merge gives the same loss and best component as one run
/// over all the data (to rounding), for one permutation or any group.
public struct StatisticsOptimum: Sendable {
    /// The merged data's spectra.
    public let spectra: any BlockSpectra
    /// The chosen component.
    public let tuple: [Int]
    /// Its real parameters in the weight-sharing autoencoder.
    public let parameterCount: Int
    /// The optimum's mean squared error per point.
    public let loss: Double
    /// The bound on the rounding error of `loss`.
    public let lossError: Double

    /// - Throws: when the rank is out of range, the choice is not a component at this rank, or the paper's tuple
    ///   is asked off its setting (one permutation of cycle type 28^28, rank 99).
    public init(moments: any ShardMoments, rank: Int, choice: ComponentChoice) throws {
        let spectra = try moments.spectra()
        guard (0...spectra.degree).contains(rank) else {
            throw NumericError.invalidInput("rank \(rank) is out of range 0…\(spectra.degree)")
        }
        let blocks = spectra.realBlocks
        let paperApplies = (moments as? BlockMoments).map {
            ComponentSelection.paperApplies($0.layout.structure, rank: rank)
        }
        try TrainingExperiment.check(
            choice, shapes: spectra.shapes, labels: blocks.map(\.label), rank: rank, paperApplies: paperApplies ?? false
        )
        let tuple = ComponentSelection.tuple(for: choice, spectra: spectra, rank: rank)
        self.spectra = spectra
        self.tuple = tuple
        parameterCount = EquivariantComponent(blocks: blocks, tuple: tuple, rank: rank).parameterCount
        loss = spectra.loss(tuple)
        lossError = spectra.lossErrorBound(tuple)
    }
}
