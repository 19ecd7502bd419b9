import Foundation
import Algebra
import Geometry

/// EMLP's constraint solved in floating point, as EMLP does (MATH.md §9.1, the numeric path): the
/// stacked constraint C (rows ρ_out(h) ⊗ I − I ⊗ ρ_in(h)ᵀ per group generator, dρ_out(A) ⊗ I − I ⊗ dρ_in(A)ᵀ
/// per Lie generator; row-major vec) in double precision, its SVD (LAPACK dgesdd), and the right singular
/// vectors of the singular values at most τ·σ_max as the basis. The gap σ_kept/σ_dropped at the cut says how
/// clearly the dimension is determined; the exact path (`EquivarianceConstraint.solve`) needs no cut.
public struct NumericEquivariantMaps: Sendable {
    /// d_out·d_in, the unknowns of vec(W).
    public let unknowns: Int
    /// Singular values of C, descending.
    public let singularValues: [Double]
    /// The cut τ·σ_max (τ = max(rows, unknowns)·ε unless given).
    public let threshold: Double
    /// The dimension: the singular values at most the threshold.
    public let dimension: Int
    /// The smallest kept over the largest dropped singular value (nil when nothing is kept or dropped, or the
    /// dropped ones are exactly 0).
    public let gap: Double?
    /// The nullspace basis, one row-major vec(W) per element (orthonormal).
    public let basis: [[Double]]

    /// - Throws: `MemoryLimitError` before a stacked matrix beyond the budget; `NumericError.lapack` if the SVD
    ///   fails.
    public init(_ constraint: EquivarianceConstraint, tolerance: Double? = nil) throws {
        let (input, output) = (constraint.input, constraint.output)
        let (dIn, dOut) = (input.dimension, output.dimension)
        let u = constraint.unknowns
        var pairs: [(RationalMatrix, RationalMatrix)] = (0..<input.groupGeneratorCount).map {
            (output.groupGenerator($0), input.groupGenerator($0))
        }
        pairs += Array(zip(output.lieGenerators, input.lieGenerators))
        let rows = max(pairs.count, 1) * u
        try MemoryBudget.require(
            ByteCount.product(rows + u + u, u, 8), for: "the \(rows)×\(u) stacked constraint and its SVD",
            advice: "the exact path works one generator at a time and needs less")
        var c = [Double](repeating: 0, count: rows * u)
        for (g, (a, b)) in pairs.enumerated() {
            let av = Self.doubles(a)
            let bv = Self.doubles(b)
            for i in 0..<dOut {
                for j in 0..<dIn {
                    let column = i * dIn + j
                    // column (i, j) is vec(A E_ij − E_ij B)
                    for r in 0..<dOut where av[r * dOut + i] != 0 {
                        c[(g * u + r * dIn + j) * u + column] += av[r * dOut + i]
                    }
                    for s in 0..<dIn where bv[j * dIn + s] != 0 {
                        c[(g * u + i * dIn + s) * u + column] -= bv[j * dIn + s]
                    }
                }
            }
        }
        let (sigma, right) = try singularValueDecomposition(c, rows: rows, columns: u)
        let cut = (tolerance ?? Double(max(rows, u)) * Double.ulpOfOne) * (sigma.first ?? 0)
        let rank = pairs.isEmpty ? 0 : sigma.filter { $0 > cut }.count
        unknowns = u
        singularValues = sigma
        threshold = cut
        dimension = u - rank
        gap = rank > 0 && rank < u && sigma[rank] > 0 ? sigma[rank - 1] / sigma[rank] : nil
        basis = (rank..<u).map { r in Array(right[(r * u)..<((r + 1) * u)]) }
    }

    static func doubles(_ m: RationalMatrix) -> [Double] {
        (0..<m.rows).flatMap { i in (0..<m.columns).map { m.isZero(i, $0) ? 0 : m[i, $0].approximation.value } }
    }
}
