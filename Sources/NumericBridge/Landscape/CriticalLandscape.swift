import Foundation
import Algebra
import Geometry

/// The critical points of the squared loss on given data, on one component V_t or on the whole variety E_r
/// (MATH.md §12.5): a critical function keeps, on every block, a set J_b of the block covariance's
/// eigen-directions, and its loss is the energy of the directions it drops, Σ_b Σ_{i ∉ J_b} e_{b,i} / (N·n). The
/// lowest critical values come from a K-best dynamic programme over the blocks (per block the K best sets of
/// each size by best-first search, then K-best sums under the rank budget Σ w_b j_b ≤ r), never from listing
/// components: O(blocks · r · (j_max + K) log K).
public struct CriticalLandscape: Sendable {
    /// One critical function with its loss and its Morse data.
    public struct Point: Sendable {
        /// The kept eigen-directions per block.
        public let directions: CriticalDirections
        /// Mean squared error per point, ‖X − WX‖²_F/(N·n).
        public let loss: Double
        /// A bound on the rounding error of `loss`.
        public let lossError: Double
        /// A smooth point of the function space (j = t on a component; j itself a component on the variety).
        public let isPure: Bool
        /// The Morse index of ℓ on the smooth locus (pure points only).
        public let smoothIndex: Int?
        /// The Morse index of L(D, E) in parameter space (on a component only).
        public let parameterIndex: Int?
        /// The zero eigenvalues of L's Hessian, all gauge directions (on a component only).
        public let gaugeDimension: Int?
        /// A local minimum: pure with index 0 (on a component, of L in parameter space as well).
        public var isLocalMinimum: Bool { isPure && smoothIndex == 0 }
    }

    /// The blocks in canonical order.
    public let blocks: [IsotypicBlock]
    /// r, the rank bound.
    public let rank: Int
    /// The component t, or nil for the whole variety.
    public let tuple: [Int]?
    /// Labels of the blocks whose energies repeat or vanish within their rounding error: there the data are not
    /// generic, critical points come in families and the indices are those of nearby generic data.
    public let degenerateBlocks: [String]
    let variety: EquivariantVariety
    let energies: [[Double]]
    /// Per block, the rounding bound on the loss of one dropped direction.
    let directionError: [Double]
    let scale: Double

    /// The landscape of `spectra` on component `tuple` of `variety`, or on the whole variety when `tuple` is nil.
    /// - Throws: `GeometryError` when the tuple is not a component or the blocks do not match the variety's.
    public init(_ spectra: some BlockSpectra, variety: EquivariantVariety, tuple: [Int]?) throws {
        try spectra.requireShapes(variety.shapes, "the data's blocks are not the symmetry's blocks")
        let blocks = spectra.realBlocks
        if let tuple { try variety.validateComponent(tuple) }
        self.blocks = blocks
        self.variety = variety
        rank = variety.rank
        self.tuple = tuple
        energies = spectra.energies
        scale = 1 / Double(spectra.sampleCount * spectra.degree)
        let full = blocks.map(\.multiplicity)
        directionError = blocks.indices.map { b in
            var t = full
            t[b] -= 1
            return spectra.lossErrorBound(t)
        }
        var degenerate: [String] = []
        for (b, e) in energies.enumerated() where !e.isEmpty {
            let tolerance = directionError[b] / scale
            let repeated = zip(e, e.dropFirst()).contains { $0 - $1 <= 2 * tolerance }
            if repeated || (e.last ?? 0) <= tolerance { degenerate.append(blocks[b].label) }
        }
        degenerateBlocks = degenerate
    }

    /// The largest j_b allowed per block: t_b on a component, min(μ_b, ⌊r/w_b⌋) on the variety.
    var limits: [Int] {
        if let tuple { return tuple }
        return blocks.map { min($0.multiplicity, rank / $0.weight) }
    }

