import Algebra

/// The exact adapted basis B of ℝ^n for a finite permutation group G (MATH.md §8.5; the analogue of
/// Q_σ): columns by block ρ (canonical order), copy k = 1…μ_ρ, model index a = 1…w_ρ, with
///
///     P_s B = B·M_s,   M_s = ⊕_ρ I_μ ⊗ ρ(s),   BᵀB = Δ diagonal,   Q = B·Δ^{−1/2}.
///
/// Each Galois class of real irreducibles has one `IrreducibleModel` over its field K; its N_f blocks are
/// the real embeddings of K (entries of the same K-elements). A copy supported on the orbit O ∋ p is
/// b_{k,a}(g_q·p) = (Λ ρ(g_q) v_k)_a for a fixed vector v_k of the stabiliser G_p in the model (Frobenius
/// reciprocity), g_q read off a Schreier tree; the v_k are D-orthogonal for Λ.
public struct AdaptedBasis: Sendable {
    /// One orbit of G on the points: its points in Schreier (breadth-first) order from the base point.
    public struct Orbit: Sendable {
        /// The orbit's points (0-based), base point first.
        public let points: [Int]
        /// The orbit type (orbits of one type carry isomorphic permutation modules).
        public let type: Int
    }

    /// One copy of a class's model on one orbit: values (|O| × w) in the order of `Orbit.points`.
    public struct Copy: Sendable {
        /// The orbit (an index into `AdaptedBasis.orbits`).
        public let orbit: Int
        /// The copy's exact entries, |O| rows of w values in the class's number field.
        public let values: [[NumberFieldElement]]
    }

    /// A Galois class: the model over K, its real embeddings (one per block) and the copies.
    public struct ModelClass: Sendable {
        /// The class's model: ρ(s) for the generators, Λ and the structure maps, over the class's field.
        public let model: IrreducibleModel
        /// The embeddings, in the order of the class's blocks.
        public let embeddings: [RealEmbedding]
        /// The copies of the model on every orbit (Frobenius reciprocity, MATH.md §8.5).
        public let copies: [Copy]
        /// Where the model was read: an orbit type of ℝ^n, or an auxiliary G/H (its size).
        public let modelSource: String
    }

    /// A Galois class no orbit or auxiliary G/⟨g⟩ carries once: no exact model; its exact data for the
    /// floating basis of NumericBridge (`GroupNumericBasis`): e_ρ on the smallest orbit of ℝ^n carrying it,
    /// with that orbit's orbitals, and the class's multiplicity on every orbit.
    public struct UnmodelledClass: Sendable {
        /// D = End_G(ρ).
        public let type: DivisionAlgebra
        /// w = dim_ℝ ρ.
        public let weight: Int
        /// The embeddings, in the order of the class's blocks (increasing root).
        public let embeddings: [RealEmbedding]
        /// The points (0-based) of the smallest orbit of ℝ^n carrying the class.
        public let orbitPoints: [Int]
        /// e_ρ restricted to the orbit, |O|×|O|.
        public let idempotent: [[NumberFieldElement]]
        /// The orbital of each pair (x, y) of the orbit at x·|O| + y, the number of orbitals and their transposes.
        public let orbitalOfPair: [Int]
        /// Per orbital, the index of its transpose.
        public let orbitalTranspose: [Int]
        /// D-multiplicity of ρ on each orbit of ℝ^n (`AdaptedBasis.orbits` order).
        public let copiesPerOrbit: [Int]
    }

    /// n, the number of points.
    public let degree: Int
    /// The blocks (labels as in `IsotypicDecomposition`).
    public let blocks: [IsotypicBlock]
    public internal(set) var classes: [ModelClass]
    /// Classes without an exact model (empty unless `allowUnmodelled`).
    public let unmodelled: [UnmodelledClass]
    /// For each block, its class (−1 − k for the k-th unmodelled class) and the index of its embedding there.
    public let blockClass: [Int]
    /// For each block, which real embedding of its class's field it is.
    public let blockEmbedding: [Int]
    /// The orbits of G on the points.
    public let orbits: [Orbit]
    /// The generators on the n points (0-based images).
    public let generators: [[Int32]]
    /// The number of orbitals of G on [n]² (combinatorial): dim End_G(ℝ^n).
    public let orbitalCount: Int

    /// First column of each block (and n at the end).
    public var blockOffsets: [Int] {
        var offsets = [0]
        for b in blocks { offsets.append((offsets.last ?? 0) + b.weight * b.multiplicity) }
        return offsets
    }

    /// Bytes of one exact entry (an antic element and its box), for memory estimates.
    static let bytesPerEntry = 160

