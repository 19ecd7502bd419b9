import Algebra

/// Auxiliary transitive G-sets G/H (MATH.md §8.5 step 1): when a real irreducible has D-multiplicity ≥ 2 on
/// every orbit of ℝ^n (Dic3 and SL(2,3) acting regularly), its model is read from the cosets of a subgroup where it
/// occurs once: cyclic subgroups ⟨g⟩ first, then subgroups ⟨x, y⟩ chosen by the character table.
enum AuxiliaryGSet {
    /// Most group elements enumerated when looking for candidates g.
    static let elementLimit = 20_000
    /// Most cosets in one auxiliary G-set.
    static let cosetLimit = 2_000
    /// Most elements listed by the closures of the two-generator search (a few seconds).
    static let searchWork = 1 << 24
    /// Most subgroups (distinct permutation characters) the two-generator search returns: each is tried with the
    /// rational engine on ℝ^n and its cosets, the expensive step.
    static let candidateLimit = 4

    /// Candidate elements g, one per (order, cycle type on the points) — a conjugacy invariant, so that
    /// non-conjugate cyclic subgroups of one order are tried too — largest order first (smallest G/⟨g⟩ first).
    static func candidates(_ generators: [[Int32]], degree n: Int) -> [[Int32]] {
        let identity = (0..<n).map { Int32($0) }
        var seen: Set<[Int32]> = [identity]
        var queue = [identity]
        var head = 0
        var byType: [[Int]: [Int32]] = [:]
        while head < queue.count && seen.count < elementLimit {
            let h = queue[head]
            head += 1
            let type = Self.cycleType(h)
            if byType[type] == nil { byType[type] = h }
            for s in generators {
                let product = h.map { s[Int($0)] }
                if seen.insert(product).inserted { queue.append(product) }
            }
        }
        // deterministic: by order (largest first), then cycle type
        let ranked = byType.map { (order: order($0.value), type: $0.key, element: $0.value) }.filter { $0.order > 1 }
        return ranked.sorted {
            $0.order != $1.order ? $0.order > $1.order : $0.type.lexicographicallyPrecedes($1.type)
        }.map(\.element)
    }

    /// The sorted cycle lengths of a permutation.
    static func cycleType(_ p: [Int32]) -> [Int] {
        var seen = [Bool](repeating: false, count: p.count)
        var lengths: [Int] = []
        for start in p.indices where !seen[start] {
            var length = 0
            var x = start
            while !seen[x] {
                seen[x] = true
                x = Int(p[x])
                length += 1
            }
            lengths.append(length)
        }
        return lengths.sorted()
    }

    /// The order of a permutation: the lcm of its cycle lengths.
    static func order(_ p: [Int32]) -> Int {
        cycleType(p).reduce(1) { $0 / gcd($0, $1) * $1 }
    }

    /// The action of the generators on the left cosets h⟨g⟩ (coset 0 = ⟨g⟩), or nil past `cosetLimit`.
    static func cosetAction(of g: [Int32], generators: [[Int32]]) -> [[Int32]]? {
        var subgroup: [[Int32]] = []
        var power = g
        repeat {
            subgroup.append(power)
            power = power.map { g[Int($0)] }
        } while power != g
        return cosetAction(ofSubgroup: subgroup, generators: generators)
    }

    /// A real irreducible still without a model: its type, weight and D-multiplicity on each orbit type of ℝ^n
    /// (which tells it from other irreducibles of the same type and weight).
    typealias Wanted = (type: DivisionAlgebra, weight: Int, perType: [Int])

