import Algebra

/// The equivariant variety E^σ_{r,n×n} = {W : rank W ≤ r, W P_σ = P_σ W} (MATH.md §4).
///
/// In the basis Q_σ it is the union of the products V_t of determinantal varieties, one per tuple t
/// with 0 ≤ t_b ≤ d_b and Σ w_b t_b ≤ r. Its irreducible components are the maximal tuples: those of
/// weight exactly r (the paper's components, each containing a rank-r matrix) and, for r ≤ n, those
/// of weight r − 1 with every weight-1 block saturated (containing no rank-r matrix); for r > n the
/// single tuple t = d.
///
///     σ = (1 2 3), r = 2: components (0,1) [circulants with eigenvalue 0 at 1, dim 2] and (1,0)
///     [a = b = c, dim 1]; the paper counts 1.
public struct EquivariantVariety: Sendable {
    public let structure: BlockStructure
    public let rank: Int

    /// E^σ_{r,n×n} for σ of the given cycle type.
    /// - Throws: `GeometryError.rankOutOfRange` unless 0 ≤ r ≤ n.
    public init(structure: BlockStructure, rank r: Int) throws {
        try BlockShapes.validateRank(r, degree: structure.degree)
        self.structure = structure
        rank = r
    }

    public init(permutation: Permutation, rank r: Int) throws {
        try self.init(structure: BlockStructure(permutation), rank: r)
    }

    public var blocks: [SpectralBlock] { structure.blocks }
    public var degree: Int { structure.degree }

    /// Whether t is an irreducible component here: in range, Σ w t ≤ r, and no block can be raised.
    public func isComponent(_ t: [Int]) -> Bool { (try? validateComponent(t)) != nil }

    /// Checks t entry by entry and for maximality.
    /// - Throws: the first `GeometryError` that t violates.
    public func validateComponent(_ t: [Int]) throws {
        try structure.shapes.validateComponent(t, labels: blocks.map(\.label), rank: rank)
    }

    /// Checks length, ranges and weight ≤ r (not maximality).
    public func validateTuple(_ t: [Int]) throws {
        try structure.shapes.validateTuple(t, labels: blocks.map(\.label), rank: rank)
    }

    /// The component V_t with its invariants.
    /// - Throws: `GeometryError` if t is not an irreducible component of E^σ_r.
    public func component(_ t: [Int]) throws -> EquivariantComponent {
        try validateComponent(t)
        return EquivariantComponent(structure: structure, tuple: t, rank: rank)
    }
}
