import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry

struct LConvReport: Report {
    struct Check: Encodable {
        let equivariant: Bool
        let commutatorDefect: String
        enum CodingKeys: String, CodingKey {
            case equivariant
            case commutatorDefect = "commutator_defect"
        }
    }
    let generators: Int
    let dimension: Int
    let parameters: Int
    let centralizerDimension: Int
    let lieClosureDimension: Int
    let abelian: Bool
    /// nil past `LieClosure.largestDetailed` unless the closure is a full gl(d), sl(d) or so(d).
    let killingFormRank: Int?
    /// The first `listedConstants` nonzero f_ij^k; nil past `LieClosure.largestDetailed`.
    let structureConstants: [[String]]?
    /// How many nonzero f_ij^k there are (more than listed when over `listedConstants`).
    let structureConstantCount: Int?
    var equivariantUnder: Check?

    static let listedConstants = 10_000

    enum CodingKeys: String, CodingKey {
        case generators, dimension, parameters, abelian
        case centralizerDimension = "centralizer_dimension"
        case lieClosureDimension = "lie_closure_dimension"
        case killingFormRank = "killing_form_rank"
        case structureConstants = "structure_constants"
        case structureConstantCount = "structure_constant_count"
        case equivariantUnder = "equivariant_under"
    }

    var table: String {
        var rows: [(String, String)] = [
            ("generators", "\(generators) on \(dimension) points (L_0 = I added)"),
            ("parameters", "\(parameters)"),
            ("centraliser", "\(centralizerDimension) (the maps the layer commutes with, for every weight)"),
            (
                "Lie closure",
                "\(lieClosureDimension)\(abelian ? " (abelian)" : ""), Killing form rank "
                    + (killingFormRank.map(String.init) ?? "not computed past dimension \(LieClosure.largestDetailed)")
            ),
        ]
        if let check = equivariantUnder {
            rows.append(
                (
                    "equivariant",
                    check.equivariant
                        ? "yes" : "no (max ‖[L_i, P]‖²_F = \(check.commutatorDefect))"
                ))
        }
        return keyValueTable(rows)
    }
}
