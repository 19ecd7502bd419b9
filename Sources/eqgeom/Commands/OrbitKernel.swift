import ArgumentParser
import Foundation
import Algebra
import NumericBridge

/// `eqgeom orbit-kernel`: kernel regression on the orbits of seeds under one permutation (Perin & Deny; SEEDS.md
/// §3): circulant defect, block spectra, the paper's spectral error and the exact leave-one-out residuals by a
/// direct solve and by the exact block formula.
struct OrbitKernel: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Kernel regression on orbits of σ: spectral error, exact LOO residuals, block spectra.")

    @OptionGroup var action: PermutationOptions
    @Option(help: ArgumentHelp("Data to pick seeds from (default: the built-in MNIST subset).", valueName: "file"))
    var data: String?
    @Option(help: "Two sample indices (0-based) as the seeds of the two orbits, labelled +1 and −1.") var pair = "0,1"
    @Option(help: "mlp:DEPTH, cnn-flatten, cnn-gap (3×3 windows; image actions), rbf:ℓ; append :nngp for the NNGP.")
    var kernel = "mlp:1"
    @Option(help: "Ridge ρ ≥ 0 added to the kernel's diagonal.") var ridge = 0.0
    @OptionGroup var output: OutputOptions

    /// The kernel matrix has 2N rows, N the order of σ.
    static let largestOrbit = 2048

    func validate() throws {
        guard ridge.isFinite, ridge >= 0 else { throw ValidationError("--ridge must be a finite number ≥ 0") }
    }

    func run() throws {
        let sigma = try action.requiredPermutation()
        let n = sigma.degree
        guard sigma.order <= BigInteger(Self.largestOrbit) else {
            throw ValidationError(
                "σ has order \(sigma.order): orbits longer than \(Self.largestOrbit) points are refused")
        }
        let length = Int(sigma.order.description) ?? 1
        let size = action.image.map { try? parseSize($0, count: 2, flag: "--image") } ?? nil
        guard let choice = KernelChoice(parsing: kernel, height: size?[0] ?? 1, width: size?[1] ?? n) else {
            throw ValidationError(
                "--kernel takes mlp:DEPTH, cnn-flatten, cnn-gap or rbf:ℓ (optionally :nngp), got '\(kernel)'")
        }
        let indices = pair.split(separator: ",").compactMap { Int($0) }
        let set = try TrainingOptions.dataset(path: data, features: n)
        guard indices.count == 2, indices.allSatisfy({ (0..<set.count).contains($0) }), indices[0] != indices[1] else {
            throw ValidationError("--pair takes two different sample indices below \(set.count), got '\(pair)'")
        }
        let images = sigma.images.map { $0 - 1 }
        let orbits = indices.map { i -> [[Double]] in
            var points = [Array(set.values[(i * n)..<((i + 1) * n)])]
            for _ in 1..<length {
                var next = [Double](repeating: 0, count: n)
                for (p, q) in images.enumerated() { next[q] = points[points.count - 1][p] }
                points.append(next)
            }
            return points
        }
        progress("two orbits of \(length) points (\(n) values each): \(kernel) kernel")
        let a = try OrbitKernelAnalysis(orbits: orbits, labels: [1, -1], kernel: choice, ridge: ridge)
        try emit(OrbitKernelReport(a, kernel: kernel, ridge: ridge), output)
    }
}

struct OrbitKernelReport: Report {
    struct Errors: Encodable {
        let a: Double
        let b: Double
        let symmetrized: Double
        enum CodingKeys: String, CodingKey {
            case a = "A"
            case b = "B"
            case symmetrized
        }
        init(_ e: [Double]) {
            a = e[0]
            b = e[1]
            symmetrized = (e[0] - e[1]) / 2
        }
    }
    let orbitLength: Int
    let kernel: String
    let ridge: Double
    let circulantDefect: Double
    let blockSpectra: [[Double]]
    let circularizedSpectrum: [Double]
    let lambdaN: Double
    let meanInverseSpectrum: Double
    let spectralError: Double
    let exactError: Errors
    let blockFormulaError: Errors

    init(_ a: OrbitKernelAnalysis, kernel: String, ridge: Double) {
        orbitLength = a.orbitLength
        self.kernel = kernel
        self.ridge = ridge
        circulantDefect = a.circulantDefect
        blockSpectra = a.blockSpectra
        let spectrum = a.circularizedSpectrum ?? []
        circularizedSpectrum = spectrum
        lambdaN = spectrum.isEmpty ? 0 : spectrum[spectrum.count / 2]
        meanInverseSpectrum = spectrum.reduce(0) { $0 + 1 / $1 } / Double(max(spectrum.count, 1))
        spectralError = a.spectralError ?? 0
        exactError = Errors(a.exactResiduals)
        blockFormulaError = Errors(a.blockResiduals)
    }

    enum CodingKeys: String, CodingKey {
        case kernel, ridge
        case orbitLength = "N"
        case circulantDefect = "circulant_defect"
        case blockSpectra = "block_spectra"
        case circularizedSpectrum = "circularized_spectrum"
        case lambdaN = "lambda_N"
        case meanInverseSpectrum = "mean_inverse_spectrum"
        case spectralError = "spectral_error"
        case exactError = "exact_error"
        case blockFormulaError = "block_formula_error"
    }

    var table: String {
        keyValueTable([
            ("orbits", "2 of N = \(orbitLength) points; kernel \(kernel), ridge \(ridge)"),
            (
                "circulant defect",
                String(format: "%.2e (0: the kernel is invariant and the block formula exact)", circulantDefect)
            ),
            ("spectral error", String(format: "ε = λ_N⁻¹/⟨λ⁻¹⟩ = %.6f (circularised, eq. 7)", spectralError)),
            (
                "exact LOO residual",
                String(
                    format: "A %.6f, B %.6f, symmetrised %.6f (direct solve)", exactError.a, exactError.b,
                    exactError.symmetrized)
            ),
            (
                "block formula",
                String(
                    format: "A %.6f, B %.6f, symmetrised %.6f", blockFormulaError.a, blockFormulaError.b,
                    blockFormulaError.symmetrized)
            ),
        ])
    }
}
