import Algebra

/// The orbital (centraliser) algebra A = End_G(ℚ^U) of a G-invariant set of points U (MATH.md §8.2
/// step 3): its basis is the adjacency matrices A_k of the orbitals (orbits of G on U × U), and
/// A_i A_j = Σ_k p_ij^k A_k with intersection numbers p_ij^k = #{z : (x,z) ∈ O_i, (z,y) ∈ O_j} for any
/// (x,y) ∈ O_k. Elements are rational coordinate vectors in this basis.
struct OrbitalAlgebra: Sendable {
    /// s, the number of orbitals (= dim A).
    let dimension: Int
    /// p_ij^k at index (i·s + j)·s + k.
    let structure: [Int32]
    /// The orbital of the transposed pairs: A_k^T = A_{transpose[k]}.
    let transpose: [Int]
    /// For a diagonal orbital (x, x), the number of its points (the trace of A_k); 0 otherwise.
    let trace: [Int]
    /// For a diagonal orbital, the index of the orbit of U it lies on; −1 otherwise.
    let diagonalOrbit: [Int]
    /// For each pair of orbits (a, b) of U, the number of orbitals from a to b.
    let orbitalsBetween: [[Int]]
    /// For the first point x₀ of U: #{y : (x₀, y) ∈ O_k}, so that (y·1)(x₀) = Σ_k y_k·outDegree[k].
    let outDegree: [Int]
    /// The points of U (0-based points of the group's degree) in local order: the orbits concatenated.
    let points: [Int]
    /// The orbital of each pair of local points (x, y) at index x·|U| + y.
    let orbitalOfPair: [Int32]

    /// The orbital algebra of the union of `orbits` (0-based points of the group's degree).
    /// - Throws: `MemoryLimitError` when the pairs or the structure constants exceed the memory budget.
    init(group: PermutationGroup, orbits: [[Int]]) throws {
        let points = orbits.flatMap { $0 }
        let m = points.count
        let pairs = try group.restricted(to: points).orbitsOnTuples(length: 2)
        let s = pairs.count
        try MemoryBudget.require(
            ByteCount.product(s, s, s, 4), for: "the intersection numbers of \(s) orbitals",
            advice: "the group has too many orbitals on one orbit of each type for the rational engine")
        var representative = [Int](repeating: -1, count: s)
        for (index, k) in pairs.orbitOf.enumerated() where representative[Int(k)] < 0 {
            representative[Int(k)] = index
        }
        var structure = [Int32](repeating: 0, count: s * s * s)
        var transpose = [Int](repeating: 0, count: s)
        var trace = [Int](repeating: 0, count: s)
        for k in 0..<s {
            let (x, y) = (representative[k] / m, representative[k] % m)
            transpose[k] = Int(pairs.orbitOf[y * m + x])
            for z in 0..<m {
                let i = Int(pairs.orbitOf[x * m + z])
                let j = Int(pairs.orbitOf[z * m + y])
                structure[(i * s + j) * s + k] += 1
            }
        }
        var orbitOfPoint = [Int](repeating: 0, count: m)
        var start = 0
        for (a, orbit) in orbits.enumerated() {
            for i in start..<(start + orbit.count) { orbitOfPoint[i] = a }
            start += orbit.count
        }
        var outDegree = [Int](repeating: 0, count: s)
        for y in 0..<m { outDegree[Int(pairs.orbitOf[y])] += 1 }
        var diagonalOrbit = [Int](repeating: -1, count: s)
        var between = [[Int]](repeating: [Int](repeating: 0, count: orbits.count), count: orbits.count)
        for k in 0..<s {
            let (x, y) = (representative[k] / m, representative[k] % m)
            between[orbitOfPoint[x]][orbitOfPoint[y]] += 1
            if x == y {
                diagonalOrbit[k] = orbitOfPoint[x]
                trace[k] = orbits[orbitOfPoint[x]].count
            }
        }
        dimension = s
        self.points = points
        orbitalOfPair = pairs.orbitOf
        self.structure = structure
        self.transpose = transpose
        self.trace = trace
        self.diagonalOrbit = diagonalOrbit
        orbitalsBetween = between
        self.outDegree = outDegree
    }

    /// The coordinates of the identity: the sum of the diagonal orbitals.
    var identity: [Rational] { trace.map { $0 > 0 ? Rational(1) : Rational(0) } }

    /// The matrix of x ↦ y·x (`left`) or x ↦ x·y in the orbital basis, for y with integer coordinates.
    func multiplication(by y: [Int], left: Bool) -> [[Int]] {
        let s = dimension
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: s), count: s)
        for j in 0..<s where y[j] != 0 {
            for i in 0..<s {
                for k in 0..<s {
                    let p = left ? structure[(j * s + i) * s + k] : structure[(i * s + j) * s + k]
                    if p != 0 { matrix[k][i] += y[j] * Int(p) }
                }
            }
        }
        return matrix
    }

    /// The matrix of x ↦ y·x for rational y.
    func leftMultiplication(by y: [Rational]) -> RationalMatrix {
        let s = dimension
        var matrix = RationalMatrix(rows: s, columns: s)
        var entries = [[Rational]](repeating: [Rational](repeating: Rational(0), count: s), count: s)
        for j in 0..<s where !y[j].isZero {
            for i in 0..<s {
                for k in 0..<s {
                    let p = structure[(j * s + i) * s + k]
                    if p != 0 { entries[k][i] = entries[k][i] + y[j] * Rational(Int(p)) }
                }
            }
        }
        for k in 0..<s { for i in 0..<s where !entries[k][i].isZero { matrix[k, i] = entries[k][i] } }
        return matrix
    }
}
