import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom basis`: Q_σ, numeric with its errors, exact with a certificate (MATH.md §5).
struct Basis: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The real orthogonal basis Q_σ: errors, exact certificate, export.")

    @OptionGroup var action: PermutationOptions
    @OptionGroup var generators: GeneratorOptions
    @Flag(help: "Build the exact basis B (cyclotomic entries) and D = BᵀB.") var exact = false
    @Flag(help: "Check BᵀB = D and BᵀP_σB = D·J exactly (implies --exact).") var certify = false
    @Flag(help: "With --certify: check every cycle, not one per cycle length.") var everyCycle = false
    @Option(
        help: ArgumentHelp(
            "Write the dense Q: FILE.npy (n×n float64) or FILE.npz (Q with n, format version, index base); "
                + "for a group also FILE.json (the exact basis, re-checkable by python/eqgeom_certify.py)."))
    var out: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if everyCycle && !certify { throw ValidationError("--every-cycle goes with --certify") }
        if let path = out { try requireExtension(path, ["npy", "npz", "json"]) }
        if everyCycle && (generators.given || action.moveCount >= 2) {
            throw ValidationError("--every-cycle is for one permutation; a group's certificate checks every orbit")
        }
    }

    func run() throws {
        if let group = try action.group(with: generators) { return try runGroup(group) }
        if let path = out, path.hasSuffix(".json") {
            throw ValidationError("--out FILE.json is the exact basis of a group; for one permutation use .npy or .npz")
        }
        try action.requireMemory(bytesPerPoint: BasisLayout.bytesPerPoint + 16, for: "the basis Q_σ")
        let sigma = try action.requiredPermutation()
        let layout = try BasisLayout(sigma)
        if out != nil { try NumericBasis.requireMemory(layout) }
        var report = BasisReport(n: layout.degree)
        let quality = BasisQuality(layout)
        report.orthogonalityError = quality.orthogonalityError
        report.blockError = quality.blockError
        report.orthogonalityErrorMax = quality.orthogonalityErrorMax
        report.blockErrorMax = quality.blockErrorMax
        report.errorMethod = quality.method
        if exact || certify {
            let norms = try ExactBasis(sigma).squaredNorms.map(\.description)
            report.squaredNorms = Dictionary(grouping: norms, by: { $0 }).mapValues(\.count)
        }
        if certify {
            if layout.degree > 10_000 { progress("certifying Q_σ exactly for n = \(layout.degree)…") }
            let cert = try BasisCertificate(ExactBasis(sigma), everyCycle: everyCycle)
            report.certified = cert.holds
            report.checkedEntries = cert.checkedEntries
            report.failures = cert.failures
        }
        if let path = out {
            // written last, after every check passed, so a refusal leaves no file behind
            guard report.certified != false else { throw ValidationError("the certificate fails; \(path) not written") }
            let q = try NumericBasis(layout)
            if path.hasSuffix(".npz") {
                var archive = ArchitectureExport.basisArchive(layout)
                archive.add("Q", NumPyArray(float64: q.matrix, shape: [layout.degree, layout.degree]))
                try archive.write(to: path)
            } else {
                try NumPyArray(float64: q.matrix, shape: [layout.degree, layout.degree]).write(to: path)
            }
            wrote([path])
        }
        try emit(report, output)
    }
}
