import Algebra

/// A homogeneous linear system over ℚ in blocks of matrix unknowns (L_1 d_1×d_1', L_2 …), written
/// equation by equation as sums of coefficient·unknown-entry terms; solved by FLINT's exact RREF. The small
/// engine behind the data symmetries (MATH.md §10.1), where each condition is a matrix identity.
struct LinearSystem {
    /// Unknown blocks' shapes and their first column in the system.
    private(set) var shapes: [(rows: Int, columns: Int)] = []
    private(set) var offsets: [Int] = []
    private var equations: [[(Int, Rational)]] = []
    var unknowns: Int { (offsets.last ?? 0) + (shapes.last.map { $0.rows * $0.columns } ?? 0) }

    /// Adds a matrix unknown; returns its block number.
    mutating func addUnknown(rows: Int, columns: Int) -> Int {
        offsets.append(unknowns)
        shapes.append((rows, columns))
        return shapes.count - 1
    }

    /// The column of entry (i, j) of block b.
    func column(_ b: Int, _ i: Int, _ j: Int) -> Int { offsets[b] + i * shapes[b].columns + j }

    mutating func addEquation(_ terms: [(Int, Rational)]) {
        let nonzero = terms.filter { !$0.1.isZero }
        if !nonzero.isEmpty { equations.append(nonzero) }
    }

    /// Adds the entries of Σ_t (left_t · X_{b_t} · right_t) = 0, with nil meaning the identity; X_b is block b.
    mutating func addMatrixEquation(_ terms: [(left: RationalMatrix?, block: Int, right: RationalMatrix?)]) {
        guard let first = terms.first else { return }
        let rows = first.left?.rows ?? shapes[first.block].rows
        let columns = first.right?.columns ?? shapes[first.block].columns
        for r in 0..<rows {
            for c in 0..<columns {
                var entry: [Int: Rational] = [:]
                for t in terms {
                    let shape = shapes[t.block]
                    // (left X right)[r, c] = Σ_{i,j} left[r, i] X[i, j] right[j, c]
                    let lefts: [(Int, Rational)] =
                        t.left.map { l in (0..<shape.rows).filter { !l.isZero(r, $0) }.map { ($0, l[r, $0]) } }
                        ?? [(r, Rational(1))]
                    let rights: [(Int, Rational)] =
                        t.right.map { m in (0..<shape.columns).filter { !m.isZero($0, c) }.map { ($0, m[$0, c]) } }
                        ?? [(c, Rational(1))]
                    for (i, a) in lefts {
                        for (j, b) in rights { entry[column(t.block, i, j), default: Rational(0)] += a * b }
                    }
                }
                addEquation(entry.map { ($0.key, $0.value) })
            }
        }
    }

    /// Adds X_b H + H X_bᵀ = 0 (block b generates maps u with u H uᵀ = H).
    mutating func addPreserving(_ b: Int, _ h: RationalMatrix) {
        let d = h.rows
        for r in 0..<d {
            for c in 0..<d {
                // (XH)[r, c] + (HXᵀ)[r, c] = Σ_k X[r, k] H[k, c] + Σ_k H[r, k] X[c, k]
                var terms: [(Int, Rational)] = []
                for k in 0..<d where !h.isZero(k, c) { terms.append((column(b, r, k), h[k, c])) }
                for k in 0..<d where !h.isZero(r, k) { terms.append((column(b, c, k), h[r, k])) }
                addEquation(terms)
            }
        }
    }

    /// Adds X_b + X_bᵀ = 0 (block b skew).
    mutating func addSkew(_ b: Int) {
        let n = shapes[b].rows
        for i in 0..<n {
            for j in i..<n { addEquation([(column(b, i, j), Rational(1)), (column(b, j, i), Rational(1))]) }
        }
    }

    /// The dimension of the solution space and a basis (columns of an unknowns × dimension matrix).
    func solve() throws -> RationalMatrix {
        try MemoryBudget.require(
            ByteCount.product(equations.count + 1, unknowns, 48), for: "an exact system of \(unknowns) unknowns",
            advice: "use a smaller dimension")
        var m = RationalMatrix(rows: max(equations.count, 1), columns: unknowns)
        for (r, terms) in equations.enumerated() { for (c, v) in terms { m[r, c] += v } }
        return m.nullspace
    }
}
