import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

struct BasisReport: Report {
    let n: Int
    var orthogonalityError = 0.0, blockError = 0.0
    var orthogonalityErrorMax: Double? = nil, blockErrorMax: Double? = nil
    var errorMethod = ""
    var certified: Bool? = nil
    var checkedEntries: Int? = nil
    var failures: [String]? = nil
    /// Multiset of the diagonal of D = BᵀB: value → how many columns.
    var squaredNorms: [String: Int]? = nil

    init(n: Int) { self.n = n }

    enum CodingKeys: String, CodingKey {
        case n, certified, failures
        case orthogonalityError = "orthogonality_error"
        case blockError = "block_error"
        case orthogonalityErrorMax = "orthogonality_error_max"
        case blockErrorMax = "block_error_max"
        case errorMethod = "error_method"
        case checkedEntries = "checked_entries"
        case squaredNorms = "squared_norms"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(n, forKey: .n)
        try c.encode(orthogonalityError, forKey: .orthogonalityError)
        try c.encode(blockError, forKey: .blockError)
        try c.encodeIfPresent(orthogonalityErrorMax, forKey: .orthogonalityErrorMax)
        try c.encodeIfPresent(blockErrorMax, forKey: .blockErrorMax)
        try c.encode(errorMethod, forKey: .errorMethod)
        try c.encode(certified, forKey: .certified)  // null when not requested
        try c.encodeIfPresent(checkedEntries, forKey: .checkedEntries)
        try c.encodeIfPresent(failures, forKey: .failures)
        try c.encodeIfPresent(squaredNorms, forKey: .squaredNorms)
    }

    var table: String {
        var rows: [(String, String)] = [
            ("n", "\(n)"),
            ("‖QᵀQ − I‖_F", "\(orthogonalityError)"),
            ("‖QᵀPQ − J‖_F", "\(blockError)"),
            ("errors from", errorMethod),
        ]
        if let norms = squaredNorms {
            rows.append(
                ("D = BᵀB", norms.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")))
        }
        if let c = certified {
            rows.append(
                (
                    "exact certificate",
                    c ? "holds (\(checkedEntries ?? 0) entries checked)" : "FAILS: \(failures?.first ?? "")"
                ))
        }
        return keyValueTable(rows)
    }
}
