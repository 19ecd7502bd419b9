import Foundation
import Algebra
import Geometry

/// The exact optimum of a component from block moments alone (MATH.md §4.5): the moments of all shards,
/// added, are the sufficient statistics of every component's Eckart–Young optimum, so a job array that
/// writes one statistics file per shard and one merge gives the same loss and best component as one run
/// over all the data (to rounding).
public struct StatisticsOptimum: Sendable {
    /// The merged data's spectra.
    public let spectra: CyclicBlockSpectra
    /// The chosen component.
    public let tuple: [Int]
    /// Its exact optimum.
    public let optimum: ComponentOptimum

    /// - Throws: when the rank is out of range for σ, the choice is not a component at this rank, or the
    ///   paper's tuple is asked off its setting (cycle type 28^28, rank 99).
    public init(moments: BlockMoments, rank: Int, choice: ComponentChoice) throws {
        let variety = try EquivariantVariety(structure: moments.layout.structure, rank: rank)
        let blocks = moments.layout.structure.blocks
        try TrainingExperiment.check(
            choice, shapes: BlockShapes(weights: blocks.map(\.weight), multiplicities: blocks.map(\.multiplicity)),
            labels: blocks.map(\.label), rank: rank,
            paperApplies: ComponentSelection.paperApplies(moments.layout.structure, rank: rank))
        spectra = try CyclicBlockSpectra(moments: moments)
        tuple = ComponentSelection.tuple(for: choice, spectra: spectra, rank: rank)
        optimum = ComponentOptimum(spectra, component: try variety.component(tuple))
    }
}
