/// The verdict of an exact basis certificate (MATH.md §5 for one permutation, §8.6 for any group): whether
/// every identity P_s B = B·M_s, BᵀB = Δ (and, for a group, the models' irreducibility and the orbital count)
/// held exactly, how many exact entries were compared, and what failed.
public struct BasisCertificate: Sendable, Codable, Equatable {
    /// Whether every identity held exactly.
    public let holds: Bool
    /// How many exact entries or identities were compared.
    public let checkedEntries: Int
    /// What failed, one line each (at most 20).
    public let failures: [String]
    /// Blocks without an exact model (their floating basis is checked numerically, not here).
    public let floatingBlocks: [String]

    enum CodingKeys: String, CodingKey {
        case holds, failures
        case checkedEntries = "checked_entries"
        case floatingBlocks = "floating_blocks"
    }

    /// The verdict of `failures` (kept to the first 20) after `checkedEntries` comparisons.
    init(failures: [String], checkedEntries: Int, floatingBlocks: [String] = []) {
        holds = failures.isEmpty
        self.checkedEntries = checkedEntries
        self.failures = Array(failures.prefix(20))
        self.floatingBlocks = floatingBlocks
    }
}
