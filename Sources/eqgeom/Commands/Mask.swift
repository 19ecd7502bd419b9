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
    @Option(help: "The component's tuple: positional or keyed (l/m=t; for a group R2.1=3,…).") var tuple: String
    @Option(help: "Write the architecture: FILE.npz (NumPy), FILE.safetensors or FILE.json (docs/formats.md).") var out:
        String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let path = out { try requireExtension(path, ["npz", "safetensors", "json"]) }
    }

    func run() throws {
        if let group = try action.group(with: generators) { return try runGroup(group) }
        try action.requireMemory(bytesPerPoint: BasisLayout.bytesPerPoint + 16, for: "the basis Q_σ")
        let sigma = try action.requiredPermutation()
        let v = try EquivariantVariety(permutation: sigma, rank: rank)
        let arch = try ComponentArchitecture(try v.component(try v.parseTuple(tuple)))
        if let path = out {
            let layout = try BasisLayout(sigma)
            try writeArchitecture(
                to: path, npz: { try ArchitectureExport.maskArchive(arch, layout: layout) },
                json: { ArchitectureExport.MaskDocument(arch, layout: layout) })
        }
        try emit(MaskReport(arch), output)
    }
}

struct MaskReport: Report {
    let parameters: Int
    let encoderParameters: Int
    let decoderParameters: Int
    let encoderShape: [Int]
    let decoderShape: [Int]
    let denseParameters: Int
    let tuple: [Int]

    init(_ a: ComponentArchitecture) {
        parameters = a.parameterCount
        encoderParameters = a.encoder.parameters.count
        decoderParameters = a.decoder.parameters.count
        encoderShape = a.encoder.shape
        decoderShape = a.decoder.shape
        denseParameters = a.component.denseParameterCount
        tuple = a.component.tuple
    }

    enum CodingKeys: String, CodingKey {
        case parameters, tuple
        case encoderParameters = "encoder_parameters"
        case decoderParameters = "decoder_parameters"
        case encoderShape = "encoder_shape"
        case decoderShape = "decoder_shape"
        case denseParameters = "dense_parameters"
    }

    var table: String {
        keyValueTable([
            ("tuple", tuple.map(String.init).joined(separator: ",")),
            ("encoder", "\(encoderShape[0])×\(encoderShape[1]) in the Q_σ basis, \(encoderParameters) free parameters"),
            ("decoder", "\(decoderShape[0])×\(decoderShape[1]) in the Q_σ basis, \(decoderParameters) free parameters"),
            ("parameters", "\(parameters) vs \(denseParameters) dense"),
        ])
    }
}

extension Mask {
    /// A group's component (MATH.md §8.8): coordinate lists with exact-basis coefficients.
    func runGroup(_ group: PermutationGroup) throws {
        let decomposition = try IsotypicDecomposition(group: group)
        let variety = try EquivariantVariety(decomposition, rank: rank)
        let t = try variety.parseTuple(tuple)
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

struct GroupMaskReport: Report {
    let parameters: Int
    let denseParameters: Int
    let rank: Int
    let tuple: [Int]
    let blocks: [String]
    let encoderEntries: Int
    let decoderEntries: Int

    init(_ a: GroupComponentArchitecture, blocks: [IsotypicBlock], n: Int) {
        parameters = a.parameterCount
        denseParameters = 2 * a.rank * n
        rank = a.rank
        tuple = a.tuple
        self.blocks = blocks.map(\.label)
        encoderEntries = a.encoder.row.count
        decoderEntries = a.decoder.row.count
    }

    enum CodingKeys: String, CodingKey {
        case parameters, tuple, rank, blocks
        case denseParameters = "dense_parameters"
        case encoderEntries = "encoder_entries"
        case decoderEntries = "decoder_entries"
    }

    var table: String {
        keyValueTable([
            ("tuple", formatGroupTuple(tuple, labels: blocks)),
            ("encoder", "\(rank)×n in pixel coordinates, \(encoderEntries) weighted entries"),
            ("decoder", "n×\(rank) in pixel coordinates, \(decoderEntries) weighted entries"),
            ("parameters", "\(parameters) vs \(denseParameters) dense"),
        ])
    }
}
