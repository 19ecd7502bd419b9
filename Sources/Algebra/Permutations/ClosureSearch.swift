/// Backtrack search for permutations that preserve every orbit of a group on k-tuples (Wielandt's
/// k-closure; MATH.md §9.3). Points are 0-based. A partial map keeps, for every unassigned
/// point x, the images y still possible: y's labels against every assigned pair (a ↦ b) equal x's, where the
/// label of (a, x) is the orbit of each k-tuple over {a, x} (2^k patterns, which include (a, a) and (x, x)).
/// For k ≥ 3 each new assignment is also checked on every k-tuple of assigned points that contains it.
/// The next point to assign is the one with the fewest candidates (fail first).
struct ClosureSearch {
    typealias Perm = [Int32]

    let n: Int
    let k: Int
    /// The orbit number of each k-tuple, row-major (`PermutationGroup.orbitsOnTuples`).
    let label: [Int32]
    /// For each ordered pair (a, x), the labels of its 2^k patterns, flattened: [(a·n + x)·2^k + mask].
    let pairLabels: [Int32]

    /// A partial permutation and the candidates of its unassigned points.
    struct State {
        var image: [Int32]
        var used: [Bool]
        var candidates: [[Int32]]
        var assigned: [Int] = []
    }

    init(n: Int, k: Int, label: [Int32]) {
        self.n = n
        self.k = k
        self.label = label
        let patterns = 1 << k
        var pairs = [Int32](repeating: 0, count: n * n * patterns)
        for a in 0..<n {
            for x in 0..<n {
                for mask in 0..<patterns {
                    var index = 0
                    for t in 0..<k { index = index * n + ((mask >> (k - 1 - t)) & 1 == 1 ? a : x) }
                    pairs[(a * n + x) * patterns + mask] = label[index]
                }
            }
        }
        pairLabels = pairs
    }

    /// Whether (a, x) and (b, y) have the same labels in every pattern.
    func samePattern(_ a: Int, _ x: Int, _ b: Int, _ y: Int) -> Bool {
        let patterns = 1 << k
        let p = (a * n + x) * patterns
        let q = (b * n + y) * patterns
        for m in 0..<patterns where pairLabels[p + m] != pairLabels[q + m] { return false }
        return true
    }

    /// The state with nothing assigned: each point's candidates are the points with the same k-tuple label
    /// on (x, …, x).
    func start() -> State {
        let diagonal = (0..<n).map { x in samePatternDiagonal(x) }
        var candidates: [[Int32]] = []
        for x in 0..<n { candidates.append((0..<n).filter { diagonal[$0] == diagonal[x] }.map { Int32($0) }) }
        return State(
            image: [Int32](repeating: -1, count: n), used: [Bool](repeating: false, count: n), candidates: candidates)
    }

    private func samePatternDiagonal(_ x: Int) -> Int32 { pairLabels[(x * n + x) << k] }

    /// `state` with a ↦ b, the candidates filtered; nil when some point is left without candidates or a
    /// k-tuple through a changes orbit.
    func assign(_ state: State, _ a: Int, _ b: Int) -> State? {
        guard state.image[a] < 0, !state.used[b], state.candidates[a].contains(Int32(b)) else { return nil }
        var s = state
        s.image[a] = Int32(b)
        s.used[b] = true
        s.assigned.append(a)
        s.candidates[a] = [Int32(b)]
        for x in 0..<n where s.image[x] < 0 {
            s.candidates[x] = s.candidates[x].filter { y in
                !s.used[Int(y)] && samePattern(a, x, b, Int(y)) && samePattern(x, a, Int(y), b)
            }
            if s.candidates[x].isEmpty { return nil }
        }
        if k >= 3 && !tuplesThrough(a, in: s) { return nil }
        return s
    }

    /// Every k-tuple of assigned points that contains `a` keeps its orbit under the partial map.
    private func tuplesThrough(_ a: Int, in s: State) -> Bool {
        let points = s.assigned
        let m = points.count
        var digits = [Int](repeating: 0, count: k)
        var total = 1
        for _ in 0..<k { total *= m }
        for _ in 0..<total {
            if digits.contains(where: { points[$0] == a }) {
                var source = 0
                var target = 0
                for d in digits {
                    source = source * n + points[d]
                    target = target * n + Int(s.image[points[d]])
                }
                if label[source] != label[target] { return false }
            }
            Tuples.advance(&digits, base: m)
        }
        return true
    }

    /// A full permutation extending `state` that preserves every k-tuple orbit, or nil.
    func extend(_ state: State) -> Perm? {
        var best = -1
        for x in 0..<n where state.image[x] < 0 {
            if best < 0 || state.candidates[x].count < state.candidates[best].count { best = x }
        }
        guard best >= 0 else { return state.image }
        for y in state.candidates[best] {
            if let next = assign(state, best, Int(y)), let found = extend(next) { return found }
        }
        return nil
    }
}
