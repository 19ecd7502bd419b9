import Foundation
import Algebra
import Geometry

/// EMLP's constraint solved in floating point (MATH.md §9.1, the numeric path), one generator at a time: the
/// solution space N starts as all of vec(W) and each generator's constraint C_h = ρ_out(h) ⊗ I − I ⊗ ρ_in(h)ᵀ
/// (dρ_out(A) ⊗ I − I ⊗ dρ_in(A)ᵀ for a Lie generator; row-major vec) cuts it to N ← N·null(C_h N), the nullspace
/// from the SVD (LAPACK dgesdd) of the u×dim N product, its singular values at most τ·(‖A‖_F + ‖B‖_F) ≥ τ·‖C_h‖
/// dropped. A generator
/// acting by permutation matrices on both sides goes first and needs no SVD: its solutions are the W constant on
/// the orbits of (i, j) ↦ (a(i), b(j)), an orthonormal basis of normalised orbit indicators. Cost O(u·m²) per
/// generator for a space of dimension m, where the stacked SVD of every constraint at once costs O(k·u³). The gap
/// σ_kept/σ_dropped at the cut (the smallest over the steps) says how clearly the dimension is determined; the
/// exact path (`EquivarianceConstraint.solve`) needs no cut.
public struct NumericEquivariantMaps: Sendable {
    /// d_out·d_in, the unknowns of vec(W).
    public let unknowns: Int
    /// Singular values of the decisive step's C_h·N (the step with the smallest gap), descending; empty when no
    /// step needed an SVD.
    public let singularValues: [Double]
    /// The decisive step's cut τ·(‖A‖_F + ‖B‖_F) (τ = max(rows, columns)·ε unless given); 0 when no step needed
    /// an SVD.
    public let threshold: Double
    /// The dimension of the solution space.
    public let dimension: Int
    /// The smallest over the SVD steps of the smallest kept over the largest dropped singular value (nil when no
    /// step has both, or the dropped ones are exactly 0).
    public let gap: Double?
    /// The nullspace basis, one row-major vec(W) per element (orthonormal).
    public let basis: [[Double]]

    /// - Throws: `MemoryLimitError` before a product beyond the budget; `NumericError.lapack` if an SVD fails.
    public init(_ constraint: EquivarianceConstraint, tolerance: Double? = nil) throws {
        let (input, output) = (constraint.input, constraint.output)
        let (dIn, dOut) = (input.dimension, output.dimension)
        let u = constraint.unknowns
        var pairs: [([Double], [Double])] = (0..<input.groupGeneratorCount).map {
            (output.groupGenerator($0).nearestDoubles, input.groupGenerator($0).nearestDoubles)
        }
        pairs += zip(output.lieGenerators, input.lieGenerators).map { ($0.nearestDoubles, $1.nearestDoubles) }
        // a permutation pair first (the one with the fewest orbits on the pairs (i, j))
        let orbits = pairs.map { Self.orbits(of: $0, dOut, dIn) }
        var basis: [[Double]]
        var remaining = Array(pairs.indices)
        if let first = orbits.indices.filter({ orbits[$0] != nil }).min(by: {
            (orbits[$0]?.count ?? 0) < (orbits[$1]?.count ?? 0)
        }), let found = orbits[first] {
            basis = found.map { orbit in
                var v = [Double](repeating: 0, count: u)
                let value = 1 / Double(orbit.count).squareRoot()
                for k in orbit { v[k] = value }
                return v
            }
            remaining.removeAll { $0 == first }
        } else {
            try MemoryBudget.require(
                ByteCount.product(3, u, u, 8), for: "the \(u)×\(u) constraint of one generator and its SVD",
                advice: "the exact path (without --numeric) works one generator at a time and needs less")
            basis = (0..<u).map { i in (0..<u).map { $0 == i ? 1.0 : 0.0 } }
        }
        var decisive: (sigma: [Double], cut: Double, gap: Double?)? = nil
        for g in remaining where !basis.isEmpty {
            let (a, b) = pairs[g]
            let m = basis.count
            try MemoryBudget.require(
                ByteCount.product(3, u, m, 8), for: "the \(u)×\(m) constraint on the solutions so far and its SVD",
                advice: "the exact path (without --numeric) needs less")
            // column r of C_h N is vec(A W_r − W_r B), W_r the r-th basis vector as a d_out×d_in matrix
            var product = [Double](repeating: 0, count: u * m)
            for (r, w) in basis.enumerated() {
                let image = BLAS.multiply(a, w, m: dOut, n: dIn, k: dOut)
                let twisted = BLAS.multiply(w, b, m: dOut, n: dIn, k: dIn)
                for i in 0..<u { product[i * m + r] = image[i] - twisted[i] }
            }
            let (sigma, right) = try singularValueDecomposition(product, rows: u, columns: m)
            // relative to ‖C_h‖ ≤ ‖A‖_F + ‖B‖_F (not to C_h·N, whose singular values may all be rounding)
            let scale = a.reduce(0) { $0 + $1 * $1 }.squareRoot() + b.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let cut = (tolerance ?? Double(max(u, m)) * Double.ulpOfOne) * scale
            let rank = sigma.filter { $0 > cut }.count
            let gap = rank > 0 && rank < m && sigma[rank] > 0 ? sigma[rank - 1] / sigma[rank] : nil
            if decisive == nil || (gap ?? .infinity) < (decisive?.gap ?? .infinity) { decisive = (sigma, cut, gap) }
            // the new basis: (right singular vectors of the dropped values) · N
            let kept = m - rank
            let next = BLAS.multiply(Array(right[(rank * m)...]), basis.flatMap { $0 }, m: kept, n: u, k: m)
            basis = (0..<kept).map { Array(next[($0 * u)..<(($0 + 1) * u)]) }
        }
        unknowns = u
        singularValues = decisive?.sigma ?? []
        threshold = decisive?.cut ?? 0
        gap = decisive?.gap
        dimension = basis.count
        self.basis = basis
    }

    /// For permutation matrices A (d_out) and B (d_in), A e_j = e_a(j) and B e_j = e_b(j), the orbits of the vec
    /// indices i·d_in + j under (i, j) ↦ (a(i), b(j)): AW = WB exactly when W is constant on them. Nil otherwise.
    static func orbits(of pair: ([Double], [Double]), _ dOut: Int, _ dIn: Int) -> [[Int]]? {
        guard let a = permutation(pair.0, dOut), let b = permutation(pair.1, dIn) else { return nil }
        var seen = [Bool](repeating: false, count: dOut * dIn)
        var orbits: [[Int]] = []
        for start in 0..<(dOut * dIn) where !seen[start] {
            var orbit: [Int] = []
            var (i, j) = (start / dIn, start % dIn)
            while !seen[i * dIn + j] {
                seen[i * dIn + j] = true
                orbit.append(i * dIn + j)
                (i, j) = (a[i], b[j])
            }
            orbits.append(orbit)
        }
        return orbits
    }

    /// The images j ↦ a(j) of a permutation matrix (row-major, M[a(j)][j] = 1), or nil.
    static func permutation(_ m: [Double], _ d: Int) -> [Int]? {
        var image = [Int](repeating: -1, count: d)
        var hit = [Bool](repeating: false, count: d)
        for r in 0..<d {
            for c in 0..<d where m[r * d + c] != 0 {
                guard m[r * d + c] == 1, image[c] < 0, !hit[r] else { return nil }
                image[c] = r
                hit[r] = true
            }
        }
        return image.allSatisfy { $0 >= 0 } ? image : nil
    }
}
