import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom train` for a permutation group (GROUPS.md §2.6): exact optimum per block over ℝ, ℂ, ℍ, the best
/// component by the DP over blocks, or Adam on the weight-sharing parameterisation.
extension Train {
    func runGroup(_ group: PermutationGroup) throws {
        let variety = try GroupVariety(try IsotypicDecomposition(group: group), rank: rank)
        let choice = try component.choice(parsing: variety.parseTuple)
        if choice == .paper {
            throw ValidationError("the paper's tuple is for one shift of 28x28 images; give --component TUPLE or best")
        }
        let data = try training.dataset(features: group.degree)
        let basis = try GroupNumericBasis.build(group, progress: { progress($0) })
        let config = GroupTrainingExperiment.Configuration(
            rank: rank, choices: [choice], augment: augment, seed: training.seed,
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
        try emit(GroupTrainReport(e, method: method.rawValue, files: written), output)
    }
}

struct GroupTrainReport: Report {
    let method: String
    let tuple: [Int]
    let blocks: [String]
    let parameters: Int
    let loss: Double
    let lossError: Double
    let exactLoss: Double
    let exactLossError: Double
    let denseLoss: Double
    let denseLossError: Double
    let denseParameters: Int
    let equivarianceError: Double?
    let samples: Int
    let files: [String]
    /// Per block: label and the energies e_{ρ,i} kept by each D-direction (descending).
    let blockEnergies: [TrainReport.BlockSpectrumEntry]

    init(_ e: GroupTrainingExperiment, method: String, files: [String]) {
        let row = e.rows[0]
        self.method = method
        tuple = row.tuple ?? []
        blocks = e.basis.blocks.map(\.block.label)
        parameters = row.parameters
        exactLoss = row.loss
        exactLossError = row.lossError
        loss = row.adamLoss ?? row.loss
        lossError = row.adamLossError ?? row.lossError
        denseLoss = e.dense.loss
        denseLossError = e.dense.lossError
        denseParameters = e.dense.parameters
        equivarianceError = row.equivarianceError
        samples = e.data.count
        self.files = files
        blockEnergies = e.spectra.blocks.map {
            TrainReport.BlockSpectrumEntry(block: $0.block.label, eigenvalues: $0.energies)
        }
    }

    enum CodingKeys: String, CodingKey {
        case method, tuple, blocks, parameters, loss, samples, files
        case blockEnergies = "block_energies"
        case lossError = "loss_error"
        case exactLoss = "exact_loss"
        case exactLossError = "exact_loss_error"
        case denseLoss = "dense_loss"
        case denseLossError = "dense_loss_error"
        case denseParameters = "dense_parameters"
        case equivarianceError = "equivariance_error"
    }

    var table: String {
        var rows: [(String, String)] = [
            ("component", formatGroupTuple(tuple, labels: blocks)),
            ("parameters", "\(parameters) (dense: \(denseParameters))"),
            ("loss (\(method))", formatLoss(loss, error: lossError)),
            ("exact optimum", formatLoss(exactLoss, error: exactLossError)),
            ("dense optimum", formatLoss(denseLoss, error: denseLossError)),
            ("samples", "\(samples)"),
            ("precision", precisionNote(max(lossError, exactLossError, denseLossError))),
        ]
        if let eq = equivarianceError { rows.append(("equivariance error", "\(eq)")) }
        if !files.isEmpty { rows.append(("wrote", files.joined(separator: ", "))) }
        return keyValueTable(rows)
    }
}

/// A group's tuple keyed by block label; past 12 blocks only the nonzero entries (the rest are 0).
func formatGroupTuple(_ tuple: [Int], labels: [String]) -> String {
    let pairs = zip(labels, tuple).filter { labels.count <= 12 || $0.1 != 0 }
    let text = pairs.map { "\($0)=\($1)" }.joined(separator: ",")
    return labels.count <= 12 ? text : text + " (all other blocks 0)"
}
