import Algebra

/// The certificate of one permutation's exact basis (MATH.md §5): BᵀB = D and Bᵀ P_σ B = D·J,
/// J = I ⊕ rotation blocks ⊕ −I, checked entry by entry in cyclotomic arithmetic: each entry is an integer
/// histogram of exponents of ζ_N reduced once modulo Φ_N.
///
/// B is block-sparse: a column lives on one cycle, and P_σ maps each cycle to itself, so every entry
/// coupling two different cycles is 0 on both sides; the certificate checks that structure in O(n),
/// then checks the c×c blocks of both identities exactly, once per distinct cycle length (the block
/// of a cycle depends only on its length c) or, with `everyOrbit`, once per cycle.
/// - Complexity: O(Σ_c c³) integer operations over the distinct lengths c (exponent histograms).
extension ExactBasis: ExactAdaptedBasis {
    /// n.
    public var degree: Int { layout.degree }

    /// Longest cycle the exact certificate accepts (its cost grows like c³).
    public static let maximumCycleLength = 256

    /// Checks BᵀB = D and BᵀP_σB = D·J exactly.
    /// - Throws: `GeometryError.tooLarge` when a cycle is longer than `maximumCycleLength`.
    public func certify(everyOrbit: Bool = false) throws -> BasisCertificate {
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
        for (k, cycle) in layout.cycles.enumerated() {
            let c = cycle.count
            if !everyOrbit && !seen.insert(c).inserted { continue }
            let check = MonomialBlockCheck(columns: perCycle[k].map { layout.columns[$0] }, length: c)
            for (a, b, identity) in check.failures() {
                failures.append(
                    identity == "gram"
                        ? "BᵀB ≠ D at cycle \(k), columns \(a),\(b)" : "BᵀPB ≠ DJ at cycle \(k), columns \(a),\(b)")
            }
            checked += 2 * c * c
        }
        return BasisCertificate(failures: failures, checkedEntries: checked)
    }
}
