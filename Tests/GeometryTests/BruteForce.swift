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
