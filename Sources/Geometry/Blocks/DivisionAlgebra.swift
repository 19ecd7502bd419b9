/// The division algebra D = End_G(ρ) of a real irreducible representation ρ: ℝ, ℂ or ℍ (Schur and
/// Frobenius; MATH.md §8.1). Its real dimension δ is 1, 2 or 4.
public enum DivisionAlgebra: String, Sendable, Hashable, Codable, CaseIterable {
    /// ρ ⊗ ℂ is irreducible (Frobenius–Schur indicator +1).
    case real = "R"
    /// ρ ⊗ ℂ = χ + χ̄ with χ not real (indicator 0).
    case complex = "C"
    /// ρ ⊗ ℂ = 2χ with χ real but not realisable over ℝ (indicator −1).
    case quaternionic = "H"

    /// δ = dim_ℝ D.
    public var dimension: Int {
        switch self {
        case .real: return 1
        case .complex: return 2
        case .quaternionic: return 4
        }
    }
}
