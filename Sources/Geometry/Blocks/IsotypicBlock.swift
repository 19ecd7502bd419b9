/// One isotypic block of the permutation representation ℝ^n of a finite group G (MATH.md §8.1): a real
/// irreducible representation ρ of type D, weight w = dim_ℝ ρ, occurring μ times over D. An equivariant
/// matrix is, on this block, I_c ⊗ R_D(x) with x ∈ M_μ(D), and contributes w·rank_D(x) to the rank.
public struct IsotypicBlock: RealBlock, Codable {
    /// The division algebra End_G(ρ).
    public let type: DivisionAlgebra
    /// w = dim_ℝ ρ: how much rank one unit of t adds.
    public let weight: Int
    /// μ: the multiplicity of ρ in ℝ^n over D (the block is μ×μ over D).
    public let multiplicity: Int
    /// A stable name within its group's decomposition: type, weight and a running number, e.g. `R1.1`
    /// (the trivial representation), `R2.1`, `C2.3`, `H4.1` (docs/cli.md "Block labels").
    public let label: String

    /// A block of type D, weight w, multiplicity μ and a label unique within its decomposition.
    public init(type: DivisionAlgebra, weight: Int, multiplicity: Int, label: String) {
        self.type = type
        self.weight = weight
        self.multiplicity = multiplicity
        self.label = label
    }
}
