import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

/// `eqgeom basis`: the adapted basis of one permutation (Q_σ, MATH.md §5) or a group (MATH.md §8.5), numeric with
/// its errors, exact with a certificate, exported.
struct Basis: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The orthogonal adapted basis Q: errors, exact basis and certificate, export.")

    @OptionGroup var action: PermutationOptions
    @OptionGroup var generators: GeneratorOptions
    @Flag(help: "Build the exact basis B and Δ = BᵀB.") var exact = false
    @Flag(help: "Check the exact basis's identities exactly (implies --exact).") var certify = false
    @Flag(help: "With --certify: check every cycle, not one per cycle length.") var everyCycle = false
    @Option(
        help: ArgumentHelp(
            "Write the dense Q: FILE.npy (n×n float64) or FILE.npz (Q with n, format version, index base); "
                + "for a group also FILE.json (the exact basis, re-checkable by python/eqgeom_certify.py) or "
                + "FILE.g (the same in GAP syntax: GAP's Read defines eqgeomBasis)."))
    var out: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if everyCycle && !certify { throw ValidationError("--every-cycle goes with --certify") }
        if let path = out { try requireOutputFile(path, ["npy", "npz", "json", "g"]) }
        let isGroup = generators.given || action.moveCount >= 2
        if everyCycle && isGroup {
            throw ValidationError("--every-cycle is for one permutation; a group's certificate checks every orbit")
        }
        if !isGroup, let path = out, path.hasSuffix(".json") || path.hasSuffix(".g") {
            throw ValidationError(
                "--out FILE.json or FILE.g is the exact basis of a group; for one permutation use .npy or .npz")
        }
    }

    func run() throws {
        var request = BasisAnalysis.Request()
        request.exact = exact
        request.certify = certify
        request.everyOrbit = everyCycle
        let exactFile = out.map { $0.hasSuffix(".json") || $0.hasSuffix(".g") } ?? false
        request.exactExport = exactFile
        let dense = out != nil && !exactFile
        let analysis: BasisAnalysis
        if let group = try action.group(with: generators) {
            if dense { try BasisAnalysis.requireDenseQ(degree: group.degree) }
            analysis = try BasisAnalysis(group, request, progress: { progress($0) })
        } else {
            try action.requireMemory(bytesPerPoint: BasisLayout.bytesPerPoint + 16, for: "the basis Q_σ")
            let sigma = try action.requiredPermutation()
            if dense { try BasisAnalysis.requireDenseQ(degree: sigma.degree) }
            analysis = try BasisAnalysis(sigma, request, progress: { progress($0) })
        }
        if let path = out {
            // written last, after every check passed, so a refusal leaves no file behind
            guard analysis.certificate?.holds != false else {
                throw ValidationError("the certificate fails; \(path) not written")
            }
            if let document = analysis.exactDocument, path.hasSuffix(".json") {
                try OutputFile.write(jsonBytes(document), to: path)
            } else if let document = analysis.exactDocument, path.hasSuffix(".g") {
                let text = "eqgeomBasis := " + (try GAPRecord.text(json: try jsonBytes(document))) + ";\n"
                try OutputFile.write(Array(text.utf8), to: path)
            } else {
                try analysis.write(to: path)
            }
            wrote([path])
        }
        try emit(BasisReport(analysis), output)
    }
}