    /// - Throws: `MemoryLimitError` past the memory budget; `GeometryError.tooLarge` when no model is found
    ///   (no orbit or auxiliary G/⟨g⟩ up to 2,000 cosets carries the irreducible once).
    /// - Parameter allowUnmodelled: record classes without a model (`unmodelled`) instead of refusing;
    ///   `auxiliarySearch: false` skips the auxiliary G-sets (tests force the unmodelled path with it).
    public init(
        group: PermutationGroup, allowUnmodelled: Bool = false, progress: (String) -> Void = { _ in }
    ) throws {
        try self.init(group: group, allowUnmodelled: allowUnmodelled, auxiliarySearch: true, progress: progress)
    }

    init(
        group: PermutationGroup, allowUnmodelled: Bool, auxiliarySearch: Bool, progress: (String) -> Void
    ) throws {
        let n = group.degree
        let orbits = group.zeroBasedOrbits
        try MemoryBudget.require(
            ByteCount.product(orbits.reduce(0) { $0 + $1.count * $1.count }, Self.bytesPerEntry),
            for: "the exact adapted basis (one exact entry per point and column of its orbit)",
            advice: "the block data (eqgeom group) needs no basis; use a group with smaller orbits")
        let generators = group.zeroBasedGenerators
        let types = OrbitTypes(orbits: orbits, generators: generators)
        progress("block data: \(types.representatives.count) orbit types")
        let base = try IsotypicDecomposition.rationalClasses(
            group: group, representatives: types.representatives, counts: types.counts, degree: n)
        let order = base.classes.indices.sorted { base.classes[$0].key < base.classes[$1].key }
        let engine = try Self.modelEngine(
            base, group: group, types: types, generators: generators, search: auxiliarySearch,
            allowUnmodelled: allowUnmodelled, progress: progress)
        // labels as in IsotypicDecomposition.canonicalOrder
        var blocks: [IsotypicBlock] = []
        var blockClass: [Int] = []
        var blockEmbedding: [Int] = []
        var running: [String: Int] = [:]
        var classes: [ModelClass] = []
        var unmodelled: [UnmodelledClass] = []
        let schreier = orbits.map { SchreierTree(orbit: $0, generators: generators) }
        for (position, c) in order.enumerated() {
            let found = engine.classes[engine.match[c]]
            let stem = "\(found.block.type.rawValue)\(found.block.weight)"
            progress("model \(stem) (\(position + 1) of \(order.count))")
            let field = try ClassField(found, algebra: engine.algebra, centralElement: engine.centralElement)
            guard let (tau, local) = Self.modelOrbit(found, algebra: engine.algebra, representatives: engine.orbits)
            else {
                guard allowUnmodelled else {
                    throw GeometryError.tooLarge("no orbit carries a \(stem) block once (please report)")
                }
                let missing = Self.unmodelledClass(
                    found, field: field, algebra: engine.algebra, representatives: types.representatives,
                    typeOf: types.typeOf)
                unmodelled.append(missing)
                for e in missing.embeddings.indices {
                    running[stem, default: 0] += 1
                    blocks.append(
                        IsotypicBlock(
                            type: found.block.type, weight: found.block.weight,
                            multiplicity: found.block.multiplicity, label: "\(stem).\(running[stem] ?? 1)"))
                    blockClass.append(-unmodelled.count)
                    blockEmbedding.append(e)
                }
                continue
            }
            let model = try IrreducibleModel(
                idempotent: field.idempotent, field: field.field, type: found.block.type, weight: found.block.weight,
                algebra: engine.algebra, local: local, generators: engine.generators)
            let embeddings = Self.ordered(field.embeddings, model: model)
            var copies: [Copy] = []
            for o in orbits.indices where found.perType[types.typeOf[o]] > 0 {
                let vectors = try FixedVectors.copies(
                    model, tree: schreier[o], generators: generators, count: found.perType[types.typeOf[o]])
                copies += vectors.map { Copy(orbit: o, values: Self.columns(model, tree: schreier[o], vector: $0)) }
            }
            let source =
                tau < types.representatives.count
                ? "orbit type \(tau) (\(engine.orbits[tau].count) points)"
                : "auxiliary G/H (\(engine.orbits[tau].count) cosets)"
            classes.append(ModelClass(model: model, embeddings: embeddings, copies: copies, modelSource: source))
            for e in embeddings.indices {
                running[stem, default: 0] += 1
                blocks.append(
                    IsotypicBlock(
                        type: found.block.type, weight: found.block.weight, multiplicity: found.block.multiplicity,
                        label: "\(stem).\(running[stem] ?? 1)"))
                blockClass.append(classes.count - 1)
                blockEmbedding.append(e)
            }
        }
        degree = n
        self.blocks = blocks
        self.classes = classes
        self.unmodelled = unmodelled
        self.blockClass = blockClass
        self.blockEmbedding = blockEmbedding
        self.orbits = zip(schreier, types.typeOf).map { Orbit(points: $0.points, type: $1) }
        self.generators = generators
        orbitalCount = base.orbitalCount
    }

