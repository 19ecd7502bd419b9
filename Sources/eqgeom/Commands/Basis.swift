import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom basis`: Q_σ, numeric with its errors, exact with a certificate (MATH.md §5).
struct Basis: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The real orthogonal basis Q_σ: errors, exact certificate, export.")

    @OptionGroup var action: ActionOptions
    @Flag(help: "Build the exact basis B (cyclotomic entries) and D = BᵀB.") var exact = false
    @Flag(help: "Check BᵀB = D and BᵀP_σB = D·J exactly (implies --exact).") var certify = false
    @Flag(help: "With --certify: check every cycle, not one per cycle length.") var everyCycle = false
    @Option(help: "Write the dense Q_σ as a NumPy .npy file (n×n float64).") var out: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let sigma = try action.permutation() else {
            throw ValidationError("Q_σ needs the permutation itself: use --perm or an image action, not --cycle-type")
        }
        let layout = try BasisLayout(sigma)
        var report = BasisReport(n: layout.degree)
        let quality = BasisQuality(layout)
        report.orthogonalityError = quality.orthogonalityError
        report.blockError = quality.blockError
        report.orthogonalityErrorMax = quality.orthogonalityErrorMax
        report.blockErrorMax = quality.blockErrorMax
        report.errorMethod = quality.method
        if let path = out {
            let q = try quality.dense ?? NumericBasis(layout)  // rethrows the size refusal with its advice
            try NumPyArray(float64: q.matrix, shape: [layout.degree, layout.degree]).write(to: path)
        }
        if exact || certify {
            report.squaredNorms = Dictionary(grouping: try ExactBasis(sigma).squaredNorms.map(\.description), by: { $0 })
                .mapValues(\.count)
        }
        if certify {
            if layout.degree > 10_000 { progress("certifying Q_σ exactly for n = \(layout.degree)…") }
            let cert = try BasisCertificate(try ExactBasis(sigma), everyCycle: everyCycle)
            report.certified = cert.holds
            report.checkedEntries = cert.checkedEntries
            report.failures = cert.failures
        }
        try emit(report, json: output.json)
    }
}

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
