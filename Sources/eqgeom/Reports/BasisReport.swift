import CommandLineSupport
import Foundation
import Geometry
import NumericBridge

/// `eqgeom basis`'s report: the blocks, Q's measured errors, the exact certificate (null when not requested).
struct BasisReport: Report {
    let analysis: BasisAnalysis

    init(_ analysis: BasisAnalysis) { self.analysis = analysis }

    enum CodingKeys: String, CodingKey {
        case n, blocks, orbitals, certified, failures
        case orthogonalityError = "orthogonality_error"
        case blockError = "block_error"
        case orthogonalityErrorMax = "orthogonality_error_max"
        case blockErrorMax = "block_error_max"
        case errorMethod = "error_method"
        case entryError = "entry_error"
        case checkedEntries = "checked_entries"
        case squaredNorms = "squared_norms"
        case floatingBlocks = "floating_blocks"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let a = analysis
        try c.encode(a.degree, forKey: .n)
        try c.encode(a.blocks, forKey: .blocks)
        try c.encode(a.orbitals, forKey: .orbitals)
        try c.encodeIfPresent(a.frobeniusErrors?.orthogonality, forKey: .orthogonalityError)
        try c.encodeIfPresent(a.frobeniusErrors?.block, forKey: .blockError)
        try c.encode(a.orthogonalityErrorMax, forKey: .orthogonalityErrorMax)
        try c.encode(a.blockErrorMax, forKey: .blockErrorMax)
        try c.encode(a.errorMethod, forKey: .errorMethod)
        try c.encodeIfPresent(a.entryError, forKey: .entryError)
        // null when the certificate was not requested
        try c.encode(a.certificate?.holds, forKey: .certified)
        try c.encode(a.certificate?.checkedEntries, forKey: .checkedEntries)
        try c.encode(a.certificate?.failures, forKey: .failures)
        try c.encodeIfPresent(a.squaredNorms, forKey: .squaredNorms)
        if let floating = a.certificate?.floatingBlocks, !floating.isEmpty {
            try c.encode(floating, forKey: .floatingBlocks)
        }
    }

    var table: String {
        let a = analysis
        var rows: [(String, String)] = [("n", "\(a.degree)"), ("orbitals", "\(a.orbitals) = dim End_G(ℝ^n)")]
        if a.blocks.count <= 24 {
            for b in a.blocks { rows.append((b.label, Self.describe(b))) }
        } else {
            rows.append(("blocks", "\(a.blocks.count) (the JSON lists them)"))
        }
        if let f = a.frobeniusErrors {
            rows += [("‖QᵀQ − I‖_F", "\(f.orthogonality)"), ("‖QᵀPQ − J‖_F", "\(f.block)")]
        }
        if let e = a.orthogonalityErrorMax { rows.append(("max |QᵀQ − I|", "\(e)")) }
        if let e = a.blockErrorMax { rows.append(("max |P_s Q − Q M_s|", "\(e)")) }
        rows.append(("errors from", a.errorMethod))
        if let e = a.entryError {
            let exactness =
                a.blocks.first?.model == "characters"
                ? "cos/sin of reduced arguments" : "certified enclosures"
            rows.append(("entries of Q", "within \(e) of the exact values (\(exactness))"))
        }
        if let norms = a.squaredNorms {
            rows.append(
                ("Δ = BᵀB", norms.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")))
        }
        if let c = a.certificate {
            rows.append(
                (
                    "exact certificate",
                    c.holds ? "holds (\(c.checkedEntries) entries checked)" : "FAILS: \(c.failures.first ?? "")"
                ))
        }
        return keyValueTable(rows)
    }

    static func describe(_ b: BasisAnalysis.Block) -> String {
        let shape = "\(b.type)\(b.weight)×\(b.multiplicity)"
        switch b.field {
        case "cyclotomic": return "\(shape), closed form (cyclotomic entries)"
        case "characters": return "\(shape), a character (pair) of the abelian group"
        case "floating": return "\(shape), no exact model: floating basis"
        default: return "\(shape) over \(b.field == "x" ? "ℚ" : "ℚ[x]/(\(b.field))"); model from \(b.model)"
        }
    }
}
