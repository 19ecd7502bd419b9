import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

struct GroupBasisReport: Report {
    struct BlockEntry: Encodable {
        let label: String
        let type: String
        let weight: Int
        let multiplicity: Int
        /// The defining polynomial of the block's field (x for ℚ).
        let field: String
        /// Where the model was read.
        let model: String
    }

    let n: Int
    let blocks: [BlockEntry]
    let orbitals: Int
    let entryError: Double
    var orthogonalityError = 0.0
    var blockError = 0.0
    var certified: Bool? = nil
    var checkedEntries: Int? = nil
    var failures: [String]? = nil
    var floatingBlocks: [String]? = nil

    init(_ numeric: GroupNumericBasis, exact basis: AdaptedBasis?) {
        n = numeric.degree
        orbitals = numeric.blocks.reduce(0) {
            $0 + $1.block.type.dimension * $1.block.multiplicity * $1.block.multiplicity
        }
        entryError = numeric.entryError
        blocks = numeric.blocks.indices.map { b in
            let block = numeric.blocks[b].block
            let c = basis.flatMap { $0.blockClass[b] >= 0 ? $0.classes[$0.blockClass[b]] : nil }
            let floating = basis.map { $0.blockClass[b] < 0 } ?? false
            return BlockEntry(
                label: block.label, type: block.type.rawValue, weight: block.weight, multiplicity: block.multiplicity,
                field: c?.model.field.polynomial.description ?? (floating ? "floating" : "characters"),
                model: c?.modelSource ?? (floating ? "none: floating basis" : "characters"))
        }
    }

    enum CodingKeys: String, CodingKey {
        case n, blocks, orbitals, certified, failures
        case entryError = "entry_error"
        case orthogonalityError = "orthogonality_error_max"
        case blockError = "block_error_max"
        case checkedEntries = "checked_entries"
        case floatingBlocks = "floating_blocks"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(n, forKey: .n)
        try c.encode(blocks, forKey: .blocks)
        try c.encode(orbitals, forKey: .orbitals)
        try c.encode(entryError, forKey: .entryError)
        try c.encode(orthogonalityError, forKey: .orthogonalityError)
        try c.encode(blockError, forKey: .blockError)
        try c.encode(certified, forKey: .certified)  // null when not requested
        try c.encodeIfPresent(checkedEntries, forKey: .checkedEntries)
        try c.encodeIfPresent(failures, forKey: .failures)
        try c.encodeIfPresent(floatingBlocks, forKey: .floatingBlocks)
    }

    var table: String {
        var rows: [(String, String)] = [("n", "\(n)"), ("orbitals", "\(orbitals) = dim End_G(ℝ^n)")]
        for b in blocks {
            let field = b.field == "x" ? "ℚ" : "ℚ[x]/(\(b.field))"
            rows.append(
                b.model == "characters"
                    ? (b.label, "\(b.type)\(b.weight)×\(b.multiplicity), a character (pair) of the abelian group")
                    : (b.label, "\(b.type)\(b.weight)×\(b.multiplicity) over \(field); model from \(b.model)"))
        }
        rows += [
            ("max |QᵀQ − I|", "\(orthogonalityError)"),
            ("max |P_s Q − Q M_s|", "\(blockError)"),
            (
                "entries of Q",
                blocks.first?.model == "characters"
                    ? "cos/sin of reduced arguments, within \(entryError) of the exact values"
                    : "within \(entryError) of the exact values (certified enclosures)"
            ),
        ]
        if let c = certified {
            rows.append(
                (
                    "exact certificate",
                    c ? "holds (\(checkedEntries ?? 0) identities checked)" : "FAILS: \(failures?.first ?? "")"
                ))
        }
        return keyValueTable(rows)
    }
}
