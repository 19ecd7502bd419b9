import Foundation

/// Kernel regression on orbits of a cyclic group (Perin & Deny, *A neural kernel theory of symmetry learning*;
/// SEEDS.md §3.1): s seeds x_a, each with its orbit g^0 x_a … g^{N−1} x_a and label ȳ_a, the kernel matrix over
/// the sN points (orbit-major: point (a, t) = g^t x_a) plus a ridge ρI, and the leave-one-out residual at each
/// seed's upright point (a, 0): e_a = [K⁻¹y]_{(a,0)}/[K⁻¹]_{(a,0),(a,0)} = ȳ_a − f_{−(a,0)}(x_a), solved directly.
/// When the kernel is invariant (K is block circulant: K_{(a,s),(b,t)} = c_ab(t − s), measured by
/// `circulantDefect`), the exact block formula needs no circularisation:
/// e_a = [M(0)⁻¹ȳ]_a / ((1/N) Σ_f [M(f)⁻¹]_aa), M(f)_ab = Σ_m c_ab(m) ω^{fm} + ρδ_ab, at O(N s³) cost.
/// For two seeds the paper's spectral error (eq. 7) circularises the interleaved 2N×2N kernel: each cyclic
/// diagonal averaged to c_m, λ_k = Σ_m c_m cos(πkm/N), ε = λ_N⁻¹ / mean_k λ_k⁻¹; it is exact when the two orbits
/// interleave into one orbit of C_2N (then the kernel is circulant).
public struct OrbitKernelAnalysis: Sendable {
    public let orbitLength: Int
    public let seeds: Int
    /// max |K_{(a,s),(b,t)} − K_{(a,0),(b,t−s)}| over max |K|: 0 for an invariant kernel.
    public let circulantDefect: Double
    /// Leave-one-out residuals at the upright points, by a direct solve of the sN×sN system.
    public let exactResiduals: [Double]
    /// The same by the block formula (exact when `circulantDefect` is at rounding level).
    public let blockResiduals: [Double]
    /// Per frequency f, the eigenvalues of the Hermitian M(f), descending.
    public let blockSpectra: [[Double]]
    /// Two seeds: the circularised interleaved spectrum λ_0 … λ_{2N−1}, λ_N, mean λ⁻¹ and ε = λ_N⁻¹/mean λ⁻¹.
    public let circularizedSpectrum: [Double]?
    /// K + ρI's eigen-decomposition (for the direct leave-out solves), the labels per point, and M(f)⁻¹.
    let eigenvalues: [Double]
    let eigenvectors: [Double]
    let pointLabels: [Double]
    /// M(f)⁻¹ per frequency, as (real, imaginary) parts, row-major s×s.
    let inverseBlocks: [(re: [Double], im: [Double])]
    let seedLabels: [Double]

    public var spectralError: Double? {
        guard let l = circularizedSpectrum, l.count > 1 else { return nil }
        return (1 / l[l.count / 2]) / (l.reduce(0) { $0 + 1 / $1 } / Double(l.count))
    }

