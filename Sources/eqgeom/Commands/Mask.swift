import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom mask`: the weight-sharing encoder/decoder of a component, in the Q_σ basis (MATH.md §4.4).
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
        try action.requireMemory(bytesPerPoint: BasisLayout.bytesPerPoint + 16, for: "the basis Q_σ")
        let sigma: Permutation
        switch try action.namedSymmetry(with: generators) {
        case .group(let group): return try runGroup(group)
        case .permutation(let p): sigma = p
        }
        let v = try EquivariantVariety(permutation: sigma, rank: rank)
        let arch = try ComponentArchitecture(try v.component(try tuple.resolve(labels: v.labels)))
        if let path = out {
            let layout = try BasisLayout(sigma)
            try writeArchitecture(
                to: path, npz: { try ArchitectureExport.maskArchive(arch, layout: layout) },
                json: { ArchitectureExport.MaskDocument(arch, layout: layout) })
        }
        try emit(MaskReport(arch), output)
    }
}

extension Mask {
    /// A group's component (MATH.md §8.8): coordinate lists with exact-basis coefficients.
    func runGroup(_ group: PermutationGroup) throws {
        let decomposition = try IsotypicDecomposition(group: group)
        let variety = try EquivariantVariety(decomposition, rank: rank)
        let t = try tuple.resolve(labels: variety.labels)
        _ = try variety.component(t)
        let basis = try GroupNumericBasis.build(group)
        let arch = try GroupComponentArchitecture(basis: basis, tuple: t)
        if let path = out {
            try writeArchitecture(
                to: path, npz: { try GroupExport.maskArchive(arch, basis: basis) },
                json: { GroupExport.MaskDocument(arch, basis: basis) })
        }
        try emit(GroupMaskReport(arch, blocks: basis.blocks.map(\.block), n: group.degree), output)
    }
}