    /// Subgroups H = ⟨x, y⟩ (x one element of each conjugacy class, y any element) whose coset space G/H carries a
    /// wanted irreducible once over its division algebra — by the permutation character
    /// π(g_k) = |G|·|C_k ∩ H| / (|C_k|·|H|) and its inner products with the character table (MATH.md §8.5 step 1);
    /// the characters wanted are those whose (type, weight) and multiplicities ⟨π_a, χ⟩ on the orbit types `orbits`
    /// of ℝ^n are a wanted block's. A subgroup is kept when it carries a wanted character no kept one carries, until
    /// every one is carried or `candidateLimit` are kept, smallest index first; empty past `elementLimit` elements.
    /// For the irreducibles no cyclic G/⟨g⟩ carries once (A5's 4 lies in G/A4, PSL(2,7)'s 6 and 8 in G/S4, G/S3).
    static func twoGeneratorSubgroups(group: PermutationGroup, orbits: [[Int]], wanted: [Wanted])
        throws -> [[[Int32]]]
    {
        guard let order = group.order(ifAtMost: elementLimit) else { return [] }
        let classes = try ConjugacyClasses(group: group, limit: order)
        let table = try ModularCharacterTable(classes: classes)
        let permutationCharacters = orbits.map { classes.fixedPoints(among: $0) }
        let targets = (0..<table.count).filter { chi in
            let block = CharacterBlocks.realIrreducible(table, chi)
            let delta = block.type == .quaternionic ? 2 : 1
            let perType = permutationCharacters.map { table.innerProduct($0, character: chi) / delta }
            return wanted.contains { $0.type == block.type && $0.weight == block.weight && $0.perType == perType }
        }
        guard !targets.isEmpty else { return [] }
        // ⟨1_H^G, χ⟩ ≥ 1 needs [G : H] ≥ χ(1): larger subgroups are not listed to the end
        let largest = order / (targets.map { table.degrees[$0] }.min() ?? 1)
        var seen = Set<[Int]>()
        var uncarried = Set(targets)
        var found: [(index: Int, elements: [Int])] = []
        var work = 0
        search: for x in classes.representativePermutations.dropFirst() {
            for y in 1..<order {
                // the elements the closures list, bounded: the search stops (no model) rather than run long
                guard work <= searchWork else { break search }
                let subgroup = classes.subgroup(generatedBy: [x, classes.element(y)], limit: largest)
                work += subgroup?.count ?? largest
                guard let subgroup, order / subgroup.count <= cosetLimit,
                    seen.insert(subgroup.sorted()).inserted
                else { continue }
                var inClass = [Int](repeating: 0, count: classes.count)
                for h in subgroup { inClass[classes.classOf(element: h)] += 1 }
                let pi = (0..<classes.count).map { order * inClass[$0] / (classes.sizes[$0] * subgroup.count) }
                let carried = uncarried.filter { chi in
                    table.innerProduct(pi, character: chi) == (table.indicators[chi] == -1 ? 2 : 1)
                }
                guard !carried.isEmpty else { continue }
                found.append((order / subgroup.count, subgroup))
                uncarried.subtract(carried)
                if uncarried.isEmpty || found.count >= candidateLimit { break search }
            }
        }
        return found.sorted { $0.index < $1.index }.map { $0.elements.map { classes.element($0).zeroBasedImages } }
    }

    /// The action of the generators on the left cosets hH of a subgroup given by its elements (coset 0 = H), or
    /// nil past `cosetLimit`.
    static func cosetAction(ofSubgroup subgroup: [[Int32]], generators: [[Int32]]) -> [[Int32]]? {
        guard let g = subgroup.first else { return nil }
        // a coset Hh is named by its lexicographically least element
        func name(_ h: [Int32]) -> [Int32] {
            subgroup.map { c in c.map { h[Int($0)] } }.min { $0.lexicographicallyPrecedes($1) } ?? h
        }
        let start = name(g.indices.map { Int32($0) })
        var index: [[Int32]: Int] = [start: 0]
        var representatives = [start]
        var action = [[Int32]](repeating: [], count: generators.count)
        var head = 0
        while head < representatives.count {
            let h = representatives[head]
            for (k, s) in generators.enumerated() {
                let image = name(h.map { s[Int($0)] })
                if let known = index[image] {
                    action[k].append(Int32(known))
                } else {
                    guard representatives.count < cosetLimit else { return nil }
                    index[image] = representatives.count
                    action[k].append(Int32(representatives.count))
                    representatives.append(image)
                }
            }
            head += 1
        }
        return action
    }
}
