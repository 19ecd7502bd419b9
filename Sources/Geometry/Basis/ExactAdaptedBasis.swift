/// An exact adapted basis B of ℝ^n for a permutation symmetry (MATH.md §5, §8.5): P_s B = B·M_s for every
/// generator s, with M_s block diagonal over the isotypic blocks, and BᵀB = Δ diagonal, so Q = B·Δ^{−1/2} is
/// orthogonal and block-diagonalises every equivariant map. One permutation's closed-form cyclotomic basis
/// (`ExactBasis`) is the fast conformer; any group's number-field basis (`AdaptedBasis`) the general one.
public protocol ExactAdaptedBasis: Sendable {
    /// n, the number of points.
    var degree: Int { get }

    /// Checks the basis's identities exactly.
    /// - Parameter everyOrbit: check every orbit, not one per orbit type where orbits of one type share their
    ///   block (the cyclic case's cycles of one length); a group's certificate always checks every orbit.
    func certify(everyOrbit: Bool) throws -> BasisCertificate
}
