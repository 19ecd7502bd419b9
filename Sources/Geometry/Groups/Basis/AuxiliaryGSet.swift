import Algebra

/// Auxiliary transitive G-sets G/⟨g⟩ (MATH.md §8.5 step 1): when a real irreducible has D-multiplicity
/// ≥ 2 on every orbit of ℝ^n (Dic3 and SL(2,3) acting regularly), its model is read from the cosets of a
/// cyclic subgroup where it occurs once. Only the coset action is built, never the group's elements beyond
/// one pass to pick the candidates g.
enum AuxiliaryGSet {
    /// Most group elements enumerated when looking for candidates g.
    static let elementLimit = 20_000
    /// Most cosets in one auxiliary G-set.
    static let cosetLimit = 2_000

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
        // a coset is named by its lexicographically least element h·g^i
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
