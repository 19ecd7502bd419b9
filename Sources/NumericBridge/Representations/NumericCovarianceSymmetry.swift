import Foundation
import Algebra

/// The covariance symmetries of floating-point data (MATH.md §10.1): H = XᵀX/N (uncentred, as in the
/// L-conv paper's Thm 1), its eigenvalues (LAPACK dsyevd) clustered at a relative tolerance τ: consecutive
/// eigenvalues (descending) stay in one cluster while their gap is at most τ·λ_max. A cluster of size m
/// contributes m(m−1)/2 to dim so(d) ∩ comm(H); the rank counts eigenvalues above τ·λ_max, and the Cor. 1
/// algebra has dimension r(r−1)/2 + r(d−r) + (d−r)². The smallest gap between clusters and the largest spread
/// inside one, both relative to λ_max, say how clear the clustering is.
public struct NumericCovarianceSymmetry: Sendable {
    /// d, the size of H.
    public let dimension: Int
    /// N, the samples H is taken of.
    public let samples: Int
    /// The relative tolerance of the clustering.
    public let tolerance: Double
    /// Eigenvalues of H, descending.
    public let eigenvalues: [Double]
    /// Cluster sizes, in descending order of their eigenvalues.
    public let clusters: [Int]
    /// The numerical rank of H.
    public let rank: Int
    /// The smallest gap between neighbouring clusters and the largest gap inside a cluster, over λ_max.
    public let minimumGap: Double
    /// The largest gap inside one cluster, over λ_max.
    public let maximumSpread: Double

    /// dim so(d) ∩ comm(H) = Σ m(m−1)/2 over the cluster sizes m.
    public var orthogonalDimension: Int { clusters.reduce(0) { $0 + $1 * ($1 - 1) / 2 } }
    /// H (row-major d×d), scaled by 2^{2e} when the samples were scaled by 2^e (scale-free questions only).
    public let scaledCovariance: [Double]

    /// ‖HL − LH‖_F / (‖H‖_F‖L‖_F) for a generator L (row-major d×d) in binary64, with a bound on its absolute
    /// error: the products' rounding is at most γ_d‖H‖_F‖L‖_F each (γ_k = kε/(1 − kε)), and the three norms' sums of
    /// d² squares and the quotient (a ratio of at most 2) add at most 8γ_{d²+4}: 2γ_d + 8γ_{d²+4} in all
    /// (MATH.md §10.1). The exact ratio for rational input is `CommutatorDefect`.
    public func commutatorDefect(_ l: [Double]) -> (relative: Double, errorBound: Double) {
        let d = dimension
        precondition(l.count == d * d)
        let h = scaledCovariance
        let hl = BLAS.multiply(h, l, m: d, n: d, k: d)
        let lh = BLAS.multiply(l, h, m: d, n: d, k: d)
        let norm = { (m: [Double]) in m.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        let scale = norm(h) * norm(l)
        let epsilon = Double.ulpOfOne / 2
        let gamma = { (k: Double) in k * epsilon / (1 - k * epsilon) }
        guard scale > 0 else { return (0, 0) }
        let bound = 2 * gamma(Double(d)) + 8 * gamma(Double(d * d + 4))
        return (norm(zip(hl, lh).map { $0 - $1 }) / scale, bound)
    }

    /// r(r−1)/2 + r(d−r) + (d−r)², Cor. 1's algebra for H of rank r.
    public var cor1Dimension: Int {
        rank * (rank - 1) / 2 + rank * (dimension - rank) + (dimension - rank) * (dimension - rank)
    }

    /// - Throws: `NumericError.tooLarge` past d = 20,000; `NumericError.lapack` if the eigensolver fails.
    public init(_ data: ImageDataset, tolerance: Double) throws {
        let d = data.features
        guard d <= 20_000 else { throw NumericError.tooLarge("a \(d)×\(d) covariance is too large (limit 20,000)") }
        try MemoryBudget.require(
            ByteCount.product(3, d, d, 8), for: "the \(d)×\(d) covariance and its eigenvectors",
            advice: "use fewer features")
        // data far from 1 (squares under- or overflowing) is scaled by a power of two 2^e first (exact); the
        // clusters and the rank are scale-free, the eigenvalues are scaled back by 2^−2e
        let largest = data.values.reduce(0) { max($0, abs($1)) }
        let e = largest > 0 && largest.isFinite && abs(largest.exponent) > 400 ? -Int(largest.exponent) : 0
        if e != 0 {
            try MemoryBudget.require(
                ByteCount.product(data.values.count, 8), for: "the rescaled samples", advice: "use fewer samples")
        }
        let x = e == 0 ? data.values : data.values.map { scalbn($0, e) }
        var h = BLAS.multiply(x, x, m: d, n: d, k: data.count, transposeA: true)
        for i in h.indices { h[i] /= Double(data.count) }
        try self.init(covariance: h, dimension: d, samples: data.count, tolerance: tolerance, exponent: e)
    }

    /// From a covariance matrix itself (row-major d×d, symmetric).
    public init(covariance h: [Double], dimension d: Int, samples: Int = 0, tolerance: Double) throws {
        try self.init(covariance: h, dimension: d, samples: samples, tolerance: tolerance, exponent: 0)
    }

    /// From the covariance of the samples scaled by 2^e.
    private init(covariance h: [Double], dimension d: Int, samples: Int, tolerance: Double, exponent e: Int) throws {
        dimension = d
        self.samples = samples
        self.tolerance = tolerance
        scaledCovariance = h
        let values = try Eigen.symmetric(h, d).values
        eigenvalues = values.map { scalbn($0, -2 * e) }
        let scale = max(values.first.map(abs) ?? 0, values.last.map(abs) ?? 0)
        var sizes: [Int] = []
        var minimumGap = Double.infinity
        var maximumSpread = 0.0
        for (i, v) in values.enumerated() {
            let gap = i == 0 ? Double.infinity : (values[i - 1] - v) / max(scale, .leastNormalMagnitude)
            if i > 0 && gap <= tolerance {
                sizes[sizes.count - 1] += 1
                maximumSpread = max(maximumSpread, gap)
            } else {
                if i > 0 { minimumGap = min(minimumGap, gap) }
                sizes.append(1)
            }
        }
        clusters = sizes
        rank = values.filter { $0 > tolerance * scale }.count
        self.minimumGap = minimumGap.isFinite ? minimumGap : 0
        self.maximumSpread = maximumSpread
    }
}
