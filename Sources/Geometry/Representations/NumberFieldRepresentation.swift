import Algebra

/// A representation with matrix entries in a number field K = ℚ[a]/(f) (MATH.md §9.1, the cyclotomic
/// version): rotations by 2π/n need cos and sin of 2π/n, which lie in ℚ(ζ_n, i) ∩ ℝ, e.g. ℚ(√3) for n = 6 or 12.
/// The equivariant maps are the nullspace of the same constraint as `EquivarianceConstraint` (A W − W B = 0 per
/// generator pair, vec(W) row-major), solved exactly over K (antic) and returned in reduced row echelon form.
public struct NumberFieldRepresentation: Sendable {
    /// A d×d matrix over K, row by row.
    public typealias Matrix = [[NumberFieldElement]]

    /// K, the field of the entries.
    public let field: NumberField
    /// d, the size of the matrices.
    public let dimension: Int
    /// The images ρ(h_i) of the group generators.
    public let groupGenerators: [Matrix]
    /// The matrices dρ(A_k) of the Lie algebra generators.
    public let lieGenerators: [Matrix]

    /// The largest number of unknowns d_in·d_out solved over K.
    public static let maximumUnknowns = 1024

    /// - Throws: `GeometryError.invalidShape` when a matrix is not d×d or a group generator is singular.
    public init(field: NumberField, dimension d: Int, groupGenerators: [Matrix], lieGenerators: [Matrix] = []) throws {
        try self.init(field: field, dimension: d, group: groupGenerators, lie: lieGenerators)
        for (k, m) in groupGenerators.enumerated() {
            var rows = NumberFieldRowEchelon(unknowns: d, field: field)
            for row in m { _ = rows.add(row) }
            guard rows.rank == d else {
                throw GeometryError.invalidShape(
                    "group generator \(k + 1) is singular (a group acts by invertible maps)")
            }
        }
    }

    /// The representation without the invertibility check (tensor powers of invertible generators).
    private init(field: NumberField, dimension d: Int, group groupGenerators: [Matrix], lie lieGenerators: [Matrix])
        throws
    {
        guard d >= 1 else { throw GeometryError.invalidShape("a representation needs dimension ≥ 1") }
        for (k, m) in (groupGenerators + lieGenerators).enumerated()
        where m.count != d || m.contains(where: { $0.count != d }) {
            throw GeometryError.invalidShape("generator \(k + 1) is not \(d)×\(d)")
        }
        self.field = field
        dimension = d
        self.groupGenerators = groupGenerators
        self.lieGenerators = lieGenerators
    }

    /// ρ^{⊗k}: h^{⊗k} and Σ_j I⊗…⊗A⊗…⊗I, tuples numbered row-major.
    public func tensorPower(_ k: Int) throws -> Self {
        guard k >= 0 else { throw GeometryError.invalidShape("a tensor power needs k ≥ 0, got \(k)") }
        let one = [[NumberFieldElement(1, in: field)]]
        var group = groupGenerators.map { _ in one }
        var lie = lieGenerators.map { _ in [[NumberFieldElement(0, in: field)]] }
        var size = 1
        for _ in 0..<k {
            size *= dimension
            guard size <= 1 << 12 else { throw GeometryError.tooLarge("tensor power of dimension \(size) over K") }
            lie = zip(lie, lieGenerators).map { a, b in
                add(kronecker(a, identity(dimension)), kronecker(identity(a.count), b))
            }
            group = zip(group, groupGenerators).map { kronecker($0, $1) }
        }
        return try Self(field: field, dimension: size, group: group, lie: lie)
    }

    /// The maps W: self → output with ρ_out(h)W = Wρ_in(h) and dρ_out(A)W = W dρ_in(A), generators paired by
    /// position; each d_out×d_in, in reduced row echelon order over vec(W).
    /// - Throws: `GeometryError.invalidShape` when the generators do not pair up; `.tooLarge` past
    ///   `maximumUnknowns`.
    public func equivariantMaps(to output: Self) throws -> [Matrix] {
        guard groupGenerators.count == output.groupGenerators.count,
            lieGenerators.count == output.lieGenerators.count, field === output.field
        else {
            throw GeometryError.invalidShape("the two representations must have paired generators over one field")
        }
        let (dIn, dOut) = (dimension, output.dimension)
        let u = dIn * dOut
        guard u <= Self.maximumUnknowns else {
            throw GeometryError.tooLarge("\(u) unknowns over K (limit \(Self.maximumUnknowns)); lower the powers")
        }
        let zero = NumberFieldElement(0, in: field)
        var echelon = NumberFieldRowEchelon(unknowns: u, field: field)
        let pairs =
            zip(output.groupGenerators, groupGenerators).map { ($0, $1) }
            + zip(output.lieGenerators, lieGenerators).map { ($0, $1) }
        for (a, b) in pairs {
            for r in 0..<dOut {
                for c in 0..<dIn {
                    // (A W − W B)[r, c] = Σ_i A[r, i] W[i, c] − Σ_j W[r, j] B[j, c]
                    var equation = [NumberFieldElement](repeating: zero, count: u)
                    for i in 0..<dOut where !a[r][i].isZero { equation[i * dIn + c] += a[r][i] }
                    for j in 0..<dIn where !b[j][c].isZero { equation[r * dIn + j] -= b[j][c] }
                    echelon.add(equation)
                }
            }
        }
        var basis = NumberFieldRowEchelon(unknowns: u, field: field)
        for v in echelon.nullspace { basis.add(v) }
        return basis.reducedRows.map { v in (0..<dOut).map { i in Array(v[(i * dIn)..<((i + 1) * dIn)]) } }
    }

    private func identity(_ n: Int) -> Matrix {
        (0..<n).map { i in (0..<n).map { NumberFieldElement($0 == i ? 1 : 0, in: field) } }
    }

    private func kronecker(_ a: Matrix, _ b: Matrix) -> Matrix {
        let (p, q) = (b.count, b.first?.count ?? 0)
        return (0..<(a.count * p)).map { r in
            (0..<((a.first?.count ?? 0) * q)).map { c in a[r / p][c / q] * b[r % p][c % q] }
        }
    }

    private func add(_ a: Matrix, _ b: Matrix) -> Matrix { zip(a, b).map { zip($0, $1).map { $0 + $1 } } }
}
