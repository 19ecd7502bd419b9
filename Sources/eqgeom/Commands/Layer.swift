import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom layer`: G-equivariant maps between tensor powers, as tied-weight index tensors (MATH.md §6).
struct Layer: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Equivariant linear layers R^{n^p} → R^{n^q} for any permutation group (orbitals).")

    @OptionGroup var generators: GroupOptions
    @Option(help: "Tensor power p of the input.") var inPower: Int = 1
    @Option(help: "Tensor power q of the output (0: invariants).") var outPower: Int = 1
    @Option(help: "Write index, bias_index and generators as FILE.npz or FILE.safetensors.") var out: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let path = out { try requireExtension(path, ["npz", "safetensors"]) }
    }

    func run() throws {
        let group = try generators.group()
        let layer = try EquivariantLayer(group: group, inputPower: inPower, outputPower: outPower)
        if let path = out {
            try (try ArchitectureExport.layerArchive(layer)).write(toFile: path)
            wrote([path])
        }
        try emit(
            LayerReport(
                parameters: layer.parameterCount, shape: layer.shape, n: group.degree, inPower: inPower,
                outPower: outPower), output)
    }
}

struct LayerReport: Report {
    let parameters: Int
    let shape: [Int]
    let n: Int
    let inPower: Int
    let outPower: Int
    enum CodingKeys: String, CodingKey {
        case parameters, shape, n
        case inPower = "in_power"
        case outPower = "out_power"
    }
    var table: String {
        keyValueTable([
            ("layer", "R^{\(n)^\(inPower)} → R^{\(n)^\(outPower)}, matrix \(shape[0])×\(shape[1])"),
            ("parameters", "\(parameters) (orbits of G on index pairs) vs \(shape[0] * shape[1]) dense"),
        ])
    }
}
