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
    @Option(help: "Instead of --pair: two or more sample indices as seeds, e.g. 0,1,2 (with --labels).")
    var seeds: String?
    @Option(help: "Labels of the --seeds orbits, e.g. 1,-1,0.5 (default +1, −1 for two seeds).") var labels: String?
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
        let text = seeds ?? pair
        let flag = seeds == nil ? "--pair" : "--seeds"
        let indices = try parseList(text, flag: flag, what: "sample indices") { Int($0) }
        let set = try TrainingOptions.dataset(path: data, features: n)
        guard indices.count >= 2,
            seeds != nil || indices.count == 2, indices.allSatisfy({ (0..<set.count).contains($0) }),
            Set(indices).count == indices.count
        else {
            throw ValidationError("\(flag) takes different sample indices below \(set.count), got '\(text)'")
        }
        guard indices.count * length <= 4096 else {
            throw ValidationError("\(indices.count) orbits of \(length) points exceed 4,096 points; use fewer seeds")
        }
        let values =
            try labels.map { l -> [Double] in
                let parsed = l.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
                guard parsed.count == indices.count, parsed.allSatisfy(\.isFinite) else {
                    throw ValidationError("--labels takes one finite number per seed (\(indices.count)), got '\(l)'")
                }
                return parsed
            } ?? (indices.count == 2 ? [1, -1] : [])
        guard values.count == indices.count else { throw ValidationError("--labels is needed for more than two seeds") }
        let images = sigma.images.map { $0 - 1 }
        let orbits = indices.map { i in
            OrbitKernelAnalysis.orbit(
                of: Array(set.values[(i * n)..<((i + 1) * n)]), permutation: images, length: length)
        }
        progress("\(indices.count) orbits of \(length) points (\(n) values each): \(kernel) kernel")
        let a = try OrbitKernelAnalysis(orbits: orbits, labels: values, kernel: choice, ridge: ridge)
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
    let circularizedSpectrum: [Double]?
    let lambdaN: Double?
    let meanInverseSpectrum: Double?
    let spectralError: Double?
    let exactError: Errors?
    let blockFormulaError: Errors?
    let exactResiduals: [Double]
    let blockResiduals: [Double]

    init(_ a: OrbitKernelAnalysis, kernel: String, ridge: Double) {
        orbitLength = a.orbitLength
        self.kernel = kernel
        self.ridge = ridge
        circulantDefect = a.circulantDefect
        blockSpectra = a.blockSpectra
        let spectrum = a.circularizedSpectrum
        circularizedSpectrum = spectrum
        lambdaN = spectrum.map { $0[$0.count / 2] }
        meanInverseSpectrum = spectrum.map { s in s.reduce(0) { $0 + 1 / $1 } / Double(max(s.count, 1)) }
        spectralError = a.spectralError
        exactError = a.seeds == 2 ? Errors(a.exactResiduals) : nil
        blockFormulaError = a.seeds == 2 ? Errors(a.blockResiduals) : nil
        exactResiduals = a.exactResiduals
        blockResiduals = a.blockResiduals
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
        case exactResiduals = "exact_residuals"
        case blockResiduals = "block_residuals"
    }

    var table: String {
        var rows: [(String, String)] = [
            ("orbits", "\(exactResiduals.count) of N = \(orbitLength) points; kernel \(kernel), ridge \(ridge)"),
            (
                "circulant defect",
                String(format: "%.2e (0: the kernel is invariant and the block formula exact)", circulantDefect)
            ),
        ]
        if let e = spectralError {
            rows.append(("spectral error", String(format: "ε = λ_N⁻¹/⟨λ⁻¹⟩ = %.6f (circularised, eq. 7)", e)))
        }
        let list = { (v: [Double]) in v.map { String(format: "%.6f", $0) }.joined(separator: ", ") }
        rows.append(("exact LOO residuals", list(exactResiduals) + " (direct solve, one per seed)"))
        rows.append(("block formula", list(blockResiduals)))
        if let e = exactError {
            rows.append(("symmetrised", String(format: "(e_A − e_B)/2 = %.6f", e.symmetrized)))
        }
        return keyValueTable(rows)
    }
}
