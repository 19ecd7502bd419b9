import Foundation
import Algebra
import Geometry

/// The dense rank-r optimum (PCA): top r eigenvalues of XᵀX in the pixel basis.
public struct DenseOptimum: Sendable {
    /// r.
    public let rank: Int
    /// The discarded spectrum Σ_{i ≥ r} λ_i / (N·n) (never negative).
    public let loss: Double
    /// Bound on its rounding error: (N + 10n)·u·‖X‖²_F per discarded eigenvalue, / (N·n).
    public let lossError: Double
    /// Top-r eigenvectors as columns, row-major n×r: encoder Uᵀ, decoder U (empty unless asked for).
    public let vectors: [Double]

    /// PCA of the data at rank r; the principal directions only when `directions` (the loss needs the eigenvalues
    /// alone, a seventh of the work).
    /// - Throws: `NumericError.tooLarge` for an n×n covariance past the limit, `NumericError.lapack` on failure.
    public init(_ data: ImageDataset, rank r: Int, directions: Bool = true) throws {
        let n = data.features
        guard n <= 20_000 else {
            throw NumericError.tooLarge("the dense optimum needs an n×n covariance; n = \(n) is too large")
        }
        // XᵀX's upper triangle (dsyrk, half a product's work): the eigensolvers read only that triangle
        var c = [Double](repeating: 0, count: n * n)
        data.values.withUnsafeBufferPointer { x in
            c.withUnsafeMutableBufferPointer { gram in
                guard let xp = x.baseAddress, let gp = gram.baseAddress else { return }
                BLAS.addGram(xp, rows: data.count, columns: n, into: gp)
            }
        }
        let e = directions ? try Eigen.symmetric(c, n) : (values: try Eigen.symmetricValues(c, n), vectors: [])
        let total = (0..<n).reduce(0) { $0 + c[$1 * n + $1] }
        let scale = Double(data.count * n)
        rank = r
        loss = e.values.dropFirst(r).reduce(0) { $0 + max($1, 0) } / scale
        lossError = Double(n - r) * Double(data.count + 10 * n) * Double.ulpOfOne / 2 * total / scale
        var v = [Double](repeating: 0, count: directions ? n * r : 0)
        if directions { for i in 0..<n { for j in 0..<r { v[i * r + j] = e.vectors[i * n + j] } } }
        vectors = v
    }
}
