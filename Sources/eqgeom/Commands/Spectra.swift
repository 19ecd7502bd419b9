import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom spectra`: the block moments of one shard of data for one permutation or a group (MATH.md §4.5, §8.7),
/// the sufficient statistics that `train --stats` merges across shards (docs/training.md, "Beyond one machine").
struct Spectra: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the block moments of a data shard (sufficient statistics for train --stats).")

    @OptionGroup var action: PermutationOptions
    @OptionGroup var generators: GeneratorOptions
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
        try action.requireMemory(bytesPerPoint: BasisLayout.bytesPerPoint + 16, for: "the basis Q")
        let symmetry = try action.namedSymmetry(with: generators)
        let frame = try symmetry.frame(progress: { progress($0) })
        let dataset = try TrainingOptions.dataset(path: data, features: symmetry.degree)
        progress("\(dataset.count) samples of \(symmetry.degree) values; block moments fused with the transform")
        let moments = try frame.moments(of: dataset)
        guard moments.isFinite else {
            throw ValidationError("the data's second moments overflow double precision; rescale the data")
        }
        try MomentsArchive.archive(moments).write(to: out)
        wrote([out])
        let cycleType: String?
        if case .permutation(let layout) = frame.source {
            cycleType = "\(layout.structure.cycleType)"
        } else {
            cycleType = nil
        }
        try emit(
            SpectraReport(
                samples: moments.sampleCount, n: frame.degree, cycleType: cycleType, blocks: frame.blocks.count,
                totalEnergy: moments.totalEnergy, file: out), output)
    }
}

struct SpectraReport: Report {
    let samples: Int
    let n: Int
    let cycleType: String?
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
            ("samples", "\(samples)"), ("points", cycleType.map { "\(n) (cycle type \($0))" } ?? "\(n)"),
            ("blocks", "\(blocks)"),
            ("energy ‖X‖²_F", "\(totalEnergy)"), ("wrote", file),
        ])
    }
}
