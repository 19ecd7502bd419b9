import Algebra

/// The real isotypic blocks of the permutation representation ℝ^n of a finite permutation group
/// G = ⟨g_1, …, g_k⟩ (MATH.md §8.1.2), exactly, by the rational Wedderburn decomposition of the
/// orbital algebra of one orbit per orbit type (MATH.md §8.2): a random central element z, its minimal
/// polynomial factored over ℚ, one rational central idempotent e_f per factor f, and for each the
/// transpose signature (type), the dimension of e_f·A and traces (weight and multiplicities). Only
/// rational arithmetic; the cost depends on the orbitals of the orbit types, not on |G|. Groups cheaper to list
/// than their orbital algebra (regular actions) take the character table instead (`CharacterBlocks`).
///
/// Two identities are checked exactly on every result of the rational engine: Σ w·μ = n and Σ δ·μ² = the
/// number of orbitals of G on [n]² (dim End_G(ℝ^n), Burnside). Abelian groups take the closed form of
/// `AbelianCharacters` instead (O(n·k), no orbitals).
///
///     Q8 acting regularly on 8 points: R1×1 (four times) and one quaternionic block H4×1.
public struct IsotypicDecomposition: BlockDecomposition {
    /// n, the number of points.
    public let degree: Int
    /// The blocks in canonical order (see `canonicalOrder`), labelled.
    public let blocks: [IsotypicBlock]
    /// The number of orbitals of G on [n] × [n]: dim End_G(ℝ^n) = Σ δ μ².
    public let orbitalCount: Int
    /// The number of orbits of G on [n] (= the multiplicity of the trivial block).
    public let orbitCount: Int

    /// - Throws: `MemoryLimitError` past the memory budget; `GeometryError.tooLarge` if the decomposition
    ///   does not pass its exact checks after several random central elements (never expected).
    public init(group: PermutationGroup) throws { try self.init(group: group, engine: .automatic) }

    /// How the blocks are found: the closed form for abelian groups, the character table for groups that are
    /// cheaper to list than their orbital algebra (MATH.md §8.2), else the rational engine; tests force each.
    enum Engine {
        case automatic, orbitalAlgebra, characters
    }

    init(group: PermutationGroup, engine: Engine) throws {
        let orbits = group.zeroBasedOrbits
        let generators = group.zeroBasedGenerators
        degree = group.degree
        orbitCount = orbits.count
        if engine == .automatic, AbelianCharacters.isAbelian(group.generators),
            let e = Self.exponent(group.generators),
            let found = AbelianCharacters.blocks(orbits: orbits, generators: generators, exponent: e)
        {
            blocks = Self.canonicalOrder(found.map { (block: $0.0, key: $0.1) })
            orbitalCount = blocks.reduce(0) { $0 + $1.type.dimension * $1.multiplicity * $1.multiplicity }
            return
        }
        let types = OrbitTypes(orbits: orbits, generators: generators)
        let points = types.representatives.reduce(0) { $0 + $1.count }
        if engine == .characters
            || (engine == .automatic && CharacterBlocks.isCheaper(group, points: points))
        {
            guard let found = try CharacterBlocks.blocks(group: group, types: types) else {
                throw GeometryError.tooLarge("the character table's blocks did not pass their exact checks")
            }
            blocks = Self.canonicalOrder(found.blocks)
            orbitalCount = found.orbitals
            return
        }
        let engine = try Self.rationalClasses(
            group: group, representatives: types.representatives, counts: types.counts, degree: group.degree)
        blocks = Self.canonicalOrder(
            engine.classes.flatMap { c in Array(repeating: (c.block, c.key), count: c.copies) })
        orbitalCount = engine.orbitalCount
    }

    /// The rational engine on one orbit per type (`representatives`, `counts` orbits of each type in ℝ^n;
    /// a count of 0 adds an auxiliary G-set that does not occur in ℝ^n): the Galois classes with their
    /// central idempotents, after the exact checks Σ w·μ = n and Σ δ·μ² = #orbitals on ℝ^n.
    static func rationalClasses(group: PermutationGroup, representatives: [[Int]], counts: [Int], degree: Int) throws
        -> RationalClasses
    {
        let algebra = try OrbitalAlgebra(group: group, orbits: representatives)
        var orbitals = 0
        for a in counts.indices {
            for b in counts.indices { orbitals += counts[a] * counts[b] * algebra.orbitalsBetween[a][b] }
        }
        var random = SplitMix(0x5EED)
        for _ in 0..<8 {
            guard let found = Self.classes(algebra, counts: counts, random: &random) else { continue }
            let occurring = found.classes.filter { $0.block.multiplicity > 0 }
            let n = occurring.reduce(0) { $0 + $1.copies * $1.block.weight * $1.block.multiplicity }
            let endomorphisms = occurring.reduce(0) {
                $0 + $1.copies * $1.block.type.dimension * $1.block.multiplicity * $1.block.multiplicity
            }
            guard n == degree, endomorphisms == orbitals else { continue }
            return RationalClasses(
                algebra: algebra, classes: occurring, auxiliary: found.classes.filter { $0.block.multiplicity == 0 },
                centralElement: found.z, orbitalCount: orbitals)
        }
        throw GeometryError.tooLarge("the isotypic decomposition did not pass its exact checks")
    }

