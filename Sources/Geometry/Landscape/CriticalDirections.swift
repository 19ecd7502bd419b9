/// One critical function of the squared loss for generic data (MATH.md §12.2): on every block b the set J_b of
/// eigen-directions of the block covariance it keeps, as ranks in the eigenvalues' descending order (0 is the
/// largest). Its invariants depend only on these sets, the blocks and, in parameter space, the component t:
/// inv(J) = #{(i ∈ J, l ∉ J) : l < i} counts the kept directions beaten by a dropped one.
///
///     dense μ = 4, t = 2, J = {0, 2}: inv = 1 (direction 1 beats 2), Morse index 1 on the smooth locus.
public struct CriticalDirections: Sendable, Hashable, Codable {
    /// J_b per block, ascending ranks.
    public let sets: [[Int]]

    /// - Precondition: each set ascending, without repeats, within its block (callers build them so).
    public init(sets: [[Int]]) { self.sets = sets }

    /// j_b = |J_b|: the D-rank of the critical function on each block.
    public var profile: [Int] { sets.map(\.count) }

    /// inv(J) = Σ_a (J[a] − a): each kept direction counts the dropped ones ranked before it.
    public static func inversions(_ set: [Int]) -> Int { set.enumerated().reduce(0) { $0 + $1.element - $1.offset } }

    /// The Morse index of ℓ on the smooth locus of the component with t = profile: Σ_b δ_b inv(J_b)
    /// (MATH.md §12.2).
    public func smoothIndex(_ blocks: [IsotypicBlock]) -> Int {
        zip(blocks, sets).reduce(0) { $0 + $1.0.type.dimension * Self.inversions($1.1) }
    }

    /// The Morse index of L(D, E) on component t: Σ_b δ_b (inv(J_b) + (t_b − j_b)(μ_b − j_b)) — every unused
    /// latent slot pairs with every dropped direction into one descent direction (MATH.md §12.4).
    public func parameterIndex(_ blocks: [IsotypicBlock], tuple: [Int]) -> Int {
        zip(zip(blocks, sets), tuple).reduce(0) { sum, entry in
            let ((block, set), t) = entry
            let j = set.count
            return sum + block.type.dimension * (Self.inversions(set) + (t - j) * (block.multiplicity - j))
        }
    }

    /// The zero eigenvalues of L's Hessian on component t, all along the gauge orbit of GL_t(D) per block:
    /// Σ_b δ_b j_b(2t_b − j_b) (δt² when j = t; MATH.md §12.4).
    public func gaugeDimension(_ blocks: [IsotypicBlock], tuple: [Int]) -> Int {
        zip(zip(blocks, sets), tuple).reduce(0) { sum, entry in
            let ((block, set), t) = entry
            return sum + block.type.dimension * set.count * (2 * t - set.count)
        }
    }
}
