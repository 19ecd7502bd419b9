import Foundation
import NumericBridge

/// The JSON and table of `eqgeom orbit-kernel` (keys in docs/cli.md).
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
    struct LeaveOut: Encodable {
        let points: [[Int]]
        let direct: [Double]
        let block: [Double]?
    }
    let orbitLength: Int
    let kernel: String
    let ridge: Double
    let normalize: String
    let invarianceDefect: Double
    let circulantDefect: Double?
    let constantDefect: Double
    let rank: Int
    let rankTolerance: Double
    let blockSpectra: [BlockSpectrum]
    let circularizedSpectrum: [Double]?
    let lambdaN: Double?
    let meanInverseSpectrum: Double?
    let spectralError: Double?
    let exactError: Errors?
    let blockFormulaError: Errors?
    let exactResiduals: [Double]?
    let blockResiduals: [Double]?
    let blockFormulaNote: String?
    let seeds: Int
    let deltaSquared: Double?
    let orbitRadius: Double?
    let leaveOut: LeaveOut?

    init(
        _ a: OrbitKernelAnalysis, kernel: String, ridge: Double, normalize: SampleNormalization, leaveOut: LeaveOut?
    ) {
        orbitLength = a.orbitLength
        self.kernel = kernel
        self.ridge = ridge
        self.normalize = normalize.rawValue
        invarianceDefect = a.invarianceDefect
        circulantDefect = a.circulantDefect
        constantDefect = a.constantDefect
        rank = a.rank
        rankTolerance = a.rankTolerance
        blockSpectra = a.blockSpectra
        let spectrum = a.circularizedSpectrum
        circularizedSpectrum = spectrum
        lambdaN = spectrum.map { $0[$0.count / 2] }
        meanInverseSpectrum = spectrum.map { s in s.reduce(0) { $0 + 1 / $1 } / Double(max(s.count, 1)) }
        spectralError = a.spectralError
        seeds = a.seeds
        exactError = a.seeds == 2 ? a.exactResiduals.map(Errors.init) : nil
        blockFormulaError = a.seeds == 2 ? a.blockResiduals.map(Errors.init) : nil
        exactResiduals = a.exactResiduals
        blockResiduals = a.blockResiduals
        blockFormulaNote = a.blockFormulaNote
        deltaSquared = a.deltaSquared
        orbitRadius = a.orbitRadius
        self.leaveOut = leaveOut
    }

    enum CodingKeys: String, CodingKey {
        case kernel, ridge, normalize, rank, seeds
        case orbitLength = "N"
        case invarianceDefect = "invariance_defect"
        case circulantDefect = "circulant_defect"
        case constantDefect = "constant_defect"
        case rankTolerance = "rank_tolerance"
        case blockSpectra = "block_spectra"
        case circularizedSpectrum = "circularized_spectrum"
        case lambdaN = "lambda_N"
        case meanInverseSpectrum = "mean_inverse_spectrum"
        case spectralError = "spectral_error"
        case exactError = "exact_error"
        case blockFormulaError = "block_formula_error"
        case exactResiduals = "exact_residuals"
        case blockResiduals = "block_residuals"
        case blockFormulaNote = "block_formula_note"
        case deltaSquared = "delta_sq"
        case orbitRadius = "orbit_radius"
        case leaveOut = "leave_out"
    }

    var table: String {
        let size = orbitLength * seeds
        var rows: [(String, String)] = [
            ("orbits", "\(seeds) of N = \(orbitLength) points; kernel \(kernel), ridge \(ridge)"),
            (
                "invariance defect",
                String(format: "%.2e (0: the kernel is invariant and the block formula exact)", invarianceDefect)
            ),
            ("constant defect", String(format: "%.2e (0: constant on orbit pairs)", constantDefect)),
            ("rank", String(format: "%d of %d (eigenvalues above %.2e)", rank, size, rankTolerance)),
        ]
        if let c = circulantDefect {
            rows.append(("circulant defect", String(format: "%.2e (interleaved; 0: ε is exact)", c)))
        }
        if let e = spectralError {
            rows.append(("spectral error", String(format: "ε = λ_N⁻¹/⟨λ⁻¹⟩ = %.6f (circularised, eq. 7)", e)))
        }
        let list = { (v: [Double]) in v.map { String(format: "%.6f", $0) }.joined(separator: ", ") }
        if let exact = exactResiduals {
            rows.append(("exact LOO residuals", list(exact) + " (direct solve, one per seed)"))
            rows.append(("block formula", blockResiduals.map(list) ?? blockFormulaNote ?? "–"))
        } else {
            rows.append(("LOO residuals", "none: K + ρI is singular (rank \(rank) of \(size)); add --ridge"))
        }
        if let e = exactError {
            rows.append(("symmetrised", String(format: "(e_A − e_B)/2 = %.6f", e.symmetrized)))
        }
        if let d = deltaSquared, let r = orbitRadius {
            rows.append(("geometry", String(format: "Δ² = %.6g between centroids, orbit radius %.6g", d, r)))
        }
        if let l = leaveOut {
            rows.append(("left out together", "direct " + list(l.direct) + "; block " + (l.block.map(list) ?? "–")))
        }
        return keyValueTable(rows)
    }
}
