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
        if let path = out { try requireOutputFile(path, ["npz", "safetensors"]) }
    }

    func run() throws {
        let group = try generators.group()
        let layer = try EquivariantLayer(group: group, inputPower: inPower, outputPower: outPower)
        if let path = out {
            try (try ArchitectureExport.layerArchive(layer)).write(toFile: path)
            wrote([path])
        }
        try emit(LayerReport(layer), output)
    }
}

struct LayerReport: Report {
    let parameters: Int
    let shape: [Int]
    let n: Int
    let inPower: Int
    let outPower: Int
    let method: String
    let denseEntries: BigInteger

    init(_ layer: EquivariantLayer) {
        parameters = layer.parameterCount
        shape = layer.shape
        n = layer.group.degree
        inPower = layer.inputPower
        outPower = layer.outputPower
        method = layer.method
        denseEntries = layer.denseEntries
    }

    enum CodingKeys: String, CodingKey {
        case parameters, shape, n, method
        case inPower = "in_power"
        case outPower = "out_power"
        case denseEntries = "dense_entries"
    }

    var table: String {
        let places = inPower + outPower == 1 ? "the 1 place" : "the \(inPower + outPower) places"
        let matrix =
            shape.allSatisfy { $0 < Int.max } ? "\(shape[0])×\(shape[1])" : "\(n)^\(outPower)×\(n)^\(inPower)"
        let how = [
            "set-partitions": "set partitions of \(places): S_n's orbits, the same at every n",
            "listed": "orbits of G on index pairs, listed",
            "burnside": "orbits of G on index pairs, counted by Burnside's lemma",
        ]
        return keyValueTable([
            ("layer", "R^{\(n)^\(inPower)} → R^{\(n)^\(outPower)}, matrix \(matrix)"),
            ("parameters", "\(parameters) vs \(denseEntries.grouped) dense"),
            ("orbits", how[method] ?? method),
        ])
    }
}