    /// The engine whose classes give the models: the rational classes of ℝ^n, extended by auxiliary G-sets
    /// G/⟨g⟩ until every class occurs once on some orbit; `match[c]` is the engine's class for base class c.
    static func modelEngine(
        _ base: RationalClasses, group: PermutationGroup, types: OrbitTypes, generators: [[Int32]], search: Bool,
        allowUnmodelled: Bool, progress: (String) -> Void
    ) throws -> (
        algebra: OrbitalAlgebra, classes: [IsotypicClass], match: [Int], centralElement: [Rational], orbits: [[Int]],
        generators: [[Int32]]
    ) {
        func covered(_ c: IsotypicClass) -> Bool { c.perType.contains(1) }
        if base.classes.allSatisfy(covered) || !search {
            return (
                base.algebra, base.classes, Array(base.classes.indices), base.centralElement, types.representatives,
                generators
            )
        }
        let n = group.degree
        var extendedGenerators = generators
        var representatives = types.representatives
        var counts = types.counts
        var best = base
        var bestCovered = base.classes.filter(covered).count
        /// Adds G/H when it carries more classes once; true when every class is then carried.
        func tryCosets(_ action: [[Int32]]) throws -> Bool {
            let offset = extendedGenerators.first?.count ?? n
            let trial = zip(extendedGenerators, action).map { $0 + $1.map { Int32(offset) + $0 } }
            let degree = trial.first?.count ?? n
            let trialGroup = try PermutationGroup(
                generators: trial.map { try Permutation(zeroBasedImages: $0) }, degree: degree)
            let trialRepresentatives = representatives + [Array(offset..<degree)]
            let found = try IsotypicDecomposition.rationalClasses(
                group: trialGroup, representatives: trialRepresentatives, counts: counts + [0], degree: n)
            let coveredNow = found.classes.filter(covered).count
            guard coveredNow > bestCovered else { return false }
            progress("auxiliary G-set of \(action.first?.count ?? 0) cosets")
            (extendedGenerators, representatives, counts, best, bestCovered) =
                (trial, trialRepresentatives, counts + [0], found, coveredNow)
            return coveredNow == found.classes.count
        }
        var done = false
        for g in AuxiliaryGSet.candidates(generators, degree: n) {
            guard let action = AuxiliaryGSet.cosetAction(of: g, generators: generators) else { continue }
            if try tryCosets(action) {
                done = true
                break
            }
        }
        if !done {
            let wanted = best.classes.filter { !covered($0) }.map {
                (
                    type: $0.block.type, weight: $0.block.weight,
                    perType: Array($0.perType.prefix(base.classes[0].perType.count))
                )
            }
            let subgroups = try AuxiliaryGSet.twoGeneratorSubgroups(
                group: group, orbits: types.representatives, wanted: wanted)
            for subgroup in subgroups {
                guard let action = AuxiliaryGSet.cosetAction(ofSubgroup: subgroup, generators: generators) else {
                    continue
                }
                if try tryCosets(action) { break }
            }
        }
        guard bestCovered == best.classes.count || allowUnmodelled else {
            throw GeometryError.tooLarge(
                "no orbit of ℝ^n and no auxiliary G/H up to \(AuxiliaryGSet.cosetLimit) cosets (H cyclic or "
                    + "two-generated) carries every real irreducible once, so no exact model was built; the block "
                    + "data (eqgeom group) is exact")
        }
        // match the extended classes to the base classes by their data on ℝ^n
        var unused = Array(best.classes.indices)
        var match: [Int] = []
        for c in base.classes {
            guard
                let k = unused.firstIndex(where: {
                    let e = best.classes[$0]
                    return e.block == c.block && e.copies == c.copies
                        && Array(e.perType.prefix(c.perType.count)) == c.perType
                })
            else { throw GeometryError.tooLarge("auxiliary classes do not match the block data (please report)") }
            match.append(unused.remove(at: k))
        }
        return (best.algebra, best.classes, match, best.centralElement, representatives, extendedGenerators)
    }

