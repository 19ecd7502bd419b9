import CommandLineSupport
import ArgumentParser
import Foundation
import Algebra
import Geometry
import NumericBridge

struct RegressionEntry: Encodable {
    let invariantOutputsDimension: Int
    let equivariantOutputsDimension: Int
    let fittedMapDimension: Int
    init(_ r: RegressionSymmetry) {
        invariantOutputsDimension = r.invariantOutputsDimension
        equivariantOutputsDimension = r.equivariantOutputsDimension
        fittedMapDimension = r.fittedMapDimension
    }
    enum CodingKeys: String, CodingKey {
        case invariantOutputsDimension = "invariant_outputs_dimension"
        case equivariantOutputsDimension = "equivariant_outputs_dimension"
        case fittedMapDimension = "fitted_map_dimension"
    }
}

/// One `--generator`'s distance from commuting with H: ‖[H, L]‖_F/(‖H‖_F‖L‖_F), exact squared for rational input.
struct GeneratorDefect: Encodable {
    let commutes: Bool?
    let relative: Double
    let relativeSquared: Rational?
    let errorBound: Double?

    init(_ d: CommutatorDefect) {
        commutes = d.commutes
        relativeSquared = d.relativeSquared
        relative = d.relativeSquared.approximation.value.squareRoot()
        errorBound = nil
    }

    init(_ d: (relative: Double, errorBound: Double)) {
        commutes = nil
        relativeSquared = nil
        relative = d.relative
        errorBound = d.errorBound
    }

    enum CodingKeys: String, CodingKey {
        case commutes, relative
        case relativeSquared = "relative_squared"
        case errorBound = "error_bound"
    }
}

struct CovarianceReport: Report {
    struct Multiplicity: Encodable {
        let degree: Int?
        let value: Double?
        let multiplicity: Int
    }
    let method: String
    let d: Int
    let rank: Int
    let cor1Dimension: Int
    let cor1Formula: Int
    let orthogonalDimension: Int
    let eigenvalueMultiplicities: [Multiplicity]
    var regression: RegressionEntry?
    var generators: [GeneratorDefect] = []
    var samples: Int?
    var tolerance: Double?
    var minGap: Double?
    var maxSpread: Double?

    init(_ s: CovarianceSymmetry) {
        method = "exact"
        d = s.dimension
        rank = s.rank
        cor1Dimension = s.cor1Dimension
        cor1Formula = s.cor1Formula
        orthogonalDimension = s.orthogonalDimension
        eigenvalueMultiplicities = s.eigenvalueMultiplicities.map {
            Multiplicity(degree: $0.degree, value: nil, multiplicity: $0.multiplicity)
        }
    }

    init(_ s: NumericCovarianceSymmetry) {
        method = "numeric"
        d = s.dimension
        rank = s.rank
        cor1Dimension = s.cor1Dimension
        cor1Formula = s.cor1Dimension
        orthogonalDimension = s.orthogonalDimension
        var start = 0
        var entries: [Multiplicity] = []
        for size in s.clusters {
            let mean = s.eigenvalues[start..<(start + size)].reduce(0, +) / Double(size)
            entries.append(Multiplicity(degree: nil, value: mean, multiplicity: size))
            start += size
        }
        eigenvalueMultiplicities = entries
        samples = s.samples > 0 ? s.samples : nil
        tolerance = s.tolerance
        minGap = s.minimumGap
        maxSpread = s.maximumSpread
    }

    enum CodingKeys: String, CodingKey {
        case method, d, rank, regression, samples, tolerance, generators
        case cor1Dimension = "cor1_dimension"
        case cor1Formula = "cor1_formula"
        case orthogonalDimension = "orthogonal_dimension"
        case eigenvalueMultiplicities = "eigenvalue_multiplicities"
        case minGap = "min_gap"
        case maxSpread = "max_spread"
    }

    var table: String {
        var rows: [(String, String)] = [
            ("covariance", "\(d)×\(d), rank \(rank) (\(method))"),
            ("Cor. 1 algebra", "\(cor1Dimension) = dim{L : LH + HLᵀ = 0} (a conjugate of O(d), not SO(d))"),
            ("so(d) ∩ comm(H)", "\(orthogonalDimension) (rotations preserving H)"),
        ]
        let repeated = eigenvalueMultiplicities.filter { $0.multiplicity > 1 }
        rows.append(
            (
                "repeated eigenvalues",
                repeated.isEmpty
                    ? "none"
                    : repeated.map { m in
                        m.degree.map { "\($0) eigenvalue\($0 == 1 ? "" : "s") of multiplicity \(m.multiplicity)" }
                            ?? String(format: "%.6g ×%d", m.value ?? 0, m.multiplicity)
                    }.joined(separator: ", ")
            ))
        if let tolerance, let minGap, let maxSpread {
            rows.append(
                (
                    "clustering",
                    String(
                        format: "τ = %.1e; smallest gap %.2e, largest spread %.2e (of λ_max)", tolerance, minGap,
                        maxSpread)
                ))
        }
        for (i, g) in generators.enumerated() {
            let exact = g.relativeSquared.map { "; squared \($0) exactly" } ?? ""
            let bound = g.errorBound.map { String(format: " ± %.1e", $0) } ?? ""
            let verdict = g.commutes.map { $0 ? "commutes with H" : "does not commute with H" }
            rows.append(
                (
                    "generator \(i + 1)",
                    String(format: "‖[H, L]‖/(‖H‖‖L‖) = %.6g", g.relative) + bound + exact
                        + (verdict.map { " (\($0))" } ?? "")
                ))
        }
        if let r = regression {
            rows.append(("invariant outputs", "\(r.invariantOutputsDimension) (13 with u_c = I)"))
            rows.append(("equivariant outputs", "\(r.equivariantOutputsDimension) (13, u_c free)"))
            rows.append(("fitted map", "\(r.fittedMapDimension) (14, u and u_c orthogonal)"))
        }
        return keyValueTable(rows)
    }
}