    /// The exponent of an abelian group: the lcm of its generators' orders, when below 2^31.
    static func exponent(_ generators: [Permutation]) -> Int? {
        var e = BigInteger(1)
        for g in generators { e = BigInteger.lcm(e, g.order) }
        guard e <= BigInteger(Int(Int32.max)) else { return nil }
        return Int(e.description)
    }

    /// One attempt with a random central element z; nil when z was not generic.
    static func classes(_ algebra: OrbitalAlgebra, counts: [Int], random: inout SplitMix)
        -> (classes: [IsotypicClass], z: [Rational])?
    {
        let s = algebra.dimension
        let center = Self.center(algebra, random: &random)
        let coefficients = (0..<center.columns).map { _ in random.next(in: -9...9) }
        var z = [Rational](repeating: Rational(0), count: s)
        for k in 0..<s {
            for a in 0..<center.columns { z[k] = z[k] + Rational(coefficients[a]) * center[k, a] }
        }
        let lz = algebra.leftMultiplication(by: z)
        let minimal = lz.minimalPolynomial
        guard minimal.degree == center.columns else { return nil }
        // z acts on the constants by Σ_k z_k·outDegree_k: that root belongs to the trivial representation
        let trivialRoot = (0..<s).reduce(Rational(0)) { $0 + z[$1] * Rational(algebra.outDegree[$1]) }
        var found: [IsotypicClass] = []
        for (factor, _) in minimal.primitiveIntegerPart.irreducibleFactors {
            guard
                let c = Self.isotypicClass(
                    factor, minimal: minimal, lz: lz, algebra: algebra, counts: counts, trivialRoot: trivialRoot)
            else { return nil }
            found.append(c)
        }
        return (found, z)
    }

    /// One Galois class of real irreducibles (one rational factor f of the minimal polynomial).
    static func isotypicClass(
        _ factor: IntegerPolynomial, minimal: RationalPolynomial, lz: RationalMatrix, algebra: OrbitalAlgebra,
        counts: [Int], trivialRoot: Rational
    ) -> IsotypicClass? {
        let s = algebra.dimension
        let f = factor.rational
        guard let cofactor = minimal.divided(by: f)?.quotient, let inverse = cofactor.inverse(modulo: f) else {
            return nil
        }
        // e_f = u(z) with u ≡ 1 mod f, u ≡ 0 mod m/f (Chinese remainders)
        let u = (cofactor * inverse).remainder(dividingBy: minimal)
        var power = algebra.identity
        var e = [Rational](repeating: Rational(0), count: s)
        for c in u.coefficients {
            if !c.isZero { for k in 0..<s { e[k] = e[k] + c * power[k] } }
            power = multiply(lz, power)
        }
        let le = algebra.leftMultiplication(by: e)
        let dimension = le.rank
        var transpose = RationalMatrix(rows: s, columns: s)
        for k in 0..<s { transpose[algebra.transpose[k], k] = Rational(1) }
        let identity = RationalMatrix.identity(s)
        let signature = ((identity + transpose) * le).rank - ((identity - transpose) * le).rank
        let d = factor.degree
        let type: DivisionAlgebra = signature > 0 ? .real : (signature == 0 ? .complex : .quaternionic)
        let copies = type == .complex ? d / 2 : d
        guard copies >= 1, dimension % (copies * type.dimension) == 0 else { return nil }
        let squared = dimension / (copies * type.dimension)
        guard let muU = exactSquareRoot(squared), muU >= 1 else { return nil }
        var traces = [Rational](repeating: Rational(0), count: counts.count)
        for k in 0..<s where algebra.diagonalOrbit[k] >= 0 {
            let a = algebra.diagonalOrbit[k]
            traces[a] = traces[a] + e[k] * Rational(algebra.trace[k])
        }
        let total = traces.reduce(Rational(0), +)
        guard let weight = integer(total / Rational(copies * muU)), weight >= 1 else { return nil }
        var perType: [Int] = []
        for t in traces {
            guard let m = integer(t / Rational(copies * weight)) else { return nil }
            perType.append(m)
        }
        let multiplicity = zip(perType, counts).reduce(0) { $0 + $1.0 * $1.1 }
        let isTrivial = d == 1 && f.evaluated(at: trivialRoot).isZero
        let key = BlockKey(
            trivial: isTrivial, weight: weight, type: type, multiplicity: multiplicity, perType: perType,
            factor: factor.coefficients.map(\.description))
        let block = IsotypicBlock(type: type, weight: weight, multiplicity: multiplicity, label: "")
        return IsotypicClass(factor: factor, idempotent: e, block: block, perType: perType, copies: copies, key: key)
    }