    /// The rank budget: Σ w t on a component, r on the variety.
    var budget: Int {
        guard let tuple else { return min(rank, variety.degree) }
        return zip(blocks, tuple).reduce(0) { $0 + $1.0.weight * $1.1 }
    }

    /// Bytes the K-best programme keeps: per block and budget the K best partial sums (24 bytes each), and per
    /// block and size the K best sets.
    public func memoryEstimate(_ count: Int) -> Int {
        let states = ByteCount.product(blocks.count, budget + 1, count, 24)
        let sets = zip(blocks, limits).reduce(0) {
            ByteCount.sum($0, ByteCount.product($1.1 + 1, count, 8 * ($1.1 + 4)))
        }
        return ByteCount.sum(states, sets)
    }

    /// The `count` lowest critical values with their points, ascending (ties in an arbitrary but fixed order).
    /// - Throws: `MemoryLimitError` past the memory budget; whatever `progress` throws (an interruption).
    public func lowest(_ count: Int, progress: (Int, Int) throws -> Void = { _, _ in }) throws -> [Point] {
        precondition(count >= 0)
        guard count > 0 else { return [] }
        try MemoryBudget.require(
            memoryEstimate(count), for: "the \(count) lowest critical values",
            advice: "ask for fewer values")
        let limits = self.limits
        let budget = self.budget
        var layers: [[[KBestEntry]]] = []
        var current: [[KBestEntry]] = Array(repeating: [], count: budget + 1)
        current[0] = [KBestEntry(cost: 0, previous: -1, size: 0, set: 0)]
        var choices: [[[BlockChoice]]] = []
        for (b, block) in blocks.enumerated() {
            let lists = (0...limits[b]).map { Self.bestSets(energies[b], size: $0, count: count) }
            choices.append(lists)
            current = Self.combine(current, lists, weight: block.weight, budget: budget, count: count)
            layers.append(current)
            try progress(b + 1, blocks.count)
        }
        // the K best over every used budget, then back through the layers
        var finals: [(cost: Double, state: Int, index: Int)] = []
        for (c, list) in current.enumerated() { for (i, e) in list.enumerated() { finals.append((e.cost, c, i)) } }
        finals.sort { ($0.cost, $0.state, $0.index) < ($1.cost, $1.state, $1.index) }
        return finals.prefix(count).map { final in
            var sets = [[Int]](repeating: [], count: blocks.count)
            var (state, index) = (final.state, final.index)
            for b in stride(from: blocks.count - 1, through: 0, by: -1) {
                let entry = layers[b][state][index]
                sets[b] = choices[b][Int(entry.size)][Int(entry.set)].set
                state -= blocks[b].weight * Int(entry.size)
                index = Int(entry.previous)
            }
            return point(CriticalDirections(sets: sets), cost: final.cost)
        }
    }

    /// The point's loss, error bound and Morse data.
    func point(_ d: CriticalDirections, cost: Double) -> Point {
        let profile = d.profile
        let error = zip(zip(blocks, profile), directionError).reduce(0.0) {
            $0 + Double($1.0.0.multiplicity - $1.0.1) * $1.1
        }
        let pure = tuple.map { $0 == profile } ?? variety.isComponent(profile)
        return Point(
            directions: d, loss: cost * scale, lossError: error, isPure: pure,
            smoothIndex: pure ? d.smoothIndex(blocks) : nil,
            parameterIndex: tuple.map { d.parameterIndex(blocks, tuple: $0) },
            gaugeDimension: tuple.map { d.gaugeDimension(blocks, tuple: $0) })
    }

    /// One set of kept directions on a block and the energy it drops.
    struct BlockChoice {
        let discarded: Double
        let set: [Int]
    }

    /// One partial sum of the programme: its cost, the entry it extends in the previous layer, the size and the
    /// index of the set it adds on this block.
    struct KBestEntry {
        let cost: Double
        let previous: Int32
        let size: Int32
        let set: Int32
    }

