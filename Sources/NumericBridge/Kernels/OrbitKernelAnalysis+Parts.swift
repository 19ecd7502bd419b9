import Foundation

extension OrbitKernelAnalysis {
    /// The flat indices a·N + t of left-out points, checked: distinct, inside s orbits of N points.
    static func leaveOutIndex(_ points: [(orbit: Int, position: Int)], seeds s: Int, length n: Int) throws -> [Int] {
        let index = points.map { $0.orbit * n + $0.position }
        guard points.allSatisfy({ (0..<s).contains($0.orbit) && (0..<n).contains($0.position) }),
            Set(index).count == index.count, !index.isEmpty
        else {
            throw NumericError.invalidInput("left-out points must be distinct (orbit, position) pairs of these orbits")
        }
        return index
    }

    /// e_M = [(K⁻¹)_MM]⁻¹ (K⁻¹y)_M with (K⁻¹)_MM from G's inverted blocks and (K⁻¹y)_{(a,t)} = [M(0)⁻¹ȳ]_a.
    static func blockResiduals(
        leavingOut points: [(orbit: Int, position: Int)], blocks: any OrbitBlocks, invariant: [Double]
    ) throws -> [Double] {
        let m = points.count
        var inverse = [Double](repeating: 0, count: m * m)
        for (r, p) in points.enumerated() {
            for (c, q) in points.enumerated() {
                inverse[r * m + c] = blocks.inverseEntry(p.orbit, p.position, q.orbit, q.position)
            }
        }
        return try solve(inverse, points.map { invariant[$0.orbit] }, m)
    }

    /// M(0)⁻¹ȳ with M(0)_ab = Σ_t K_{(a,e),(b,t)}, from K's rows at the upright points (s × sN, row a at a·sN):
    /// (K⁻¹y)_{(a,t)} for every t, as y is constant on orbits.
    static func invariantSolution(rows: [Double], labels: [Double], length n: Int) throws -> [Double] {
        let s = labels.count
        let m0 = (0..<(s * s)).map { ab in (0..<n).reduce(0) { $0 + rows[ab / s * s * n + ab % s * n + $1] } }
        return try solve(m0, labels, s)
    }

    /// K's rows at the upright points (a, e), s × sN, from the whole sN × sN kernel.
    static func uprightRows(_ k: [Double], seeds s: Int, length n: Int) -> [Double] {
        let size = s * n
        return (0..<s).flatMap { a in k[(a * n * size)..<(a * n * size + size)] }
    }

    /// e_M = [(K⁻¹)_MM]⁻¹ (K⁻¹y)_M with K⁻¹ = V diag(1/λ) Vᵀ, given Vᵀy.
    static func directResiduals(
        _ e: (values: [Double], vectors: [Double]), projected: [Double], at index: [Int]
    ) throws -> [Double] {
        let size = projected.count
        let m = index.count
        var kinvY = [Double](repeating: 0, count: m)
        var kinv = [Double](repeating: 0, count: m * m)
        for (r, p) in index.enumerated() {
            for j in 0..<size { kinvY[r] += e.vectors[p * size + j] * projected[j] / e.values[j] }
            for (c, q) in index.enumerated() {
                for j in 0..<size { kinv[r * m + c] += e.vectors[p * size + j] * e.vectors[q * size + j] / e.values[j] }
            }
        }
        return try solve(kinv, kinvY, m)
    }

    /// Vᵀy for K = V diag(λ) Vᵀ: computed once, it makes each leave-out solve O(|M|² sN).
    static func projected(_ e: (values: [Double], vectors: [Double]), labels y: [Double]) -> [Double] {
        let size = y.count
        var projected = [Double](repeating: 0, count: size)
        for i in 0..<size { for j in 0..<size { projected[j] += e.vectors[i * size + j] * y[i] } }
        return projected
    }

    /// max over orbit pairs (a, b) of max |K_{(a,t),(b,u)} − mean_{t,u} K_{(a,t),(b,u)}|.
    static func constantDefect(_ k: [Double], seeds s: Int, length n: Int) -> Double {
        let size = s * n
        var defect = 0.0
        for a in 0..<s {
            for b in 0..<s {
                var mean = 0.0
                for t in 0..<n { for u in 0..<n { mean += k[(a * n + t) * size + b * n + u] } }
                mean /= Double(n * n)
                for t in 0..<n {
                    for u in 0..<n { defect = max(defect, abs(k[(a * n + t) * size + b * n + u] - mean)) }
                }
            }
        }
        return defect
    }

    /// The interleaved kernel K̃ ((A,0), (B,0), (A,1), …) of two cyclic orbits: each cyclic diagonal's mean c_m
    /// (the projection onto the circulants, eq. 12), its spectrum λ_k = Σ_m c_m cos(2πkm/2N) and max |K̃ − circ|.
    /// O(N²): the whole kernel is read (for the defect).
    static func circularized(_ k: [Double], length n: Int) -> (spectrum: [Double], defect: Double) {
        let m = 2 * n
        let size = 2 * n
        func entry(_ i: Int, _ j: Int) -> Double { k[((i % 2) * n + i / 2) * size + (j % 2) * n + j / 2] }
        var c = [Double](repeating: 0, count: m)
        for shift in 0..<m { for i in 0..<m { c[shift] += entry(i, (i + shift) % m) } }
        c = c.map { $0 / Double(m) }
        var defect = 0.0
        for shift in 0..<m { for i in 0..<m { defect = max(defect, abs(entry(i, (i + shift) % m) - c[shift])) } }
        return (CyclicOrbitBlocks.circulantSpectrum(c), defect)
    }

    /// ε = λ_N⁻¹ / mean_k λ_k⁻¹ (eq. 7), with eigenvalues below 2N·ε_mach·max λ taken as 0: a vanishing λ_k
    /// (k ≠ N) makes the mean infinite and ε = 0 (perfect generalisation, the paper's rank-deficient case); a
    /// vanishing λ_N leaves ε undefined (nil).
    static func spectralError(_ l: [Double]) -> Double? {
        guard l.count > 1 else { return nil }
        let tolerance = Double(l.count) * Double.ulpOfOne * (l.map(abs).max() ?? 0)
        guard l[l.count / 2] > tolerance else { return nil }
        guard l.allSatisfy({ $0 > tolerance }) else { return 0 }
        return (1 / l[l.count / 2]) / (l.reduce(0) { $0 + 1 / $1 } / Double(l.count))
    }

    /// Δ² = ‖x̄_A − x̄_B‖² between two orbits' centroids and the mean distance of the points from their centroid.
    static func geometry(_ orbits: [[[Double]]]) -> (deltaSquared: Double, radius: Double) {
        let centroids = orbits.map { o in
            (0..<(o.first?.count ?? 0)).map { i in o.reduce(0) { $0 + $1[i] } / Double(o.count) }
        }
        let delta = zip(centroids[0], centroids[1]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        var radius = 0.0
        for (o, centre) in zip(orbits, centroids) {
            for p in o { radius += zip(p, centre).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot() }
        }
        return (delta, radius / Double(orbits.reduce(0) { $0 + $1.count }))
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
}
