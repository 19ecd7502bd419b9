import Algebra

/// The isotypic blocks of an abelian permutation group in closed form (MATH.md §8.2): on an orbit O
/// the group acts through the regular action of G/H_O, so ℝ[O] holds every character of G trivial on the
/// stabiliser H_O exactly once. A character is a vector a ∈ (ℤ/e)^k, χ(g_i) = exp(2πi·a_i/e) (e the
/// exponent of G); real characters (2a = 0) give blocks R1, conjugate pairs {a, −a} blocks C2, and the
/// multiplicity of either is the number of orbits whose characters include it.
///
/// The characters of G/H_O are enumerated through a polycyclic series read off the orbit: g_j^{r_j} ≡
/// ∏_{i<j} g_i^{c_i} (mod H_O) with r_j the relative order, so r_j·a_j ≡ Σ c_i a_i (mod e). Cost O(n·k).
enum AbelianCharacters {
    /// Whether the generators commute pairwise.
    static func isAbelian(_ generators: [Permutation]) -> Bool {
        for i in generators.indices {
            for j in generators.indices where j > i && generators[i] * generators[j] != generators[j] * generators[i] {
                return false
            }
        }
        return true
    }

    /// The blocks (before canonical ordering) of an abelian group, or nil when its exponent is too large
    /// for machine words.
    static func blocks(orbits: [[Int]], generators: [[Int32]], exponent e: Int) -> [(IsotypicBlock, BlockKey)]? {
        var counts: [[Int]: Int] = [:]
        for orbit in orbits {
            guard let characters = Self.characters(of: orbit, generators: generators, exponent: e) else { return nil }
            for a in characters { counts[a, default: 0] += 1 }
        }
        let k = generators.count
        var found: [(IsotypicBlock, BlockKey)] = []
        for (a, mu) in counts {
            let negated = a.map { (e - $0) % e }
            let real = negated == a
            guard real || a.lexicographicallyPrecedes(negated) else { continue }
            let type: DivisionAlgebra = real ? .real : .complex
            let weight = real ? 1 : 2
            let key = BlockKey(
                trivial: a == [Int](repeating: 0, count: k), weight: weight, type: type, multiplicity: mu,
                perType: [], factor: a.map(String.init))
            found.append((IsotypicBlock(type: type, weight: weight, multiplicity: mu, label: ""), key))
        }
        return found
    }

    /// The characters of G trivial on the stabiliser of the orbit's first point, as vectors a mod e.
    static func characters(of orbit: [Int], generators: [[Int32]], exponent e: Int) -> [[Int]]? {
        series(of: orbit, generators: generators, exponent: e)?.characters
    }

    /// The characters of the orbit and each point's exponent vector v (q = ∏ g_i^{v_i}·p, first point p).
    static func series(of orbit: [Int], generators: [[Int32]], exponent e: Int)
        -> (characters: [[Int]], coordinates: [Int: [Int]])?
    {
        guard let p = orbit.first else { return ([], [:]) }
        let k = generators.count
        // points reached so far with their exponent vectors: q = p·∏ g_i^{v_i}
        var coordinates: [Int: [Int]] = [p: [Int](repeating: 0, count: k)]
        var reached = [p]
        var characters: [[Int]] = [[]]
        for j in 0..<k {
            let g = generators[j]
            var q = Int(g[p])
            var r = 1
            while coordinates[q] == nil {
                q = Int(g[q])
                r += 1
            }
            guard let c = coordinates[q] else { return nil }
            // extend the series: every reached point times g_j^m, m < r
            var next = reached
            for s in reached {
                var x = s
                guard var v = coordinates[s] else { return nil }
                for _ in 1..<r {
                    x = Int(g[x])
                    v[j] += 1
                    coordinates[x] = v
                    next.append(x)
                }
            }
            reached = next
            // r·a_j ≡ Σ_{i<j} c_i a_i (mod e): r divides e, and the right side is then divisible by r
            var extended: [[Int]] = []
            for a in characters {
                let b = ((0..<j).reduce(0) { ($0 + c[$1] * a[$1]) % e } + e) % e
                guard b % r == 0 else { return nil }
                for t in 0..<r { extended.append(a + [(b / r + t * (e / r)) % e]) }
            }
            characters = extended
        }
        return characters.count == orbit.count ? (characters, coordinates) : nil
    }
}

/// The character basis of an abelian permutation group (MATH.md §8.2), exactly described: blocks in
/// canonical order with their characters a (χ(g_i) = exp(2πi a_i/e); one of each conjugate pair), and per
/// orbit its points with their exponent vectors. Column values are cos/sin(2π a·v/e) (NumericBridge).
public struct CharacterLayout: Sendable {
    /// The blocks in canonical order.
    public let blocks: [IsotypicBlock]
    /// Per block its character a (mod `exponent`).
    public let characters: [[Int]]
    /// e, the exponent of the group: characters take values exp(2πi a/e).
    public let exponent: Int
    /// Orbits (0-based points, base point first) and each point's exponent vector.
    public let orbits: [[Int]]
    /// Per orbit, each point's exponent vector v (the point is ∏ g_i^{v_i} applied to the base point).
    public let coordinates: [[[Int]]]
    /// Per orbit, the blocks whose character occurs there (once each), in block order.
    public let orbitBlocks: [[Int]]
    /// The generators (0-based images).
    public let generators: [[Int32]]

    /// nil when the group is not abelian or its exponent exceeds 2³¹.
    public init?(group: PermutationGroup) {
        guard AbelianCharacters.isAbelian(group.generators), let e = IsotypicDecomposition.exponent(group.generators)
        else { return nil }
        let orbits = group.zeroBasedOrbits
        let generators = group.zeroBasedGenerators
        guard let found = AbelianCharacters.blocks(orbits: orbits, generators: generators, exponent: e) else {
            return nil
        }
        let sorted = found.sorted { $0.1 < $1.1 }
        let labelled = IsotypicDecomposition.canonicalOrder(sorted.map { (block: $0.0, key: $0.1) })
        let characters = sorted.map { $0.1.factor.compactMap { Int($0) } }
        var index: [[Int]: Int] = [:]
        for (b, a) in characters.enumerated() {
            index[a] = b
            index[a.map { (e - $0) % e }] = b
        }
        var coordinates: [[[Int]]] = []
        var orbitBlocks: [[Int]] = []
        for orbit in orbits {
            guard let (chars, coords) = AbelianCharacters.series(of: orbit, generators: generators, exponent: e) else {
                return nil
            }
            coordinates.append(orbit.map { coords[$0] ?? [] })
            orbitBlocks.append(Set(chars.compactMap { index[$0] }).sorted())
        }
        blocks = labelled
        self.characters = characters
        exponent = e
        self.orbits = orbits
        self.coordinates = coordinates
        self.orbitBlocks = orbitBlocks
        self.generators = generators
    }
}