    /// The `count` sets of `size` of the energies' directions dropping the least energy, ascending: best-first
    /// from the top `size` directions, each step moving one kept direction to the next rank (which drops
    /// e_i − e_{i+1} ≥ 0 more), so every set is reached from a cheaper one.
    static func bestSets(_ e: [Double], size j: Int, count: Int) -> [BlockChoice] {
        let mu = e.count
        func discarded(_ set: [Int]) -> Double {
            var kept = [Bool](repeating: false, count: mu)
            for i in set { kept[i] = true }
            var sum = 0.0
            for i in 0..<mu where !kept[i] { sum += e[i] }
            return sum
        }
        var heap = MinHeap<[Int]>()
        var seen: Set<[Int]> = []
        let first = Array(0..<j)
        heap.push(discarded(first), first)
        seen.insert(first)
        var result: [BlockChoice] = []
        while result.count < count, let (cost, set) = heap.pop() {
            result.append(BlockChoice(discarded: cost, set: set))
            for a in set.indices where set[a] + 1 < mu && (a == set.count - 1 || set[a + 1] != set[a] + 1) {
                var next = set
                next[a] += 1
                if seen.insert(next).inserted { heap.push(discarded(next), next) }
            }
        }
        return result
    }

    /// One layer of the programme: for every budget c′ the `count` cheapest sums A_c[i] + B_j[l] with
    /// c + w·j = c′, by one heap over the sorted grids of all pairs (c, j).
    static func combine(_ previous: [[KBestEntry]], _ lists: [[BlockChoice]], weight w: Int, budget: Int, count: Int)
        -> [[KBestEntry]]
    {
        var next = [[KBestEntry]](repeating: [], count: budget + 1)
        for target in 0...budget {
            var pairs: [(state: Int, size: Int)] = []
            for (j, list) in lists.enumerated() where !list.isEmpty && w * j <= target {
                if !previous[target - w * j].isEmpty { pairs.append((target - w * j, j)) }
            }
            guard !pairs.isEmpty else { continue }
            var heap = MinHeap<(pair: Int, i: Int, l: Int)>()
            for (p, pair) in pairs.enumerated() {
                heap.push(previous[pair.state][0].cost + lists[pair.size][0].discarded, (p, 0, 0))
            }
            var out: [KBestEntry] = []
            out.reserveCapacity(min(count, 1024))
            while out.count < count, let (cost, item) = heap.pop() {
                let (state, size) = pairs[item.pair]
                out.append(KBestEntry(cost: cost, previous: Int32(item.i), size: Int32(size), set: Int32(item.l)))
                let (a, bList) = (previous[state], lists[size])
                if item.l + 1 < bList.count {
                    heap.push(a[item.i].cost + bList[item.l + 1].discarded, (item.pair, item.i, item.l + 1))
                }
                if item.l == 0 && item.i + 1 < a.count {
                    heap.push(a[item.i + 1].cost + bList[0].discarded, (item.pair, item.i + 1, 0))
                }
            }
            next[target] = out
        }
        return next
    }
}

/// A binary min-heap of payloads keyed by a Double.
struct MinHeap<Payload> {
    private var keys: [Double] = []
    private var payloads: [Payload] = []

    mutating func push(_ key: Double, _ payload: Payload) {
        keys.append(key)
        payloads.append(payload)
        var i = keys.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard keys[i] < keys[parent] else { break }
            keys.swapAt(i, parent)
            payloads.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (Double, Payload)? {
        guard let top = keys.first, let payload = payloads.first else { return nil }
        let last = keys.count - 1
        keys.swapAt(0, last)
        payloads.swapAt(0, last)
        keys.removeLast()
        payloads.removeLast()
        var i = 0
        while true {
            let (l, r) = (2 * i + 1, 2 * i + 2)
            var m = i
            if l < keys.count && keys[l] < keys[m] { m = l }
            if r < keys.count && keys[r] < keys[m] { m = r }
            guard m != i else { break }
            keys.swapAt(i, m)
            payloads.swapAt(i, m)
            i = m
        }
        return (top, payload)
    }
}
