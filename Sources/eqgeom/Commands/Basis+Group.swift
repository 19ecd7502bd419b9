import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom basis` for a permutation group (GROUPS.md §3.4–§3.5): the exact adapted basis B, its certificate,
/// the numeric Q = B·Δ^{−1/2} with measured errors, exports.
extension Basis {
    func runGroup(_ group: PermutationGroup) throws {
        let exactBasis = try AdaptedBasis(group: group, progress: { progress($0) })
        let numeric = try GroupNumericBasis(exactBasis)
        let transform = GroupTransform(numeric)
        var report = GroupBasisReport(exactBasis, numeric: numeric)
        report.orthogonalityError = transform.orthogonalityError
        report.blockError = transform.blockError
        if certify || exact {
            progress("certifying B exactly")
            let certificate = try AdaptedBasisCertificate(exactBasis)
            report.certified = certificate.holds
            report.checkedEntries = certificate.checkedEntries
            report.failures = certificate.failures
        }
        if let path = out {
            guard report.certified != false else { throw ValidationError("the certificate fails; \(path) not written") }
            if path.hasSuffix(".json") {
                try OutputFile.write(jsonBytes(GroupExport.ExactBasisDocument(exactBasis)), to: path)
            } else if path.hasSuffix(".npz") {
                try GroupExport.basisArchive(numeric).write(to: path)
            } else {
                try NumPyArray(float64: try GroupExport.denseQ(numeric), shape: [group.degree, group.degree]).write(
                    to: path)
            }
            wrote([path])
        }
        try emit(report, output)
    }
}

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

    init(_ basis: AdaptedBasis, numeric: GroupNumericBasis) {
        n = basis.degree
        orbitals = basis.orbitalCount
        entryError = numeric.entryError
        blocks = basis.blocks.indices.map { b in
            let block = basis.blocks[b]
            let c = basis.classes[basis.blockClass[b]]
            return BlockEntry(
                label: block.label, type: block.type.rawValue, weight: block.weight, multiplicity: block.multiplicity,
                field: c.model.field.polynomial.description, model: c.modelSource)
        }
    }

    enum CodingKeys: String, CodingKey {
        case n, blocks, orbitals, certified, failures
        case entryError = "entry_error"
        case orthogonalityError = "orthogonality_error_max"
        case blockError = "block_error_max"
        case checkedEntries = "checked_entries"
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
    }

    var table: String {
        var rows: [(String, String)] = [("n", "\(n)"), ("orbitals", "\(orbitals) = dim End_G(ℝ^n)")]
        for b in blocks {
            let field = b.field == "x" ? "ℚ" : "ℚ[x]/(\(b.field))"
            rows.append((b.label, "\(b.type)\(b.weight)×\(b.multiplicity) over \(field); model from \(b.model)"))
        }
        rows += [
            ("max |QᵀQ − I|", "\(orthogonalityError)"),
            ("max |P_s Q − Q M_s|", "\(blockError)"),
            ("entries of Q", "within \(entryError) of the exact values (certified enclosures)"),
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
