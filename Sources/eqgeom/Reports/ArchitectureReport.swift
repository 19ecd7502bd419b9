import CommandLineSupport
import Algebra
import Geometry
import NumericBridge

/// `architecture`: a deep equivariant network, its function space and critical points, designs, training
/// (docs/cli.md).
struct ArchitectureReport: Report {
    struct Design: Encodable {
        let tuple: [Int]
        let moduleWidth: Int
        let moduleParameters: Int
        let channels: Int
        let channelParameters: Int
        let cycles: [Int]?
        let cycleParameters: Int?

        enum CodingKeys: String, CodingKey {
            case tuple, channels, cycles
            case moduleWidth = "module_width"
            case moduleParameters = "module_parameters"
            case channelParameters = "channel_parameters"
            case cycleParameters = "cycle_parameters"
        }
    }

    struct Training: Encodable {
        let loss: Double
        let optimum: Double
        let lossError: Double
        let relativeGap: Double
        let steps: Int

        enum CodingKeys: String, CodingKey {
            case loss, optimum, steps
            case lossError = "loss_error"
            case relativeGap = "relative_gap"
        }
    }

    let blocks: [String]
    let depth: Int
    let widths: [Int]
    let hidden: [[Int]]
    let parameters: Int
    let bottleneck: [Int]
    let rank: Int
    let dimension: Int
    let edDegree: BigInteger
    let pure: BigInteger
    let spurious: BigInteger
    let vanishingLayersCritical: Bool
    let design: Design?
    let training: Training?

    init(_ net: DeepEquivariantNetwork, labels: [String], design d: NetworkDesign?, training t: DeepAdamModel?) throws {
        blocks = labels
        depth = net.depth
        widths = net.widths
        hidden = net.hidden
        parameters = net.parameterCount
        bottleneck = net.bottleneck
        rank = net.rank
        let space = net.functionSpace
        dimension = space.dimension
        edDegree = try space.edDegree
        let critical = try space.criticalPoints
        pure = critical.pure
        spurious = critical.spurious
        vanishingLayersCritical = net.depth >= 3
        design = d.map { d in
            Design(
                tuple: d.tuple, moduleWidth: d.module.widths.dropFirst().first ?? 0,
                moduleParameters: d.module.parameterCount, channels: d.channels,
                channelParameters: d.channelNetwork.parameterCount,
                cycles: d.cycles.map { c in c.lengths.parts.flatMap { Array(repeating: $0.length, count: $0.count) } },
                cycleParameters: d.cycles?.network.parameterCount)
        }
        training = t.map {
            Training(
                loss: $0.loss, optimum: $0.optimum, lossError: $0.lossError, relativeGap: $0.relativeGap,
                steps: $0.steps)
        }
    }

    enum CodingKeys: String, CodingKey {
        case blocks, depth, widths, hidden, parameters, bottleneck, rank, dimension, pure, spurious, design, training
        case edDegree = "ed_degree"
        case vanishingLayersCritical = "vanishing_layers_critical"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(blocks, forKey: .blocks)
        try c.encode(depth, forKey: .depth)
        try c.encode(widths, forKey: .widths)
        try c.encode(hidden, forKey: .hidden)
        try c.encode(parameters, forKey: .parameters)
        try c.encode(bottleneck, forKey: .bottleneck)
        try c.encode(rank, forKey: .rank)
        try c.encode(dimension, forKey: .dimension)
        try c.encode(edDegree, forKey: .edDegree)
        try c.encode(pure, forKey: .pure)
        try c.encode(spurious, forKey: .spurious)
        try c.encode(vanishingLayersCritical, forKey: .vanishingLayersCritical)
        try c.encode(design, forKey: .design)  // null for a given network
        try c.encode(training, forKey: .training)  // null without --train
    }

    var table: String {
        func keyed(_ t: [Int]) -> String {
            let pairs = zip(blocks, t).filter { blocks.count <= 16 || $0.1 != 0 }
            return pairs.map { "\($0)=\($1)" }.joined(separator: ",")
        }
        var rows: [(String, String)] = [
            ("layers", "\(depth): widths " + widths.map(String.init).joined(separator: " → ")),
            ("parameters", "\(parameters) (one D-matrix per block and layer)"),
            ("bottleneck t", keyed(bottleneck) + " (rank \(rank))"),
            ("function space", "V_t: dimension \(dimension), ED degree \(edDegree.grouped)"),
            ("critical functions", "\(pure.grouped) pure, \(spurious.grouped) spurious (rank drops)"),
        ]
        if vanishingLayersCritical {
            rows.append(("also critical", "every parameter with two vanishing layers on a block, for all data"))
        }
        if let d = design {
            rows.append(("design for", keyed(d.tuple)))
            rows.append(
                ("  as a G-module", "width \(d.moduleWidth) per hidden layer, \(d.moduleParameters) parameters"))
            rows.append(
                (
                    "  as channels",
                    "\(d.channels) of the input G-set per hidden layer, \(d.channelParameters) parameters"
                ))
            if let cycles = d.cycles, let p = d.cycleParameters {
                let text = cycles.isEmpty ? "no points" : cycles.map(String.init).joined(separator: ",")
                rows.append(("  as a ⟨σ⟩-set", "cycles \(text) (\(cycles.reduce(0, +)) points), \(p) parameters"))
            }
        }
        if let t = training {
            // a gap below the losses' rounding bound is not resolved: say so instead of printing rounding noise
            let resolved = abs(t.loss - t.optimum) > t.lossError
            let gap = resolved ? String(format: "relative gap %.2e", t.relativeGap) : "no gap beyond rounding"
            rows.append(
                (
                    "Adam",
                    String(
                        format: "loss %.10g after %d steps; exact optimum %.10g (%@, ±%.1e)", t.loss, t.steps,
                        t.optimum, gap, t.lossError)
                ))
        }
        return keyValueTable(rows)
    }
}
