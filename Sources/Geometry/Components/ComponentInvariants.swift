import Algebra

/// What `components show` reports of a component V_t, for one permutation (`EquivariantComponent`) or a
/// group (`GroupComponent`) alike (MATH.md §4.4, §8).
public protocol ComponentInvariants: Sendable {
    /// t, one entry per block in canonical order.
    var tuple: [Int] { get }
    /// The blocks' labels in canonical order.
    var blockLabels: [String] { get }
    var dimension: Int { get }
    /// The degree of the component's complexification.
    var degree: BigInteger { get throws }
    var edDegree: BigInteger { get throws }
    /// The tuples of the components of its singular locus.
    var singularLocus: [[Int]] { get }
    /// Σ w t: the largest rank in V_t.
    var maximalRank: Int { get }
    var containsRankR: Bool { get }
    /// Real parameters of the component's weight-sharing autoencoder.
    var parameterCount: Int { get }
    /// 2·r·n, the dense rank-r autoencoder.
    var denseParameterCount: Int { get }
}
