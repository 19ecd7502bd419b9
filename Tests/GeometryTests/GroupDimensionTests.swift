import Foundation
import Testing
import Algebra
import EqgeomTestSupport

@testable import Geometry

/// Dimensions of group components against numeric Jacobian ranks (MATH.md §8.4): V_t is the image of
/// (A, B) ↦ A·Π·B over the commutant, Π the orthogonal projector onto chosen eigenvalue clusters of a
/// random symmetric equivariant matrix (a cluster is one copy of one block ρ, of multiplicity w_ρ). The
/// rank of the differential at a random point, a float computation independent of eqgeom's formula,
/// must equal Σ δ t(2μ − t). Clusters are drawn only where their blocks are determined by the weight.
@Suite struct GroupDimensionTests {
    @Test func dimensionsAgreeWithJacobianRanks() throws {
        let cases = try JSONDecoder().decode([IsotypicDecompositionTests.Case].self, from: oracleData("isotypic.json"))
        var rng = SeededGenerator(seed: 4242)
        for name in ["Q8 on two regular orbits", "F21 regular", "A5 on 12 points", "S4 on 2-subsets", "Q8 regular"] {
            let c = try #require(cases.first { $0.name == name })
            let group = try PermutationGroup(generators: c.generators.map { try Permutation(images: $0) }, degree: c.n)
            let blocks = try IsotypicDecomposition(group: group).blocks
            let n = c.n
            let (orbitOf, s) = try group.orbitsOnTuples(length: 2)
            let basis = (0..<s).map { k in (0..<(n * n)).map { orbitOf[$0] == Int32(k) ? 1.0 : 0.0 } }
            func random() -> [Double] {
                var m = [Double](repeating: 0, count: n * n)
                for b in basis {
                    let x = Double.random(in: -1...1, using: &rng)
                    for i in m.indices { m[i] += x * b[i] }
                }
                return m
            }
            let r0 = random()
            var symmetric = r0
            for i in 0..<n { for j in 0..<n { symmetric[i * n + j] = r0[i * n + j] + r0[j * n + i] } }
            let (values, vectors) = jacobiEigen(symmetric, n)
            let clusters = cluster(values)
            for _ in 0..<3 {
                // per weight, a random number of clusters (at most the copies available)
                var chosen: [Int] = []
                var expected = 0
                for w in Set(blocks.map(\.weight)).sorted() {
                    let ofWeight = clusters.filter { $0.count == w }
                    let same = blocks.filter { $0.weight == w }
                    let available = ofWeight.count
                    // which block a cluster belongs to is unknown: with several blocks of this weight the
                    // dimension is determined only when every one has μ = 1
                    let determined = same.count == 1 || same.allSatisfy { $0.multiplicity == 1 }
                    let take = determined ? Int.random(in: 0...available, using: &rng) : 0
                    chosen += ofWeight.prefix(take).flatMap { $0 }
                    // distribute the taken copies over the equal blocks: each block has μ copies
                    var left = take
                    for b in same {
                        let t = min(left, b.multiplicity)
                        left -= t
                        expected += b.type.dimension * t * (2 * b.multiplicity - t)
                    }
                }
                var pi = [Double](repeating: 0, count: n * n)
                for e in chosen { for i in 0..<n { for j in 0..<n { pi[i * n + j] += vectors[i][e] * vectors[j][e] } } }
                let (a0, b0) = (random(), random())
                var columns: [[Double]] = []
                for e in basis {
                    columns.append(multiply(multiply(e, pi, n), b0, n))
                    columns.append(multiply(multiply(a0, pi, n), e, n))
                }
                #expect(numericRank(columns) == expected, "\(name)")
            }
        }
    }
}

/// Eigen-clusters: indices of eigenvalues equal up to 1e-7 (relative to the largest).
func cluster(_ values: [Double]) -> [[Int]] {
    let order = values.indices.sorted { values[$0] < values[$1] }
    let scale = max(values.map(abs).max() ?? 1, 1)
    var out: [[Int]] = []
    for i in order {
        if let last = out.last?.last, abs(values[last] - values[i]) < 1e-7 * scale {
            out[out.count - 1].append(i)
        } else {
            out.append([i])
        }
    }
    return out
}

/// Cyclic Jacobi eigenvalue iteration for a symmetric n×n row-major matrix: eigenvalues and the
/// eigenvectors as columns of `vectors[row][column]`.
func jacobiEigen(_ m: [Double], _ n: Int) -> ([Double], [[Double]]) {
    var a = (0..<n).map { i in (0..<n).map { m[i * n + $0] } }
    var v = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
    for _ in 0..<100 {
        var off = 0.0
        for p in 0..<n { for q in (p + 1)..<max(p + 1, n) { off += a[p][q] * a[p][q] } }
        if off < 1e-26 { break }
        for p in 0..<n {
            for q in (p + 1)..<max(p + 1, n) where abs(a[p][q]) > 1e-300 {
                let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                let c = 1 / (t * t + 1).squareRoot()
                let s = t * c
                for k in 0..<n {
                    let (akp, akq) = (a[k][p], a[k][q])
                    a[k][p] = c * akp - s * akq
                    a[k][q] = s * akp + c * akq
                }
                for k in 0..<n {
                    let (apk, aqk) = (a[p][k], a[q][k])
                    a[p][k] = c * apk - s * aqk
                    a[q][k] = s * apk + c * aqk
                }
                for k in 0..<n {
                    let (vkp, vkq) = (v[k][p], v[k][q])
                    v[k][p] = c * vkp - s * vkq
                    v[k][q] = s * vkp + c * vkq
                }
            }
        }
    }
    return ((0..<n).map { a[$0][$0] }, v)
}

func multiply(_ x: [Double], _ y: [Double], _ n: Int) -> [Double] {
    var out = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
        for k in 0..<n where x[i * n + k] != 0 { for j in 0..<n { out[i * n + j] += x[i * n + k] * y[k * n + j] } }
    }
    return out
}

/// The rank of a set of vectors by Gaussian elimination with partial pivoting (relative tolerance 1e-9).
func numericRank(_ vectors: [[Double]]) -> Int {
    var rows = vectors
    let scale = max(rows.flatMap { $0 }.map(abs).max() ?? 1, 1e-300)
    var rank = 0
    let width = rows.first?.count ?? 0
    for col in 0..<width {
        guard rank < rows.count else { break }
        let pivot = (rank..<rows.count).max { abs(rows[$0][col]) < abs(rows[$1][col]) } ?? rank
        guard abs(rows[pivot][col]) > 1e-9 * scale else { continue }
        rows.swapAt(rank, pivot)
        for r in (rank + 1)..<max(rank + 1, rows.count) {
            let f = rows[r][col] / rows[rank][col]
            if f != 0 { for k in col..<width { rows[r][k] -= f * rows[rank][k] } }
        }
        rank += 1
    }
    return rank
}
