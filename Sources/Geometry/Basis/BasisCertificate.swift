import Algebra

/// An exact certificate that Q_σ = B·D^{−1/2} is orthogonal and block-diagonalises P_σ (MATH.md §5):
/// BᵀB = D and Bᵀ P_σ B = D·J, J = I ⊕ rotation blocks ⊕ −I, checked entry by entry in cyclotomic
/// arithmetic: each entry is an integer histogram of exponents of ζ_N reduced once modulo Φ_N.
///
/// B is block-sparse: a column lives on one cycle, and P_σ maps each cycle to itself, so every entry
/// coupling two different cycles is 0 on both sides; the certificate checks that structure in O(n),
/// then checks the c×c blocks of both identities exactly, once per distinct cycle length (the block
/// of a cycle depends only on its length c) or, with `everyCycle`, once per cycle.
/// - Complexity: O(Σ_c c³) integer operations over the distinct lengths c (exponent histograms).
public struct BasisCertificate: Sendable, Codable {
    /// Whether both identities hold exactly.
    public let holds: Bool
    /// How many exact entries were compared (both identities, all checked blocks).
    public let checkedEntries: Int
    /// The cycle lengths whose blocks were checked.
    public let cycleLengths: [Int]
    /// Human-readable reasons when it does not hold.
    public let failures: [String]

    /// Longest cycle the exact certificate accepts (its cost grows like c³).
    public static let maximumCycleLength = 256

    enum CodingKeys: String, CodingKey {
        case holds, failures
        case checkedEntries = "checked_entries"
        case cycleLengths = "cycle_lengths"
    }

    /// Checks the certificate for B.
    /// - Throws: `GeometryError.tooLarge` when a cycle is longer than `maximumCycleLength`.
    public init(_ basis: ExactBasis, everyCycle: Bool = false) throws {
        let layout = basis.layout
        let sigma = layout.permutation
        var failures: [String] = []
        // Structure: cycles follow σ, every column lies on its cycle, each cycle carries c columns.
        var perCycle = [[Int]](repeating: [], count: layout.cycles.count)
        for (j, col) in layout.columns.enumerated() { perCycle[col.cycle].append(j) }
        for (k, cycle) in layout.cycles.enumerated() {
            for (s, p) in cycle.enumerated() where sigma.image(of: p + 1) - 1 != cycle[(s + 1) % cycle.count] {
                failures.append("cycle \(k) does not follow σ at position \(s)")
            }
            if perCycle[k].count != cycle.count {
                failures.append("cycle \(k) of length \(cycle.count) carries \(perCycle[k].count) columns")
            }
        }
        for col in layout.columns {
            let b = layout.structure.blocks[col.block]
            let c = layout.cycles[col.cycle].count
            if b.isComplex && col.frequency * b.l != (b.l - b.m) * c {
                failures.append("column with frequency \(col.frequency) is not in block \(b.label)")
            }
        }
        if let longest = layout.cycles.map(\.count).max(), longest > Self.maximumCycleLength {
            throw GeometryError.tooLarge(
                "the exact certificate handles cycles up to length \(Self.maximumCycleLength), "
                    + "σ has one of length \(longest); use the numeric check"
            )
        }
        // Exact blocks, by exponent histograms reduced modulo Φ_N (MonomialBlockCheck).
        var seen = Set<Int>()
        var checked = 0
        var lengths: [Int] = []
        for (k, cycle) in layout.cycles.enumerated() {
            let c = cycle.count
            if !everyCycle && !seen.insert(c).inserted { continue }
            if !lengths.contains(c) { lengths.append(c) }
            let check = MonomialBlockCheck(columns: perCycle[k].map { layout.columns[$0] }, length: c)
            for (a, b, identity) in check.failures() {
                failures.append(
                    identity == "gram"
                        ? "BᵀB ≠ D at cycle \(k), columns \(a),\(b)" : "BᵀPB ≠ DJ at cycle \(k), columns \(a),\(b)")
            }
            checked += 2 * c * c
        }
        holds = failures.isEmpty
        checkedEntries = checked
        cycleLengths = lengths
        self.failures = Array(failures.prefix(20))
    }
}
