import Algebra

/// The linear maps W: V_in → V_out (d_out×d_in) that commute with two representations of one group:
/// ρ_out(h) W = W ρ_in(h) for every group generator h and dρ_out(A) W = W dρ_in(A) for every Lie generator A
/// (MATH.md §9.1). With vec(W) row-major (vec[i·d_in + j] = W[i, j]) this is EMLP's C_{h,A} vec(W) = 0:
/// the rows of generator h are ρ_out(h) ⊗ I − I ⊗ ρ_in(h)ᵀ, EMLP's ρ_out(h) ⊗ ρ_in(h)^{−T} − I times the
/// invertible I ⊗ ρ_in(h)ᵀ (the same nullspace), and those of A are dρ_out(A) ⊗ I − I ⊗ dρ_in(A)ᵀ.
///
/// Solved exactly, one generator at a time: permutation representations by the orbits of G on pairs
/// (orbitals, no linear algebra); otherwise monomial generators (signed permutations, 90° rotations) first by
/// the cycles of (i, j) ↦ (π(i), σ(j)), or a generator acting alike on both sides with a cyclic vector by its
/// commutant ℚ[A] = span{I, A, …, A^{d−1}}; then each remaining generator on the current basis only (a
/// u×k system, k the current dimension) with FLINT's exact RREF; a dense u×u system only when no generator
/// is monomial or cyclic, after the memory check.
public struct EquivarianceConstraint: Sendable {
    /// ρ_in, the representation on the input.
    public let input: MatrixRepresentation
    /// ρ_out, the representation on the output.
    public let output: MatrixRepresentation

    /// u = d_out·d_in, the entries of W.
    public var unknowns: Int { input.dimension * output.dimension }
    /// The rows of C_{h,A}: u per generator.
    public var constraintRows: Int { (input.groupGeneratorCount + input.lieGenerators.count) * unknowns }

    /// - Throws: `GeometryError.invalidShape` when the generators do not pair up; `.tooLarge` past 2^24 unknowns.
    public init(input: MatrixRepresentation, output: MatrixRepresentation) throws {
        try input.requirePaired(output)
        _ = try MatrixRepresentation.product(input.dimension, output.dimension)
        self.input = input
        self.output = output
    }

    /// The solution space with an exact basis.
    /// - Throws: `MemoryLimitError` when a system would exceed the memory budget.
    public func solve(progress: (String) -> Void = { _ in }) throws -> EquivariantMapSpace {
        let (rows, columns) = (output.dimension, input.dimension)
        if let p = output.permutations, let q = input.permutations {
            let pairs = try MatrixRepresentation(permutations: p, degree: rows).tensor(
                try MatrixRepresentation(permutations: q, degree: columns))
            let group = try PermutationGroup(generators: pairs.permutations ?? [], degree: unknowns)
            let (orbitOf, count) = try group.orbitsOnTuples(length: 1)
            return EquivariantMapSpace(rows: rows, columns: columns, method: .orbitals, orbitOf: orbitOf, count: count)
        }
        // exact elimination holds up to u×u rationals (the constraint, or the monomial fixed space and its
        // images): budgeted before FLINT allocates anything
        try MemoryBudget.require(
            ByteCount.product(unknowns, unknowns, 16), for: "exact elimination over \(unknowns) unknowns",
            advice: "lower the tensor powers, or solve in floating point (--numeric)")
        // h and A enter alike: ρ_out(h)W = Wρ_in(h), dρ_out(A)W = W dρ_in(A); a monomial pair (group or Lie, both
        // invertible) is solved by its cycles
        var pairs: [(RationalMatrix, RationalMatrix)] = []
        for i in 0..<input.groupGeneratorCount { pairs.append((output.groupGenerator(i), input.groupGenerator(i))) }
        for (a, b) in zip(output.lieGenerators, input.lieGenerators) { pairs.append((a, b)) }
        var basis: RationalMatrix? = nil  // u × k, columns = vec of the current solutions
        if let m = pairs.firstIndex(where: { Self.isMonomial($0.0) && Self.isMonomial($0.1) }) {
            basis = MonomialFixedSpace(pairs[m].0, pairs[m].1).basis
            pairs.remove(at: m)
        } else if let c = pairs.firstIndex(where: { $0.0 == $0.1 && Self.isCyclic($0.0) }) {
            basis = Self.powers(of: pairs[c].0)
            pairs.remove(at: c)
        }
        for (k, (a, b)) in pairs.enumerated() {
            progress("generator \(k + 1) of \(pairs.count): \(basis?.columns ?? unknowns) unknowns")
            if let current = basis {
                if current.columns == 0 { break }
                let images = try Self.images(of: current, a: a, b: b)
                basis = current * images.nullspace
            } else {
                basis = try Self.denseConstraint(a: a, b: b).nullspace
            }
        }
        let solutions = try basis ?? Self.identityBasis(unknowns)
        return EquivariantMapSpace(
            rows: rows, columns: columns, method: .exactRREF, echelon: solutions.transposed.rowReduced.form,
            count: solutions.columns)
    }

