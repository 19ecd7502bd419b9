import Algebra

/// The real isotypic blocks of ℝ^n from the irreducible characters of G (MATH.md §8.2, the character route), for
/// groups small enough to list whose orbital algebras are large (regular actions): with the indicator ν(χ) and the
/// multiplicities m_a = ⟨π_a, χ⟩ of χ in the permutation character π_a of each orbit type a, a real irreducible is
/// χ of type ℝ (ν = 1: weight χ(1), μ = m), χ + χ̄ of type ℂ (ν = 0: weight 2χ(1), μ = m) or 2χ of type ℍ
/// (ν = −1: weight 2χ(1), μ = m/2). The character table is listed on one orbit of each type (a faithful action).
enum CharacterBlocks {
    /// The groups this route lists: at most this many elements.
    static let maximumOrder = 1 << 21

    /// Whether listing G costs less than the orbital algebra of the representative orbits would: |G|·m against
    /// s³ for s ≥ m²/|G| orbitals on m points (a lower bound), i.e. |G|⁴ < m⁵, and |G| ≤ `maximumOrder`. Decided
    /// by listing at most that many elements (no stabiliser chain, which S_1000 would make costly).
    static func isCheaper(_ group: PermutationGroup, points m: Int) -> Bool {
        // the largest |G| ≤ maximumOrder with |G|⁴ < m⁵, by bisection
        let bound = BigInteger(m).power(5)
        var (low, high) = (0, maximumOrder)
        while low < high {
            let middle = (low + high + 1) / 2
            if BigInteger(middle).power(4) < bound { low = middle } else { high = middle - 1 }
        }
        return low >= 1 && group.order(ifAtMost: low) != nil
    }

    /// The real irreducible χ belongs to: type ℝ and weight χ(1) (ν = 1), type ℂ (ν = 0, with χ̄) or ℍ (ν = −1),
    /// weight 2χ(1).
    static func realIrreducible(_ table: ModularCharacterTable, _ chi: Int) -> (type: DivisionAlgebra, weight: Int) {
        switch table.indicators[chi] {
        case 1: return (.real, table.degrees[chi])
        case 0: return (.complex, 2 * table.degrees[chi])
        default: return (.quaternionic, 2 * table.degrees[chi])
        }
    }

    /// The blocks with their sort keys (factor: none; blocks that tie on every other key are interchangeable) and the
    /// number of orbitals of G on [n]² (Burnside: (1/|G|) Σ_k |C_k|·π(g_k)²), after the exact checks Σ w·μ = n and
    /// Σ δ·μ² = the number of orbitals; nil when a check fails.
    static func blocks(group: PermutationGroup, types: OrbitTypes) throws
        -> (blocks: [(block: IsotypicBlock, key: BlockKey)], orbitals: Int)?
    {
        let points = types.representatives.flatMap { $0 }
        let classes = try ConjugacyClasses(group: try group.restricted(to: points), limit: maximumOrder)
        let table = try ModularCharacterTable(classes: classes)
        var start = 0
        var permutationCharacters: [[Int]] = []
        for orbit in types.representatives {
            permutationCharacters.append(classes.fixedPoints(among: Array(start..<(start + orbit.count))))
            start += orbit.count
        }
        var found: [(block: IsotypicBlock, key: BlockKey)] = []
        var seen = Set<Int>()
        for chi in 0..<table.count where !seen.contains(chi) {
            let perType = permutationCharacters.map { table.innerProduct($0, character: chi) }
            let (type, weight) = realIrreducible(table, chi)
            if type == .complex { seen.insert(table.conjugate(chi)) }
            guard perType.allSatisfy({ $0 >= 0 }), type != .quaternionic || perType.allSatisfy({ $0 % 2 == 0 }) else {
                return nil
            }
            let local = type == .quaternionic ? perType.map { $0 / 2 } : perType
            let multiplicity = zip(local, types.counts).reduce(0) { $0 + $1.0 * $1.1 }
            guard multiplicity > 0 else { continue }
            let key = BlockKey(
                trivial: table.isTrivial(chi), weight: weight, type: type, multiplicity: multiplicity, perType: local,
                factor: [])
            found.append((IsotypicBlock(type: type, weight: weight, multiplicity: multiplicity, label: ""), key))
        }
        // Burnside on ℝ^n: π = Σ_a counts_a·π_a
        var orbitals = BigInteger(0)
        for k in 0..<classes.count {
            let fixed = zip(permutationCharacters, types.counts).reduce(0) { $0 + $1.0[k] * $1.1 }
            orbitals = orbitals + BigInteger(classes.sizes[k]) * BigInteger(fixed) * BigInteger(fixed)
        }
        let quotient = orbitals.exactQuotient(BigInteger(classes.groupOrder))
        let degree = found.reduce(0) { $0 + $1.block.weight * $1.block.multiplicity }
        let endomorphisms = found.reduce(0) {
            $0 + $1.block.type.dimension * $1.block.multiplicity * $1.block.multiplicity
        }
        guard BigInteger(endomorphisms) == quotient, degree == group.degree else { return nil }
        return (found, endomorphisms)
    }
}
