import Algebra

/// The space of equivariant maps W: V_in → V_out found by `EquivarianceConstraint`, with its exact basis in
/// reduced row echelon form over vec(W) (row-major): each basis map has a leading 1 at an entry where the
/// others vanish, so two methods give identical bases for the same space.
public struct EquivariantMapSpace: Sendable {
    /// How the space was computed: by the orbitals of a permutation group, or by exact elimination.
    public enum Method: String, Sendable {
        /// Orbits of the group on pairs (i, j): the basis maps are the orbit indicators.
        case orbitals
        /// Exact elimination (FLINT's rational RREF), after the monomial generators' cycles.
        case exactRREF = "exact-rref"
    }

    /// d_out and d_in.
    public let rows: Int
    /// d_in, the columns of each map.
    public let columns: Int
    /// How it was computed.
    public let method: Method
    /// The dimension of the space.
    public let dimension: Int
    private let orbitOf: [Int32]?
    private let echelon: RationalMatrix?

    init(rows: Int, columns: Int, method: Method, orbitOf: [Int32]? = nil, echelon: RationalMatrix? = nil, count: Int) {
        self.rows = rows
        self.columns = columns
        self.method = method
        self.orbitOf = orbitOf
        self.echelon = echelon
        dimension = count
    }

    /// The orbit of each entry (i·d_in + j) for the orbital method.
    public var orbitLabels: [Int32]? { orbitOf }

    /// The basis maps, d_out×d_in each, in echelon order.
    public func basis() -> [RationalMatrix] {
        if let labels = orbitOf {
            var maps = [RationalMatrix](repeating: RationalMatrix(rows: rows, columns: columns), count: dimension)
            for (e, o) in labels.enumerated() { maps[Int(o)][e / columns, e % columns] = Rational(1) }
            return maps
        }
        guard let form = echelon else { return [] }
        return (0..<dimension).map { r in
            var m = RationalMatrix(rows: rows, columns: columns)
            for e in 0..<(rows * columns) where !form.isZero(r, e) { m[e / columns, e % columns] = form[r, e] }
            return m
        }
    }
}