    /// Whether A has a cyclic vector (its Krylov matrix [v, Av, …, A^{d−1}v] is invertible for v = (1, 2, …, d) or
    /// e_1): then its commutant is ℚ[A], spanned by I, A, …, A^{d−1} (a non-derogatory matrix commutes only with
    /// its polynomials). A false answer only means the dense path is taken.
    static func isCyclic(_ a: RationalMatrix) -> Bool {
        let d = a.rows
        guard d > 1 else { return true }
        for start in [(0..<d).map { Rational($0 + 1) }, (0..<d).map { Rational($0 == 0 ? 1 : 0) }] {
            var v = RationalMatrix(rows: d, columns: 1)
            for i in 0..<d { v[i, 0] = start[i] }
            var krylov = RationalMatrix(rows: d, columns: d)
            for k in 0..<d {
                for i in 0..<d where !v.isZero(i, 0) { krylov[i, k] = v[i, 0] }
                v = a * v
            }
            if krylov.rank == d { return true }
        }
        return false
    }

    /// u × d: the columns vec(A^k), k = 0, …, d − 1 (row-major).
    static func powers(of a: RationalMatrix) -> RationalMatrix {
        let d = a.rows
        var powers = [RationalMatrix.identity(d)]
        while powers.count < d { powers.append(a * powers[powers.count - 1]) }
        return MatrixSpan.vectorized(powers, length: d * d).transposed
    }

    /// Whether every row and column has exactly one nonzero entry.
    static func isMonomial(_ m: RationalMatrix) -> Bool {
        var rowCount = [Int](repeating: 0, count: m.rows)
        var columnCount = [Int](repeating: 0, count: m.columns)
        for i in 0..<m.rows {
            for j in 0..<m.columns where !m.isZero(i, j) {
                rowCount[i] += 1
                columnCount[j] += 1
            }
        }
        return rowCount.allSatisfy { $0 == 1 } && columnCount.allSatisfy { $0 == 1 }
    }

    /// C = A ⊗ I − I ⊗ Bᵀ (u×u): column (i, j) is vec(A E_ij − E_ij B).
    static func denseConstraint(a: RationalMatrix, b: RationalMatrix) throws -> RationalMatrix {
        let (rows, columns) = (a.rows, b.rows)
        let u = rows * columns
        try MemoryBudget.require(
            ByteCount.product(u, u, 48), for: "a dense \(u)×\(u) exact constraint",
            advice: "give a monomial generator (a permutation or signed permutation) first, or a smaller case")
        var c = RationalMatrix(rows: u, columns: u)
        for i in 0..<rows {
            for j in 0..<columns {
                let column = i * columns + j
                for r in 0..<rows where !a.isZero(r, i) { c[r * columns + j, column] += a[r, i] }
                for s in 0..<columns where !b.isZero(j, s) { c[i * columns + s, column] -= b[j, s] }
            }
        }
        return c
    }

    /// The u×k matrix of vec(A X − X B) for the k solutions X (the columns of `basis`).
    static func images(of basis: RationalMatrix, a: RationalMatrix, b: RationalMatrix) throws -> RationalMatrix {
        let (rows, columns) = (a.rows, b.rows)
        try MemoryBudget.require(
            ByteCount.product(basis.rows, basis.columns, 64), for: "the constraint on \(basis.columns) solutions",
            advice: "use a smaller case")
        var out = RationalMatrix(rows: basis.rows, columns: basis.columns)
        for c in 0..<basis.columns {
            var x = RationalMatrix(rows: rows, columns: columns)
            for e in 0..<basis.rows where !basis.isZero(e, c) { x[e / columns, e % columns] = basis[e, c] }
            let image = a * x - x * b
            for e in 0..<basis.rows where !image.isZero(e / columns, e % columns) {
                out[e, c] = image[e / columns, e % columns]
            }
        }
        return out
    }

    /// The u×u identity: with no generators every map is equivariant.
    static func identityBasis(_ u: Int) throws -> RationalMatrix {
        try MemoryBudget.require(
            ByteCount.product(u, u, 32), for: "the basis of all \(u) maps", advice: "use a smaller case")
        return RationalMatrix.identity(u)
    }
}
