import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

struct GroupReproduceReport: Report {
    let samples: Int
    let rank: Int
    let blocks: [String]
    let adamSteps: Int?
    let rows: [TrainingExperiment.Row]
    let files: [String]

    init(_ e: GroupTrainingExperiment, files: [String], steps: Int?) {
        samples = e.data.count
        rank = e.configuration.rank
        blocks = e.basis.blocks.map {
            "\($0.block.label) \($0.block.type.rawValue)\($0.block.weight)×\($0.block.multiplicity)"
        }
        adamSteps = steps
        rows = e.rows + [e.dense]
        self.files = files
    }

    enum CodingKeys: String, CodingKey {
        case samples, rank, blocks, rows, files
        case adamSteps = "adam_steps"
    }

    var table: String {
        let largestError = rows.map { max($0.lossError, $0.adamLossError ?? 0) }.max() ?? 0
        let header =
            "MNIST, \(samples) images each rotated/reflected by a random element of D4, rank \(rank); blocks "
            + blocks.joined(separator: ", ") + "\nloss = mean squared error per pixel (\(precisionNote(largestError)))"
            + (adamSteps.map { "; Adam: \($0) full-batch steps" } ?? "") + "\n"
        let body = lossTable(rows)
        return header + "\n" + body + (files.isEmpty ? "" : "\n\nwrote " + files.joined(separator: ", "))
    }
}

struct ReproduceReport: Report {
    let samples: Int
    let rank: Int
    let maxShift: Int
    let rows: [TrainingExperiment.Row]
    let files: [String]

    init(_ e: TrainingExperiment, files: [String]) {
        samples = e.data.count
        rank = e.configuration.rank
        maxShift = e.configuration.maxShift
        rows = e.rows + [e.dense]
        self.files = files
    }

    enum CodingKeys: String, CodingKey {
        case samples, rank, rows, files
        case maxShift = "max_shift"
    }

    var table: String {
        let largestError = rows.map { max($0.lossError, $0.adamLossError ?? 0) }.max() ?? 0
        let header =
            "MNIST, \(samples) images shifted by up to ±\(maxShift) pixels, rank \(rank); "
            + "loss = mean squared error per pixel\n(\(precisionNote(largestError)), see docs/training.md)\n"
        let body = lossTable(rows)
        return header + "\n" + body + (files.isEmpty ? "" : "\n\nwrote " + files.joined(separator: ", "))
    }
}

/// The loss table of a reproduction: one line per model (exact optimum, Adam, their ratio, equivariance).
func lossTable(_ rows: [TrainingExperiment.Row]) -> String {
    columnTable(
        ["model", "tuple", "parameters", "exact optimum", "Adam", "Adam/exact", "equivariance error"],
        rows.map { r in
            [
                r.name, r.tuple.map { $0.map(String.init).joined(separator: ",") } ?? "–", "\(r.parameters)",
                formatLoss(r.loss, error: r.lossError),
                r.adamLoss.map { formatLoss($0, error: r.adamLossError ?? 0) } ?? "–",
                r.adamLoss.map { String(format: "%.4f", $0 / r.loss) } ?? "–",
                r.equivarianceError.map { String(format: "%.1e", $0) } ?? "–",
            ]
        })
}
