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
    @Option(help: "Rank bound r, 0 ≤ r ≤ n.") var rank: Int
    @Option(help: "The component's tuple: positional or keyed (l/m=t).") var tuple: String
    @Option(help: "Write the architecture: FILE.npz (NumPy) or FILE.json (docs/formats.md).") var out: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let path = out { try requireExtension(path, ["npz", "json"]) }
    }

    func run() throws {
        try action.requireMemory(bytesPerPoint: BasisLayout.bytesPerPoint + 16, for: "the basis Q_σ")
        let sigma = try action.requiredPermutation()
        let v = try EquivariantVariety(permutation: sigma, rank: rank)
        let arch = try ComponentArchitecture(try v.component(try v.structure.parseTuple(tuple)))
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