    /// - Parameters: orbits: s orbits of N points each (d values per point), labels: one per orbit.
    /// - Throws: `NumericError.invalidInput` on ragged orbits or a singular system; `.lapack` if a solve fails.
    public init(orbits: [[[Double]]], labels: [Double], kernel: KernelChoice, ridge: Double = 0) throws {
        let s = orbits.count
        guard s >= 1, labels.count == s, let n = orbits.first?.count, n >= 1,
            orbits.allSatisfy({ $0.count == n }), let d = orbits.first?.first?.count,
            orbits.allSatisfy({ $0.allSatisfy { $0.count == d } })
        else { throw NumericError.invalidInput("orbits must be s lists of N points of d values, with s labels") }
        orbitLength = n
        seeds = s
        let points = orbits.flatMap { $0 }.flatMap { $0 }
        var k = kernel.matrix(points, points, features: d)
        let size = s * n
        let scale = k.map(abs).max() ?? 1
        var defect = 0.0
        for a in 0..<s {
            for b in 0..<s {
                for u in 0..<n {
                    for t in 0..<n {
                        let value = k[(a * n + u) * size + b * n + t]
                        let reference = k[(a * n) * size + b * n + (t - u + n) % n]
                        defect = max(defect, abs(value - reference))
                    }
                }
            }
        }
        circulantDefect = defect / max(scale, .leastNormalMagnitude)
        for i in 0..<size { k[i * size + i] += ridge }
        let y = labels.flatMap { [Double](repeating: $0, count: n) }
        let e = try Eigen.symmetric(k, size)
        guard let smallest = e.values.last, smallest > 0 else {
            throw NumericError.invalidInput("the kernel matrix is singular on these orbits; add --ridge")
        }
        eigenvalues = e.values
        eigenvectors = e.vectors
        pointLabels = y
        seedLabels = labels
        // K⁻¹ = V diag(1/λ) Vᵀ: K⁻¹y and the diagonal entries at the upright points
        var projected = [Double](repeating: 0, count: size)
        for j in 0..<size { for i in 0..<size { projected[j] += e.vectors[i * size + j] * y[i] } }
        exactResiduals = (0..<s).map { a in
            let row = a * n
            var weighted = 0.0
            var diagonal = 0.0
            for j in 0..<size {
                let v = e.vectors[row * size + j]
                weighted += v * projected[j] / e.values[j]
                diagonal += v * v / e.values[j]
            }
            return weighted / diagonal
        }
        // block formula: M(f)_ab = Σ_m c_ab(m) ω^{fm} + ρ δ_ab, c_ab(m) = K_{(a,0),(b,m)} (without the ridge)
        // M(f) = U diag(λ) Uᴴ gives both its spectrum and M(f)⁻¹ = U diag(1/λ) Uᴴ
        var spectra: [[Double]] = []
        var inverses: [(re: [Double], im: [Double])] = []
        for f in 0..<n {
            var re = [Double](repeating: 0, count: s * s)
            var im = re
            for a in 0..<s {
                for b in 0..<s {
                    for t in 0..<n {
                        var c = k[(a * n) * size + b * n + t]
                        if a == b && t == 0 { c -= ridge }
                        let angle = 2 * Double.pi * Double(f * t) / Double(n)
                        re[a * s + b] += c * cos(angle)
                        im[a * s + b] += c * sin(angle)
                    }
                    if a == b { re[a * s + b] += ridge }
                }
            }
            let e = try Eigen.hermitian(real: re, imaginary: im, s)
            guard !e.values.contains(0) else {
                throw NumericError.invalidInput("a block M(f) of the orbit kernel is singular; add --ridge")
            }
            spectra.append(e.values)
            inverses.append(Self.inverse(e, s))
        }
        blockSpectra = spectra
        inverseBlocks = inverses
        // M(0) is real for a symmetric kernel: the invariant part M(0)⁻¹ȳ
        let invariant = (0..<s).map { a in (0..<s).reduce(0) { $0 + inverses[0].re[a * s + $1] * labels[$1] } }
        blockResiduals = (0..<s).map { a in
            let average = inverses.reduce(0) { $0 + $1.re[a * s + a] } / Double(n)
            return invariant[a] / average
        }
        if s == 2 {
            // interleave (A,0), (B,0), (A,1), … and average each cyclic diagonal of the 2N×2N kernel
            let m = 2 * n
            func entry(_ i: Int, _ j: Int) -> Double { k[((i % 2) * n + i / 2) * size + (j % 2) * n + j / 2] }
            var c = [Double](repeating: 0, count: m)
            for shift in 0..<m { for i in 0..<m { c[shift] += entry(i, (i + shift) % m) } }
            c = c.map { $0 / Double(m) }
            circularizedSpectrum = (0..<m).map { f in
                (0..<m).reduce(0) { $0 + c[$1] * cos(2 * Double.pi * Double(f * $1) / Double(m)) }
            }
        } else {
            circularizedSpectrum = nil
        }
    }

