import Algebra

/// One real isotypic block of ℝ^n under a finite permutation group (MATH.md §8.1): an irreducible real
/// representation ρ of type D = End_G(ρ) ∈ {ℝ, ℂ, ℍ} and weight w = dim_ℝ ρ, occurring μ times over D. An
/// equivariant matrix is, on this block, I_c ⊗ R_D(x) with x ∈ M_μ(D), and adds w·rank_D(x) to the rank.
///
/// `IsotypicBlock` describes a block of any group; `SpectralBlock` is the cyclic case, where the block is an
/// eigenvalue pair ζ_l^{±m} of one permutation (w = δ = 1 or 2) and carries (l, m) for the FFT.
public protocol RealBlock: Sendable, Hashable, Encodable {
    /// The division algebra End_G(ρ).
    var type: DivisionAlgebra { get }
    /// w = dim_ℝ ρ: how much rank one unit of t adds.
    var weight: Int { get }
    /// μ: the multiplicity of ρ over D (the block is μ×μ over D).
    var multiplicity: Int { get }
    /// A stable name within its decomposition (`28/27`, `R1.1`, `H4.1`; docs/cli.md "Block labels").
    var label: String { get }
    /// The rotation angle θ/2π of an eigenvalue block of one permutation (MATH.md §4.1); nil for other blocks.
    var angle: Rational? { get }
}

extension RealBlock {
    /// No angle: only the eigenvalue blocks of one permutation have one.
    public var angle: Rational? { nil }

    /// The block as a plain (type, weight, multiplicity, label) record.
    public var isotypic: IsotypicBlock {
        IsotypicBlock(type: type, weight: weight, multiplicity: multiplicity, label: label)
    }
}
