import Algebra

extension BlockStructure {
    /// N = lcm of σ's cycle lengths, the order of the cyclic group ⟨σ⟩.
    public var order: Int { cycleType.parts.reduce(1) { lcm($0, $1.length) } }

    /// The multiplicity of every block of σ in a hidden layer carrying a ⟨σ⟩-set with the given cycle lengths
    /// (each dividing N): a cycle of length L holds every L-th root of unity once, so block l/m occurs once per
    /// cycle whose length l divides (MATH.md §13.2).
    /// - Throws: `GeometryError.invalidShape` for a cycle length that does not divide N (⟨σ⟩ cannot act so).
    public func multiplicities(ofCycles lengths: CycleType) throws -> [Int] {
        let n = order
        for part in lengths.parts where n % part.length != 0 {
            throw GeometryError.invalidShape(
                "a cycle of length \(part.length) cannot carry ⟨σ⟩ of order \(n): lengths must divide \(n)")
        }
        return blocks.map { block in
            lengths.parts.reduce(0) { $0 + ($1.length % block.l == 0 ? $1.count : 0) }
        }
    }

    /// The ⟨σ⟩-set with the fewest points whose blocks have multiplicities ≥ t: cycles of lengths dividing N,
    /// by branch and bound over the divisors (descending; a requirement of block order l is settled once the
    /// lengths pass l). Exact: a cycle of length lcm(a, b, …) can beat separate cycles (30 < 6 + 10 + 15).
    public func cheapestCycles(covering tuple: [Int]) -> CycleType {
        var need: [Int: Int] = [:]
        for (block, t) in zip(blocks, tuple) where t > 0 { need[block.l] = max(need[block.l] ?? 0, t) }
        let candidates = divisors(of: order).sorted(by: >)
        var best: (cost: Int, counts: [Int])? = nil
        var counts = [Int](repeating: 0, count: candidates.count)
        func search(_ k: Int, _ cost: Int, _ deficit: [Int: Int]) {
            let bound = deficit.reduce(0) { max($0, $1.key * $1.value) }
            if let best, cost + bound >= best.cost { return }
            guard k < candidates.count else {
                if deficit.values.allSatisfy({ $0 <= 0 }) { best = (cost, counts) }
                return
            }
            let length = candidates[k]
            // requirements of order > length that are still open can no longer be met
            if deficit.contains(where: { $0.key > length && $0.value > 0 }) { return }
            let useful = deficit.filter { length % $0.key == 0 }.values.max() ?? 0
            for x in stride(from: max(useful, 0), through: 0, by: -1) {
                var next = deficit
                for (l, d) in deficit where length % l == 0 { next[l] = d - x }
                counts[k] = x
                search(k + 1, cost + x * length, next)
            }
            counts[k] = 0
        }
        search(0, 0, need)
        let chosen = best?.counts ?? counts
        let lengths = zip(candidates, chosen).flatMap { Array(repeating: $0, count: $1) }
        return CycleType(lengths: lengths)
    }
}
