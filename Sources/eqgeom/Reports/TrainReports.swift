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
    /// The dense optimum's loss and its rounding bound (with --dense or --out).
    let denseLoss: Double?
    let denseLossError: Double?
    let denseParameters: Int
    let equivarianceError: Double?
    let samples: Int
    let files: [String]
    /// The block labels in canonical order.
    let blocks: [String]
    /// Per block its label and the energy kept by each D-direction, descending (MATH.md §4.5, §8.7): for one
    /// permutation the eigenvalues of its block covariance.
    let blockSpectra: [BlockSpectrum]
    /// Whether the tuple is shown keyed by block label (groups) or positionally (one permutation, the paper's way).
    let keyed: Bool

    init(_ e: TrainingExperiment, method: String, files: [String]) {
        let row = e.rows[0]
        self.method = method
        tuple = row.tuple ?? []
        parameters = row.parameters
        exactLoss = row.loss
        exactLossError = row.lossError
        loss = method == "adam" ? (row.adamLoss ?? row.loss) : row.loss
        lossError = method == "adam" ? (row.adamLossError ?? row.lossError) : row.lossError
        denseLoss = e.dense?.loss
        denseLossError = e.dense?.lossError
        denseParameters = 2 * e.configuration.rank * e.frame.degree
        equivarianceError = row.equivarianceError
        samples = e.data.count
        self.files = files
        blocks = e.frame.blocks.map(\.label)
        blockSpectra = zip(blocks, e.spectra.energies).map { BlockSpectrum(block: $0, eigenvalues: $1) }
        if case .group = e.frame.source { keyed = true } else { keyed = false }
    }

    enum CodingKeys: String, CodingKey {
        case method, tuple, parameters, loss, samples, files, blocks
        case blockSpectra = "block_spectra"
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
                keyed ? formatGroupTuple(tuple, labels: blocks) : tuple.map(String.init).joined(separator: ",")
            ),
            ("parameters", "\(parameters) (dense: \(denseParameters))"),
            ("loss (\(method))", formatLoss(loss, error: lossError)),
            ("exact optimum", formatLoss(exactLoss, error: exactLossError)),
        ]
        if let denseLoss { rows.append(("dense optimum", formatLoss(denseLoss, error: denseLossError ?? 0))) }
        rows += [
            ("samples", "\(samples)"),
            ("precision", precisionNote(max(lossError, exactLossError, denseLossError ?? 0))),
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
    let labels: [String]
    let keyed: Bool

    init(_ r: StatisticsOptimum, shards: Int) {
        tuple = r.tuple
        parameters = r.parameterCount
        loss = r.loss
        lossError = r.lossError
        samples = r.spectra.sampleCount
        self.shards = shards
        labels = r.spectra.realBlocks.map(\.label)
        keyed = r.spectra is GroupBlockSpectra
        blockSpectra = zip(labels, r.spectra.energies).map { .init(block: $0, eigenvalues: $1) }
    }

    enum CodingKeys: String, CodingKey {
        case tuple, parameters, loss, samples, shards
        case lossError = "loss_error"
        case blockSpectra = "block_spectra"
    }

    var table: String {
        keyValueTable([
            (
                "component",
                keyed ? formatGroupTuple(tuple, labels: labels) : tuple.map(String.init).joined(separator: ",")
            ),
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

/// A group's tuple keyed by block label; past 12 blocks only the nonzero entries (the rest are 0).
func formatGroupTuple(_ tuple: [Int], labels: [String]) -> String {
    let pairs = zip(labels, tuple).filter { labels.count <= 12 || $0.1 != 0 }
    let text = pairs.map { "\($0)=\($1)" }.joined(separator: ",")
    return labels.count <= 12 ? text : text + " (all other blocks 0)"
}