    /// The exact data of a class without a model, on the orbit of ℝ^n where it has the least multiplicity.
    static func unmodelledClass(
        _ c: IsotypicClass, field: ClassField, algebra: OrbitalAlgebra, representatives: [[Int]], typeOf: [Int]
    ) -> UnmodelledClass {
        var offsets = [0]
        for r in representatives { offsets.append((offsets.last ?? 0) + r.count) }
        let carrying = representatives.indices.filter { c.perType[$0] > 0 }
        let tau =
            carrying.min { (c.perType[$0], representatives[$0].count) < (c.perType[$1], representatives[$1].count) }
            ?? 0
        let local = Array(offsets[tau]..<offsets[tau + 1])
        let m = algebra.points.count
        let pairs = local.flatMap { x in local.map { y in Int(algebra.orbitalOfPair[x * m + y]) } }
        let idempotent = local.map { x in local.map { y in field.idempotent[Int(algebra.orbitalOfPair[x * m + y])] } }
        return UnmodelledClass(
            type: c.block.type, weight: c.block.weight, embeddings: field.embeddings,
            orbitPoints: local.map { algebra.points[$0] }, idempotent: idempotent, orbitalOfPair: pairs,
            orbitalTranspose: algebra.transpose, copiesPerOrbit: typeOf.map { c.perType[$0] })
    }

    /// The smallest representative orbit carrying the class once, with its local indices in the algebra.
    static func modelOrbit(_ c: IsotypicClass, algebra: OrbitalAlgebra, representatives: [[Int]]) -> (Int, [Int])? {
        var offsets = [0]
        for r in representatives { offsets.append((offsets.last ?? 0) + r.count) }
        let candidates = representatives.indices.filter { c.perType[$0] == 1 }
        guard let tau = candidates.min(by: { representatives[$0].count < representatives[$1].count }) else {
            return nil
        }
        return (tau, Array(offsets[tau]..<offsets[tau + 1]))
    }

    /// The class's embeddings sorted by the traces of ρ(s_1), ρ(s_2), … (certified enclosures; ties, which
    /// only Galois-conjugate characters agreeing on every generator produce, keep the order of the roots).
    static func ordered(_ embeddings: [RealEmbedding], model: IrreducibleModel) -> [RealEmbedding] {
        let traces = model.generators.map { m in
            m.indices.reduce(NumberFieldElement(0, in: model.field)) { $0 + m[$1][$1] }
        }
        return embeddings.sorted { a, b in
            for t in traces {
                let (x, y) = (a.enclosure(of: t), b.enclosure(of: t))
                if x.upper < y.lower { return true }
                if y.upper < x.lower { return false }
            }
            return a.index < b.index
        }
    }

    /// b_{k,a}(g_q·p) = (Λ ρ(g_q) v)_a along the Schreier tree.
    static func columns(_ model: IrreducibleModel, tree: SchreierTree, vector v: [NumberFieldElement])
        -> [[NumberFieldElement]]
    {
        let k = model.field
        var images: [[NumberFieldElement]] = [v]
        images.reserveCapacity(tree.points.count)
        for i in 1..<max(tree.points.count, 1) {
            let (parent, s) = (tree.parent[i], tree.generator[i])
            images.append(NumberFieldLinearAlgebra.apply(model.generators[s], images[parent], in: k))
        }
        return images.map { x in zip(model.squaredNorms, x).map { $0 * $1 } }
    }
}

extension AdaptedBasis {
    /// The same basis with one exact entry replaced (tests corrupt bases to see the certificate fail).
    func replacingEntry(class c: Int, copy k: Int, row q: Int, slot a: Int, with value: NumberFieldElement) -> Self {
        var copy = self
        var cls = classes[c]
        var values = cls.copies[k].values
        values[q][a] = value
        var copies = cls.copies
        copies[k] = Copy(orbit: copies[k].orbit, values: values)
        cls = ModelClass(model: cls.model, embeddings: cls.embeddings, copies: copies, modelSource: cls.modelSource)
        copy.classes[c] = cls
        return copy
    }

    /// The same basis with one model generator multiplied by a scalar (tests).
    func replacingModelGenerator(class c: Int, generator s: Int, scale: Int) -> Self {
        var copy = self
        let cls = classes[c]
        let m = cls.model
        var generators = m.generators
        generators[s] = generators[s].map { $0.map { $0 * NumberFieldElement(scale, in: m.field) } }
        let model = IrreducibleModel(
            type: m.type, field: m.field, generators: generators, squaredNorms: m.squaredNorms, structure: m.structure)
        copy.classes[c] = ModelClass(
            model: model, embeddings: cls.embeddings, copies: cls.copies, modelSource: cls.modelSource)
        return copy
    }
}