    /// M·v for a column vector v.
    static func multiply(_ m: RationalMatrix, _ v: [Rational]) -> [Rational] {
        (0..<m.rows).map { i in
            (0..<m.columns).reduce(Rational(0)) { sum, j in m.isZero(i, j) ? sum : sum + m[i, j] * v[j] }
        }
    }

    /// The value of a rational that is an integer, else nil.
    static func integer(_ q: Rational) -> Int? { q.isInteger ? Int(q.numerator.description) : nil }

    /// A basis of the centre of A (columns): the elements commuting with three random elements (a
    /// semisimple algebra is generated by two generic elements; the exact checks catch a bad draw).
    static func center(_ algebra: OrbitalAlgebra, random: inout SplitMix) -> RationalMatrix {
        let s = algebra.dimension
        var system = RationalMatrix(rows: 3 * s, columns: s)
        for r in 0..<3 {
            let y = (0..<s).map { _ in random.next(in: -3...3) }
            let left = algebra.multiplication(by: y, left: true)
            let right = algebra.multiplication(by: y, left: false)
            for k in 0..<s {
                for i in 0..<s where left[k][i] != right[k][i] {
                    system[r * s + k, i] = Rational(left[k][i] - right[k][i])
                }
            }
        }
        return system.nullspace
    }

    /// Sorts blocks into the canonical order and labels them (docs/cli.md "Block labels"): the trivial
    /// representation first, then by weight, type (R, C, H), multiplicity (largest first), the
    /// multiplicities per orbit type, and the defining rational polynomial of the Galois class.
    static func canonicalOrder(_ found: [(block: IsotypicBlock, key: BlockKey)]) -> [IsotypicBlock] {
        let sorted = found.sorted { $0.key < $1.key }
        var running: [String: Int] = [:]
        return sorted.map { item in
            let b = item.block
            let stem = "\(b.type.rawValue)\(b.weight)"
            running[stem, default: 0] += 1
            return IsotypicBlock(
                type: b.type, weight: b.weight, multiplicity: b.multiplicity, label: "\(stem).\(running[stem] ?? 1)")
        }
    }
}

/// The output of the rational engine: the orbital algebra of the representative orbits, the Galois classes
/// occurring in ℝ^n (and those occurring only on auxiliary G-sets), the central element z used.
struct RationalClasses {
    let algebra: OrbitalAlgebra
    let classes: [IsotypicClass]
    let auxiliary: [IsotypicClass]
    let centralElement: [Rational]
    let orbitalCount: Int
}

/// One Galois class of real irreducibles (MATH.md §8.2 steps 5–6): the factor f, the rational central
/// idempotent e_f (orbital coordinates), the block data shared by its `copies` = N_f real irreducibles,
/// and the multiplicity on each representative orbit.
struct IsotypicClass {
    let factor: IntegerPolynomial
    let idempotent: [Rational]
    let block: IsotypicBlock
    let perType: [Int]
    let copies: Int
    let key: BlockKey
}

/// The sort key of a block: see `IsotypicDecomposition.canonicalOrder`.
struct BlockKey: Comparable {
    let trivial: Bool
    let weight: Int
    let type: DivisionAlgebra
    let multiplicity: Int
    let perType: [Int]
    let factor: [String]

    static func < (a: BlockKey, b: BlockKey) -> Bool {
        if a.trivial != b.trivial { return a.trivial }
        if a.weight != b.weight { return a.weight < b.weight }
        let order: [DivisionAlgebra] = [.real, .complex, .quaternionic]
        let (ta, tb) = (order.firstIndex(of: a.type) ?? 0, order.firstIndex(of: b.type) ?? 0)
        if ta != tb { return ta < tb }
        if a.multiplicity != b.multiplicity { return a.multiplicity > b.multiplicity }
        if a.perType != b.perType { return a.perType.lexicographicallyPrecedes(b.perType) }
        return a.factor.lexicographicallyPrecedes(b.factor)
    }
}
