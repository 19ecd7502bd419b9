import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

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
