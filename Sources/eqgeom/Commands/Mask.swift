import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom mask`: the weight-sharing encoder/decoder of a component, in the Q_σ basis (MATH.md §4.4).
struct Mask: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Weight-sharing masks of a component's autoencoder; export as .npz or .json.")

    @OptionGroup var action: ActionOptions
    @Option(help: "Rank bound r, 0 ≤ r ≤ n.") var rank: Int
    @Option(help: "The component's tuple: positional or keyed (l/m=t).") var tuple: String
    @Option(help: "Write the architecture: FILE.npz (NumPy) or FILE.json (docs/formats.md).") var out: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let sigma = try action.permutation() else {
            throw ValidationError("masks need the permutation itself: use --perm or an image action, not --cycle-type")
        }
        let v = try EquivariantVariety(permutation: sigma, rank: rank)
        let arch = try ComponentArchitecture(try v.component(try v.structure.parseTuple(tuple)))
        if let path = out {
            let layout = try BasisLayout(sigma)
            try writeArchitecture(
                to: path, npz: { try ArchitectureExport.maskArchive(arch, layout: layout) },
                json: { ArchitectureExport.MaskDocument(arch, layout: layout) })
        }
        try emit(MaskReport(arch), json: output.json)
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

/// Writes an architecture as `.npz` or `.json`, chosen by the file name.
func writeArchitecture(to path: String, npz: () throws -> NumPyArchive, json: () -> some Encodable) throws {
    if path.hasSuffix(".npz") {
        try npz().write(to: path)
    } else if path.hasSuffix(".json") {
        try writeJSON(json(), to: path)
    } else {
        throw ValidationError("--out must end in .npz or .json, got '\(path)'")
    }
}

/// Writes any Encodable as JSON.
func writeJSON(_ value: some Encodable, to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard FileManager.default.createFile(atPath: path, contents: try encoder.encode(value)) else {
        throw ValidationError("cannot write \(path)")
    }
}
