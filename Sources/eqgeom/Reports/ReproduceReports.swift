import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `reproduce mnist` and `reproduce d4`: the loss table of a training experiment and the files it wrote.
struct ReproduceReport: Report {
    let samples: Int
    let rank: Int
    /// How each image was moved: `shifted by up to ±6 pixels`, `each moved by a random element of D4`.
    let moved: String
    let maxShift: Int?
    /// A group's blocks (label, type, weight × multiplicity); nil for one permutation.
    let blocks: [String]?
    let adamSteps: Int?
    let rows: [TrainingExperiment.Row]
    let files: [String]

    init(_ e: TrainingExperiment, group: String? = nil, files: [String]) {
        samples = e.data.count
        rank = e.configuration.rank
        switch e.configuration.augmentation {
        case .imageShifts(_, let m):
            moved = "shifted by up to ±\(m) pixels"
            maxShift = m
        case .groupElements:
            moved = "each moved by a random element of \(group ?? "the group")"
            maxShift = nil
        case .none:
            moved = "as given"
            maxShift = nil
        }
        if case .group = e.frame.source {
            blocks = e.frame.blocks.map { "\($0.label) \($0.type.rawValue)\($0.weight)×\($0.multiplicity)" }
        } else {
            blocks = nil
        }
        adamSteps = e.trained?.steps
        rows = e.rows + (e.dense.map { [$0] } ?? [])
        self.files = files
    }

    enum CodingKeys: String, CodingKey {
        case samples, rank, blocks, rows, files
        case maxShift = "max_shift"
        case adamSteps = "adam_steps"
    }

    var table: String {
        let largestError = rows.map { max($0.lossError, $0.adamLossError ?? 0) }.max() ?? 0
        let header =
            "MNIST, \(samples) images \(moved), rank \(rank); loss = mean squared error per pixel\n"
            + "(\(precisionNote(largestError)), see docs/training.md)"
            + (adamSteps.map { "; Adam: \($0) full-batch steps" } ?? "") + "\n"
            + (blocks.map { "blocks " + $0.joined(separator: ", ") + "\n" } ?? "")
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
