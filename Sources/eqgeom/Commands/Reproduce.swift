import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom reproduce mnist`: the paper's Section 5, end to end.
struct Reproduce: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reproduce a paper experiment.", subcommands: [MNIST.self])

    struct MNIST: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mnist",
            abstract: "Section 5: rank-r equivariant autoencoders on horizontally shifted MNIST, against the dense one."
        )

        @Option(help: "Rank r.") var rank: Int = 99
        @Option(help: "Largest random horizontal shift per image (the paper's notebook: 6).") var maxShift: Int = 6
        @Flag(help: "Skip Adam training (exact optima only).") var exactOnly = false
        @OptionGroup var training: TrainingOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            guard maxShift >= 0 else { throw ValidationError("--max-shift must be non-negative") }
            let data = try ImageDataset.load(path: try training.dataPath(), features: 784)
            let config = TrainingExperiment.Configuration(
                height: 28, width: 28, axis: .x, rank: rank, maxShift: maxShift, seed: training.seed,
                choices: rank == 99 ? [.best, .paper, .equalRank, .highPass] : [.best, .equalRank, .highPass],
                adam: exactOnly ? nil : training.adam(count: data.count))
            let e = try TrainingExperiment(data: data, configuration: config, progress: progress, epochs: progressBar)
            let dir = training.out ?? "out/mnist"
            var report = ReproduceReport(e, files: try ExperimentArtifacts.write(e, to: dir))
            try Data(report.table.utf8).write(to: URL(fileURLWithPath: dir + "/losses.txt"))
            report.files.append(dir + "/losses.txt")
            report.files.append(dir + "/losses.json")
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(report).write(to: URL(fileURLWithPath: dir + "/losses.json"))
            try emit(report, json: output.json)
        }
    }
}

struct ReproduceReport: Report {
    let samples: Int
    let rank: Int
    let maxShift: Int
    let rows: [TrainingExperiment.Row]
    var files: [String]

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
        let header =
            "MNIST, \(samples) images shifted by up to ±\(maxShift) pixels, rank \(rank); loss = mean squared error per pixel\n(double precision: relative rounding error below 1e-10, see docs/training.md)\n"
        let body = columnTable(
            ["model", "tuple", "parameters", "exact optimum", "Adam", "Adam/exact", "equivariance error"],
            rows.map { r in
                [
                    r.name, r.tuple.map { $0.map(String.init).joined(separator: ",") } ?? "–", "\(r.parameters)",
                    formatLoss(r.loss),
                    r.adamLoss.map(formatLoss) ?? "–", r.adamLoss.map { String(format: "%.4f", $0 / r.loss) } ?? "–",
                    r.equivarianceError.map { String(format: "%.1e", $0) } ?? "–",
                ]
            })
        return header + "\n" + body + (files.isEmpty ? "" : "\n\nwrote " + files.joined(separator: ", "))
    }
}
