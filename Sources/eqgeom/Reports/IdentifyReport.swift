import CommandLineSupport
import Foundation
import Algebra
import Geometry
import NumericBridge

/// What `eqgeom identify` prints (docs/cli.md, "identify").
struct IdentifyReport: Report {
    struct BlockEntry: Encodable {
        let block: String
        let field: String
        let weight: Int
        let size: Int
        let rank: Int
        let singularValues: [Double]
        let kept: Double?
        let dropped: Double?
        /// kept/dropped, nil when either is missing or nothing non-zero is dropped.
        let gap: Double?
        enum CodingKeys: String, CodingKey {
            case block, field, weight, size, rank, kept, dropped, gap
            case singularValues = "singular_values"
        }
    }

    struct OptimumEntry: Encodable {
        let samples: Int
        let loss: Double
        let optimumLoss: Double
        let optimumLossError: Double
        let excess: Double
        let distance: Double
        enum CodingKeys: String, CodingKey {
            case samples, loss, excess, distance
            case optimumLoss = "optimum_loss"
            case optimumLossError = "optimum_loss_error"
        }
    }

    let file: String
    let n: Int
    let dtype: String
    let norm: Double
    let commutatorDefect: Double
    let equivariantDistance: Double
    let equivariant: Bool
    let tolerance: Double
    let noiseFloor: Double
    let threshold: Double
    let spectralNorm: Double
    let tuple: [Int]
    let rank: Int
    let componentIndex: BigInteger
    let stableTolerances: [Double]
    let blocks: [BlockEntry]
    let optimum: OptimumEntry?

    enum CodingKeys: String, CodingKey {
        case file, n, dtype, norm, equivariant, tolerance, threshold, tuple, rank, blocks, optimum
        case noiseFloor = "noise_floor"
        case commutatorDefect = "commutator_defect"
        case equivariantDistance = "equivariant_distance"
        case spectralNorm = "spectral_norm"
        case componentIndex = "component_index"
        case stableTolerances = "stable_tolerances"
    }

    init(
        _ id: WeightIdentification, weights w: WeightMatrix, file: String, index: BigInteger, optimum: OptimumDistance?
    ) {
        self.file = file
        n = w.n
        dtype = w.dtype
        norm = id.norm
        commutatorDefect = id.commutatorDefect
        equivariantDistance = id.equivariantDistance
        equivariant = id.isEquivariant
        tolerance = id.tolerance
        noiseFloor = id.noiseFloor
        threshold = id.threshold
        spectralNorm = id.spectralNorm
        tuple = id.tuple
        rank = id.rank
        componentIndex = index
        stableTolerances = [id.stableTolerances.lower, id.stableTolerances.upper]
        blocks = id.blocks.map { b in
            let gap = b.kept.flatMap { kept in b.dropped.flatMap { $0 > 0 ? kept / $0 : nil } }
            return BlockEntry(
                block: b.label, field: b.type.rawValue, weight: b.weight, size: b.multiplicity, rank: b.rank,
                singularValues: b.singularValues, kept: b.kept, dropped: b.dropped, gap: gap)
        }
        self.optimum = optimum.map {
            OptimumEntry(
                samples: $0.samples, loss: $0.loss, optimumLoss: $0.optimumLoss, optimumLossError: $0.optimumLossError,
                excess: $0.excess, distance: $0.distance)
        }
    }

    var table: String {
        let verdict =
            equivariant
            ? "equivariant (within the tolerance)" : "NOT equivariant: the component below is that of π(W)"
        var rows: [(String, String)] = [
            ("weights", "\(file) (\(n)×\(n) \(dtype), ‖W‖_F = \(short(norm)))"),
            ("commutator", "max_g ‖P_g W P_gᵀ − W‖_F / ‖W‖_F = \(short(commutatorDefect))"),
            ("distance", "‖W − π(W)‖_F / ‖W‖_F = \(short(equivariantDistance)) → \(verdict)"),
            ("tolerance", "τ = \(short(tolerance)); noise floor 2‖W − π(W)‖_F/√n = \(short(noiseFloor))"),
            ("threshold", "ranks count singular values above \(short(threshold)) (‖π(W)‖₂ = \(short(spectralNorm)))"),
            ("component", "(" + tuple.map(String.init).joined(separator: ",") + "), rank \(rank)"),
            ("index", "\(componentIndex.grouped) among the components of E_\(rank)"),
            (
                "stable",
                "same tuple for thresholds in [\(short(stableTolerances[0])), \(short(stableTolerances[1])))·‖π(W)‖₂"
            ),
        ]
        if let o = optimum {
            rows += [
                ("data", "\(o.samples) samples"),
                ("loss of W", String(format: "%.6f", o.loss)),
                (
                    "optimum",
                    formatLoss(o.optimumLoss, error: o.optimumLossError) + " (exact optimum of this component)"
                ),
                ("excess", short(o.excess)),
                ("‖W − W*‖/‖W*‖", short(o.distance)),
            ]
        }
        let blockRows = blocks.map { b -> [String] in
            [
                b.block, b.field, "\(b.size)", "\(b.rank)", b.kept.map(short) ?? "-", b.dropped.map(short) ?? "-",
                b.gap.map(short) ?? (b.kept != nil && b.dropped == 0 ? "∞" : "-"),
            ]
        }
        return keyValueTable(rows) + "\n\n"
            + columnTable(["block", "field", "size", "rank", "smallest kept", "largest dropped", "gap"], blockRows)
    }
}

/// A float in four significant digits.
private func short(_ x: Double) -> String { String(format: "%.4g", x) }
