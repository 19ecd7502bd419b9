import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom mask`: the weight-sharing encoder/decoder of a component (MATH.md §4.4, §8.8).
struct Mask: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Weight-sharing masks of a component's autoencoder; export as .npz or .json.")

    @OptionGroup var action: PermutationOptions
    @OptionGroup var generators: GeneratorOptions
    @Option(help: "Rank bound r, 0 ≤ r ≤ n.") var rank: Int
    @Option(help: "The component's tuple: positional or keyed (l/m=t; for a group R2.1=3,…).", transform: Parse.tuple)
    var tuple: TupleNotation
    @Option(help: "Write the architecture: FILE.npz (NumPy), FILE.safetensors or FILE.json (docs/formats.md).") var out:
        String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let path = out { try requireOutputFile(path, ["npz", "safetensors", "json"]) }
    }

    func run() throws {
        try action.requireMemory(bytesPerPoint: BasisLayout.bytesPerPoint + 16, for: "the basis Q")
        let symmetry = try action.namedSymmetry(with: generators)
        let variety = try EquivariantVariety(try symmetry.decomposition(), rank: rank)
        let component = try variety.component(try tuple.resolve(labels: variety.labels))
        let frame = try symmetry.frame(progress: { progress($0) })
        let arch = try ComponentArchitecture(frame: frame, tuple: component.tuple)
        let patterns = try arch.patterns()
        if let path = out {
            try writeArchitecture(
                to: path, npz: { try ArchitectureExport.maskArchive(arch, patterns: patterns) },
                json: { ArchitectureExport.MaskDocument(arch, patterns: patterns) })
        }
        try emit(MaskReport(arch, patterns: patterns, component: component), output)
    }
}
