/// The covering problem behind membership of a dilated convolutional network (MATH.md §14.2): layers of given
/// capacity choose fibres of a polynomial's roots, each using up one multiplicity of every root it holds (or some
/// zeros), and the question is whether the chosen fibres can cover at least `needed` roots. Exhaustive
/// depth-first search, largest counts first, pruned by what the remaining items, capacity and unused roots could
/// still cover.
struct FibreCover {
    /// A fibre or conjugate pair of fibres: the roots it uses once each, the zeros it uses, what it costs of the
    /// layer's capacity and how many roots it covers.
    struct Item {
        let roots: [Int]
        let zeros: Int
        let cost: Int
        let covered: Int
    }

    /// One layer: its capacity k_i − 1, the roots one unit of capacity covers (S_i) and its items.
    struct Layer {
        let capacity: Int
        let perDegree: Int
        let items: [Item]
    }

    /// The multiplicities not yet used.
    var left: [Int]
    /// The zeros not yet used.
    var zerosLeft: Int
    /// The roots the layers must cover.
    let needed: Int
    var layers: [Layer] = []
    /// Search steps taken.
    private var steps = 0

    init(left: [Int], zerosLeft: Int, needed: Int) {
        self.left = left
        self.zerosLeft = zerosLeft
        self.needed = needed
    }

    /// Per layer, the roots some item of it or of a later layer holds.
    private var reachableRoots: [[Int]] = []

    /// Whether `needed` roots can be covered; nil past `LinearConvolutionalNetwork.maximumFibreSearch` steps.
    mutating func reachable() -> Bool? {
        steps = 0
        var roots = Set<Int>()
        reachableRoots = layers.reversed().map { layer in
            for item in layer.items { roots.formUnion(item.roots) }
            return roots.sorted()
        }.reversed()
        return search(layer: 0, item: 0, capacity: layers.first?.capacity ?? 0, covered: 0)
    }

    private mutating func search(layer l: Int, item j: Int, capacity: Int, covered: Int) -> Bool? {
        if covered >= needed { return true }
        steps += 1
        if steps > LinearConvolutionalNetwork.maximumFibreSearch { return nil }
        guard l < layers.count else { return false }
        // what this layer's remaining items, the later layers and the unused roots could still cover
        let rest = layers[l].items[j...].reduce(0) { $0 + most($1, capacity) * $1.covered }
        let here = min(rest, capacity * layers[l].perDegree)
        let later = layers[(l + 1)...].reduce(0) { $0 + $1.capacity * $1.perDegree }
        let unused = reachableRoots[l].reduce(zerosLeft) { $0 + left[$1] }
        guard covered + min(here + later, unused) >= needed else { return false }
        guard j < layers[l].items.count else {
            return search(layer: l + 1, item: 0, capacity: layers[safe: l + 1]?.capacity ?? 0, covered: covered)
        }
        let item = layers[l].items[j]
        for count in stride(from: most(item, capacity), through: 0, by: -1) {
            use(item, count)
            let found = search(
                layer: l, item: j + 1, capacity: capacity - count * item.cost, covered: covered + count * item.covered)
            use(item, -count)
            if found != false { return found }
        }
        return false
    }

    /// How many times the item fits the capacity and the unused multiplicities.
    private func most(_ item: Item, _ capacity: Int) -> Int {
        var most = capacity / item.cost
        for r in item.roots { most = min(most, left[r]) }
        if item.zeros > 0 { most = min(most, zerosLeft / item.zeros) }
        return most
    }

    private mutating func use(_ item: Item, _ count: Int) {
        for r in item.roots { left[r] -= count }
        zerosLeft -= count * item.zeros
    }
}

extension Array {
    /// The element at i, or nil outside the array.
    fileprivate subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
