import CommandLineSupport
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
    /// One matrix R acting on the seeds: its order N and how far R^N is from I and R from orthogonal.
    struct MatrixAction: Encodable {
        let order: Int
        let powerDefect: Double
        let orthogonalityDefect: Double
        enum CodingKeys: String, CodingKey {
            case order
            case powerDefect = "power_defect"
            case orthogonalityDefect = "orthogonality_defect"
        }
    }
    struct LeaveOut: Encodable {
        let points: [[Int]]
        let direct: [Double]?
        let block: [Double]?
    }
    let orbitLength: Int
    /// `direct+blocks` (the whole kernel, both solves) or `blocks` (upright rows only, long orbits).
    let method: String
    let kernel: String
    let ridge: Double
    let normalize: String
    let seeds: Int
    let invarianceDefect: Double
    let blockSpectra: [BlockSpectrum]
    let circularizedSpectrum: [Double]?
    let lambdaN: Double?
    let meanInverseSpectrum: Double?
    let spectralError: Double?
    let blockFormulaError: Errors?
    let blockResiduals: [Double]?
    let deltaSquared: Double?
    let orbitRadius: Double?
    let leaveOut: LeaveOut?
    /// The direct analysis only.
    var circulantDefect: Double? = nil
    var constantDefect: Double? = nil
    var rank: Int? = nil
    var rankTolerance: Double? = nil
    var exactError: Errors? = nil
    var exactResiduals: [Double]? = nil
    var blockFormulaNote: String? = nil
    /// The block formula alone only.
    var checkedPositions: [Int]? = nil
    /// Where the orbits came from: `group` (a permutation group), `matrix` (one matrix) or `file` (given points).
    var orbitSource = "group"
    var matrixAction: MatrixAction? = nil

    /// What both analyses share.
    private init(
        _ a: any OrbitKernelSummary, method: String, kernel: String, ridge: Double, normalize: SampleNormalization,
        leaveOut: LeaveOut?
    ) {
        orbitLength = a.orbitLength
        self.method = method
        self.kernel = kernel
        self.ridge = ridge
        self.normalize = normalize.rawValue
        seeds = a.seeds
        invarianceDefect = a.invarianceDefect
        blockSpectra = a.blockSpectra
        circularizedSpectrum = a.circularizedSpectrum
        (lambdaN, meanInverseSpectrum) = Self.summary(a.circularizedSpectrum)
        spectralError = a.spectralError
        blockFormulaError = a.seeds == 2 ? a.blockResiduals.map(Errors.init) : nil
        blockResiduals = a.blockResiduals
        deltaSquared = a.deltaSquared
        orbitRadius = a.orbitRadius
        self.leaveOut = leaveOut
    }

    init(
        _ a: OrbitKernelAnalysis, kernel: String, ridge: Double, normalize: SampleNormalization, leaveOut: LeaveOut?
    ) {
        self.init(
            a as any OrbitKernelSummary, method: "direct+blocks", kernel: kernel, ridge: ridge, normalize: normalize,
            leaveOut: leaveOut)
        circulantDefect = a.circulantDefect
        constantDefect = a.constantDefect
        rank = a.rank
        rankTolerance = a.rankTolerance
        exactError = a.seeds == 2 ? a.exactResiduals.map(Errors.init) : nil
        exactResiduals = a.exactResiduals
        blockFormulaNote = a.blockFormulaNote
    }

    /// Long orbits: the block formula alone (no direct solve, invariance sampled, no rank).
    init(
        _ a: OrbitKernelBlockFormula, kernel: String, ridge: Double, normalize: SampleNormalization, leaveOut: LeaveOut?
    ) {
        self.init(
            a as any OrbitKernelSummary, method: "blocks", kernel: kernel, ridge: ridge, normalize: normalize,
            leaveOut: leaveOut)
        checkedPositions = a.checkedPositions
    }

    /// λ_N and mean λ⁻¹ of the circularised spectrum (the mean absent when a λ vanishes: it is infinite).
    static func summary(_ spectrum: [Double]?) -> (Double?, Double?) {
        guard let s = spectrum, !s.isEmpty else { return (nil, nil) }
        let mean = s.reduce(0) { $0 + 1 / $1 } / Double(s.count)
        return (s[s.count / 2], mean.isFinite ? mean : nil)
    }

    enum CodingKeys: String, CodingKey {
        case kernel, ridge, normalize, rank, seeds, method
        case checkedPositions = "invariance_checked_positions"
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
        case orbitSource = "orbit_source"
        case matrixAction = "matrix_action"
    }

    var table: String {
        let size = orbitLength * seeds
        var rows: [(String, String)] = [
            ("orbits", "\(seeds) of N = \(orbitLength) points; kernel \(kernel), ridge \(ridge)"),
            (
                "invariance defect",
                String(format: "%.2e (0: the kernel is invariant and the block formula exact)", invarianceDefect)
            ),
        ]
        if let m = matrixAction {
            rows.append(
                (
                    "matrix action",
                    String(
                        format: "order N = %d; max |R^N − I| = %.2e, max |RᵀR − I| = %.2e", m.order, m.powerDefect,
                        m.orthogonalityDefect)
                ))
        } else if orbitSource == "file" {
            rows.append(("orbits from", "the file, point by point (the order x, gx, g²x, … is the user's)"))
        }
        if let c = constantDefect, let r = rank, let t = rankTolerance {
            rows.append(("constant defect", String(format: "%.2e (0: constant on orbit pairs)", c)))
            rows.append(("rank", String(format: "%d of %d (eigenvalues above %.2e)", r, size, t)))
        }
        if let p = checkedPositions {
            rows.append(("method", "block formula alone (sN = \(size)); invariance checked at positions \(p)"))
        }
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
        } else if let block = blockResiduals {
            rows.append(("LOO residuals", list(block) + " (exact block formula, one per seed)"))
        } else {
            let rankText = rank.map { "rank \($0) of \(size)" } ?? "a block is"
            rows.append(("LOO residuals", "none: K + ρI is singular (\(rankText)); add --ridge"))
        }
        if let e = exactError {
            rows.append(("symmetrised", String(format: "(e_A − e_B)/2 = %.6f", e.symmetrized)))
        }
        if let d = deltaSquared, let r = orbitRadius {
            rows.append(("geometry", String(format: "Δ² = %.6g between centroids, orbit radius %.6g", d, r)))
        }
        if let l = leaveOut {
            let direct = l.direct.map(list) ?? "–"
            rows.append(("left out together", "direct " + direct + "; block " + (l.block.map(list) ?? "–")))
        }
        return keyValueTable(rows)
    }
}
