import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom spectra`: the block moments of one shard of data (MATH.md §4.5), the sufficient statistics that
/// `train --stats` merges across shards (docs/training.md, "Beyond one machine").
struct Spectra: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the block moments of a data shard (sufficient statistics for train --stats).")

    @OptionGroup var action: PermutationOptions
    @Option(
        help: ArgumentHelp(
            "Data shard: MNIST IDX, CSV[.gz] or .npy (default: the built-in MNIST subset).", valueName: "file"))
    var data: String?
    @Option(help: ArgumentHelp("Statistics file to write (.npz).", valueName: "file")) var out: String
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try requireOutputFile(out, ["npz"])
    }

    func run() throws {
        let sigma = try action.requiredPermutation()
        let layout = try BasisLayout(sigma)
        let dataset = try TrainingOptions.dataset(path: data, features: sigma.degree)
        progress("\(dataset.count) samples of \(sigma.degree) values; block moments by FFT and zherk")
        let moments = StructuredTransform(layout).moments(of: dataset.values, batch: dataset.count)
        guard moments.isFinite else {
            throw ValidationError("the data's second moments overflow double precision; rescale the data")
        }
        try MomentsArchive.archive(moments).write(to: out)
        wrote([out])
        try emit(
            SpectraReport(
                samples: moments.sampleCount, n: layout.degree, cycleType: "\(layout.structure.cycleType)",
                blocks: layout.structure.blocks.count, totalEnergy: moments.totalEnergy, file: out), output)
    }
}

struct SpectraReport: Report {
    let samples: Int
    let n: Int
    let cycleType: String
    let blocks: Int
    let totalEnergy: Double
    let file: String
    enum CodingKeys: String, CodingKey {
        case samples, n, blocks, file
        case cycleType = "cycle_type"
        case totalEnergy = "total_energy"
    }
    var table: String {
        keyValueTable([
            ("samples", "\(samples)"), ("points", "\(n) (cycle type \(cycleType))"), ("blocks", "\(blocks)"),
            ("energy ‖X‖²_F", "\(totalEnergy)"), ("wrote", file),
        ])
    }
}