    /// Leave-one-out for a set of points (orbit a, position t) left out together (SEEDS.md §3.1, A.1):
    /// e_M = [(K⁻¹)_MM]⁻¹ (K⁻¹y)_M, by a direct solve and by the block formula, in which (K⁻¹)_{(a,s),(b,t)} =
    /// D_ab(t − s), D(m) = (1/N) Σ_f M(f)⁻¹ ω^{−fm}, and (K⁻¹y)_{(a,s)} = [M(0)⁻¹ȳ]_a.
    public func residuals(leavingOut points: [(orbit: Int, position: Int)]) throws -> (
        direct: [Double], block: [Double]
    ) {
        let (n, s) = (orbitLength, seeds)
        let size = n * s
        let index = points.map { $0.orbit * n + $0.position }
        guard index.allSatisfy({ (0..<size).contains($0) }), Set(index).count == index.count, !index.isEmpty else {
            throw NumericError.invalidInput("left-out points must be distinct (orbit, position) pairs of these orbits")
        }
        let m = index.count
        // direct: K⁻¹ entries from the eigen-decomposition
        var kinvY = [Double](repeating: 0, count: m)
        var kinv = [Double](repeating: 0, count: m * m)
        var projected = [Double](repeating: 0, count: size)
        for j in 0..<size { for i in 0..<size { projected[j] += eigenvectors[i * size + j] * pointLabels[i] } }
        for (r, p) in index.enumerated() {
            for j in 0..<size { kinvY[r] += eigenvectors[p * size + j] * projected[j] / eigenvalues[j] }
            for (c, q) in index.enumerated() {
                for j in 0..<size {
                    kinv[r * m + c] += eigenvectors[p * size + j] * eigenvectors[q * size + j] / eigenvalues[j]
                }
            }
        }
        // block: D(m) from the inverse blocks
        let invariant = (0..<s).map { a in
            (0..<s).reduce(0) { $0 + inverseBlocks[0].re[a * s + $1] * seedLabels[$1] }
        }
        var blockKinv = [Double](repeating: 0, count: m * m)
        for (r, p) in points.enumerated() {
            for (c, q) in points.enumerated() {
                let shift = ((q.position - p.position) % n + n) % n
                var sum = 0.0
                for (f, inverse) in inverseBlocks.enumerated() {
                    let angle = -2 * Double.pi * Double(f * shift) / Double(n)
                    let (re, im) = (inverse.re[p.orbit * s + q.orbit], inverse.im[p.orbit * s + q.orbit])
                    sum += re * cos(angle) - im * sin(angle)
                }
                blockKinv[r * m + c] = sum / Double(n)
            }
        }
        let blockY = points.map { invariant[$0.orbit] }
        return (try Self.solve(kinv, kinvY, m), try Self.solve(blockKinv, blockY, m))
    }

    /// x with A x = b (m×m, Gaussian elimination with partial pivoting; m is small).
    static func solve(_ a: [Double], _ b: [Double], _ m: Int) throws -> [Double] {
        var a = a
        var b = b
        for col in 0..<m {
            let pivot = (col..<m).max { abs(a[$0 * m + col]) < abs(a[$1 * m + col]) } ?? col
            guard abs(a[pivot * m + col]) > 0 else { throw NumericError.invalidInput("singular leave-out system") }
            for j in 0..<m { a.swapAt(col * m + j, pivot * m + j) }
            b.swapAt(col, pivot)
            for r in (col + 1)..<m {
                let f = a[r * m + col] / a[col * m + col]
                for j in col..<m { a[r * m + j] -= f * a[col * m + j] }
                b[r] -= f * b[col]
            }
        }
        var x = [Double](repeating: 0, count: m)
        for r in stride(from: m - 1, through: 0, by: -1) {
            x[r] = (b[r] - ((r + 1)..<m).reduce(0) { $0 + a[r * m + $1] * x[$1] }) / a[r * m + r]
        }
        return x
    }

    /// The orbit x, g·x, …, g^{length−1}·x of a vector under a permutation of its coordinates (0-based images:
    /// g·x moves x[i] to position images[i]).
    public static func orbit(of x: [Double], permutation images: [Int], length: Int) -> [[Double]] {
        var points = [x]
        for _ in 1..<max(length, 1) {
            var next = [Double](repeating: 0, count: x.count)
            for (i, j) in images.enumerated() { next[j] = points[points.count - 1][i] }
            points.append(next)
        }
        return points
    }

    /// U diag(1/λ) Uᴴ from a Hermitian eigen-decomposition: entry (i, j) = Σ_k u_ik conj(u_jk)/λ_k.
    static func inverse(
        _ e: (values: [Double], vectorsRe: [Double], vectorsIm: [Double]), _ s: Int
    ) -> (re: [Double], im: [Double]) {
        var re = [Double](repeating: 0, count: s * s)
        var im = re
        for i in 0..<s {
            for j in 0..<s {
                for k in 0..<s {
                    let (ar, ai) = (e.vectorsRe[i * s + k], e.vectorsIm[i * s + k])
                    let (br, bi) = (e.vectorsRe[j * s + k], e.vectorsIm[j * s + k])
                    re[i * s + j] += (ar * br + ai * bi) / e.values[k]
                    im[i * s + j] += (ai * br - ar * bi) / e.values[k]
                }
            }
        }
        return (re, im)
    }
}
