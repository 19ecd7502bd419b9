import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom train` for a permutation group (MATH.md §8.7): exact optimum per block over ℝ, ℂ, ℍ, the best
/// component by the DP over blocks, or Adam on the weight-sharing parameterisation.
extension Train {
    func runGroup(_ group: PermutationGroup) throws {
        let variety = try EquivariantVariety(try IsotypicDecomposition(group: group), rank: rank)
        let choice = try component.choice(variety.decomposition)
        if choice == .paper {
            throw ValidationError("the paper's tuple is for one shift of 28x28 images; give --component TUPLE or best")
        }
        let data = try training.dataset(features: group.degree)
        let basis = try GroupNumericBasis.build(group, progress: { progress($0) })
        let config = GroupTrainingExperiment.Configuration(
            rank: rank, choices: [choice], augment: augment, seed: training.seedOption.seed,
            adam: method == .adam ? try training.adam(count: data.count) : nil)
        Interruption.install()
        let e = try GroupTrainingExperiment(data: data, basis: basis, configuration: config, progress: progress) {
            try progressBar($0, $1, $2, unit: "full-batch steps")
        }
        var files = OutputFiles()
        if let dir = training.out {
            try files.createDirectory(dir)
            try files.add(try GroupExport.weightsArchive(e).zipBytes(), to: dir + "/weights.npz")
        }
        let written = try files.commit()
        wrote(written)
        try emit(TrainReport(e, method: method.rawValue, files: written), output)
    }
}

/// A group's tuple keyed by block label; past 12 blocks only the nonzero entries (the rest are 0).
func formatGroupTuple(_ tuple: [Int], labels: [String]) -> String {
    let pairs = zip(labels, tuple).filter { labels.count <= 12 || $0.1 != 0 }
    let text = pairs.map { "\($0)=\($1)" }.joined(separator: ",")
    return labels.count <= 12 ? text : text + " (all other blocks 0)"
}
