import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// A component's weight-sharing autoencoder: one permutation's ±1 masks in the Q_σ basis, or a group's weighted
/// entries on the points.
struct MaskReport: Report {
    let parameters: Int
    let denseParameters: Int
    let rank: Int
    let tuple: [Int]
    let blocks: [String]
    let encoderShape: [Int]
    let decoderShape: [Int]
    let encoderParameters: Int
    let decoderParameters: Int
    let encoderEntries: Int
    let decoderEntries: Int
    let coordinates: String
    let keyed: Bool

    init(_ a: ComponentArchitecture, patterns: ComponentArchitecture.Patterns, component: EquivariantComponent) {
        parameters = a.parameterCount
        denseParameters = component.denseParameterCount
        rank = a.rank
        tuple = a.tuple
        blocks = a.frame.blocks.map(\.label)
        encoderShape = [a.encoder.rows, a.encoder.columns]
        decoderShape = [a.decoder.rows, a.decoder.columns]
        encoderParameters = a.parameterCount / 2
        decoderParameters = a.parameterCount / 2
        switch patterns {
        case .masks:
            (encoderEntries, decoderEntries) = (a.encoder.row.count, a.decoder.row.count)
            coordinates = "Q basis"
            keyed = false
        case .points(let encoder, let decoder):
            (encoderEntries, decoderEntries) = (encoder.row.count, decoder.row.count)
            coordinates = "points"
            keyed = true
        }
    }

    enum CodingKeys: String, CodingKey {
        case parameters, tuple, rank, blocks, coordinates
        case denseParameters = "dense_parameters"
        case encoderShape = "encoder_shape"
        case decoderShape = "decoder_shape"
        case encoderParameters = "encoder_parameters"
        case decoderParameters = "decoder_parameters"
        case encoderEntries = "encoder_entries"
        case decoderEntries = "decoder_entries"
    }

    var table: String {
        let shapes = (
            encoderShape.map(String.init).joined(separator: "×"), decoderShape.map(String.init).joined(separator: "×")
        )
        let encoder: String
        let decoder: String
        if keyed {
            encoder = "\(shapes.0) on the points, \(encoderEntries) weighted entries"
            decoder = "\(shapes.1) on the points, \(decoderEntries) weighted entries"
        } else {
            encoder = "\(shapes.0) in the Q_σ basis, \(encoderParameters) free parameters"
            decoder = "\(shapes.1) in the Q_σ basis, \(decoderParameters) free parameters"
        }
        return keyValueTable([
            ("tuple", keyed ? formatGroupTuple(tuple, labels: blocks) : tuple.map(String.init).joined(separator: ",")),
            ("encoder", encoder),
            ("decoder", decoder),
            ("parameters", "\(parameters) vs \(denseParameters) dense"),
        ])
    }
}
