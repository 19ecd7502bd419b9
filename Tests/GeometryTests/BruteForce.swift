import Algebra
@testable import Geometry

/// Every tuple 0 ≤ t ≤ d, enumerated directly (small cases only).
func allTuples(_ blocks: [SpectralBlock]) -> [[Int]] {
    var out: [[Int]] = [[]]
    for b in blocks { out = out.flatMap { t in (0...b.multiplicity).map { t + [$0] } } }
    return out
}

func weight(_ t: [Int], _ blocks: [SpectralBlock]) -> Int { zip(blocks, t).reduce(0) { $0 + $1.0.weight * $1.1 } }

/// Maximal tuples by definition: weight ≤ r and no single block can be raised by one within r.
func bruteForceComponents(_ blocks: [SpectralBlock], rank r: Int) -> [[Int]] {
    allTuples(blocks).filter { t in
        let w = weight(t, blocks)
        return w <= r && zip(blocks, t).allSatisfy { b, v in v == b.multiplicity || w + b.weight > r }
    }
}

/// The documented order: weight-r tuples lexicographically, then the others lexicographically.
func documentedOrder(_ tuples: [[Int]], _ blocks: [SpectralBlock], rank r: Int) -> [[Int]] {
    let lex: ([Int], [Int]) -> Bool = { $0.lexicographicallyPrecedes($1) }
    return tuples.filter { weight($0, blocks) == r }.sorted(by: lex)
        + tuples.filter { weight($0, blocks) != r }.sorted(by: lex)
}

/// dim {W : AW = WA for every A in `ms`} by one dense exact nullspace: n² − the rank of the stacked rows
/// (A ⊗ I − I ⊗ Aᵀ) vec(W) = vec(AW − WA) over every A.
func denseCommutantDimension(_ ms: [RationalMatrix], n: Int) -> Int {
    var system = RationalMatrix(rows: ms.count * n * n, columns: n * n)
    for (k, a) in ms.enumerated() {
        for i in 0..<n {
            for j in 0..<n {
                let row = k * n * n + i * n + j
                // (AW − WA)[i, j] = Σ_l A[i, l] W[l, j] − W[i, l] A[l, j]
                for l in 0..<n {
                    system[row, l * n + j] = system[row, l * n + j] + a[i, l]
                    system[row, i * n + l] = system[row, i * n + l] - a[l, j]
                }
            }
        }
    }
    return n * n - system.rowReduced.rank
}
