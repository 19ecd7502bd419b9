import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

struct TrainReport: Report {
    let method: String
    let tuple: [Int]
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
    /// One permutation: per block (canonical order) its label and the eigenvalues (descending) of its
    /// covariance (MATH.md §4.5).
    var blockSpectra: [BlockSpectrum]? = nil
    /// A group: the block labels, and per block the energy kept by each D-direction (MATH.md §8).
    var blocks: [String]? = nil
    var blockEnergies: [BlockSpectrum]? = nil

    init(_ e: TrainingExperiment, method: String, files: [String]) {
        self.init(row: e.rows[0], dense: e.dense, samples: e.data.count, method: method, files: files)
        blockSpectra = e.spectra.blocks.map { BlockSpectrum(block: $0.block.label, eigenvalues: $0.eigenvalues) }
    }

    init(_ e: GroupTrainingExperiment, method: String, files: [String]) {
        self.init(row: e.rows[0], dense: e.dense, samples: e.data.count, method: method, files: files)
        blocks = e.basis.blocks.map(\.block.label)
        blockEnergies = e.spectra.blocks.map { BlockSpectrum(block: $0.block.label, eigenvalues: $0.energies) }
    }

    private init(
        row: TrainingExperiment.Row, dense: TrainingExperiment.Row, samples: Int, method: String, files: [String]
    ) {
        self.method = method
        tuple = row.tuple ?? []
        parameters = row.parameters
        exactLoss = row.loss
        exactLossError = row.lossError
        loss = method == "adam" ? (row.adamLoss ?? row.loss) : row.loss
        lossError = method == "adam" ? (row.adamLossError ?? row.lossError) : row.lossError
        denseLoss = dense.loss
        denseLossError = dense.lossError
        denseParameters = dense.parameters
        equivarianceError = row.equivarianceError
        self.samples = samples
        self.files = files
    }

    enum CodingKeys: String, CodingKey {
        case method, tuple, parameters, loss, samples, files, blocks
        case blockSpectra = "block_spectra"
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
            (
                "component",
                blocks.map { formatGroupTuple(tuple, labels: $0) } ?? tuple.map(String.init).joined(separator: ",")
            ),
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

/// `train --stats`: the optimum from merged shard moments.
struct StatisticsReport: Report {
    let tuple: [Int]
    let parameters: Int
    let loss: Double
    let lossError: Double
    let samples: Int
    let shards: Int
    let blockSpectra: [BlockSpectrum]

    init(_ r: StatisticsOptimum, shards: Int) {
        tuple = r.tuple
        parameters = r.optimum.architecture.parameterCount
        loss = r.optimum.loss
        lossError = r.optimum.lossError
        samples = r.spectra.sampleCount
        self.shards = shards
        blockSpectra = r.spectra.blocks.map { .init(block: $0.block.label, eigenvalues: $0.eigenvalues) }
    }

    enum CodingKeys: String, CodingKey {
        case tuple, parameters, loss, samples, shards
        case lossError = "loss_error"
        case blockSpectra = "block_spectra"
    }

    var table: String {
        keyValueTable([
            ("component", tuple.map(String.init).joined(separator: ",")),
            ("parameters", "\(parameters)"),
            ("loss (exact)", formatLoss(loss, error: lossError)),
            ("samples", "\(samples) in \(shards) shard\(shards == 1 ? "" : "s")"),
            ("precision", precisionNote(lossError)),
        ])
    }
}

/// A loss to six decimals, with its rounding-error bound when that bound reaches the printed digits, and
/// marked unresolved when the bound is as large as the loss itself.
func formatLoss(_ x: Double, error: Double) -> String {
    if error < 5e-7 { return String(format: "%.6f", x) }
    let text = String(format: "%.6f ± %.1e", x, error)
    return error >= x ? text + " (not resolved: center or rescale the data)" : text
}

/// The precision line under a loss table: the largest derived rounding-error bound (docs/training.md).
func precisionNote(_ largestError: Double) -> String {
    String(
        format: "double precision; rounding error of every loss at most %.1e (bound derived from the data)",
        largestError)
}
