/// The conjugacy classes of a finite permutation group G, found by listing G (MATH.md §8.2, the character route):
/// every element is known by its images of the stabiliser chain's base, and a class is an orbit of conjugation by
/// the generators. O(|G|·(n + k·b)) time for k generators and a base of b points, |G|·n stored points; for groups
/// small enough to list (the regular actions whose orbital algebras are large), not for S_n on n points.
///
///     S3 on 3 points: classes of sizes 1, 3, 2 (the identity, the transpositions, the 3-cycles).
public struct ConjugacyClasses: Sendable {
    /// |G|.
    public let groupOrder: Int
    /// n, the number of points acted on.
    public let degree: Int
    /// |C_k| for each class; the identity's class is class 0.
    public let sizes: [Int]
    /// The class of g_k⁻¹ for each class k.
    public let inverse: [Int]
    /// The order of the elements of each class.
    public let orders: [Int]
    /// One element g_k of each class (0-based images), the identity first.
    let representatives: [[Int32]]
    /// Every element, |G| rows of n images (0-based), row e the element numbered e.
    private let elements: [Int32]
    /// The class of each element.
    private let classOfElement: [Int32]
    /// The base points of the stabiliser chain: an element is determined by their images.
    private let base: [Int]
    /// Element number of each key Σ_i g(b_i)·nⁱ.
    private let number: [Int: Int32]

    /// The classes of `group`, when |G| ≤ `limit`.
    /// - Throws: `PermutationError.tooLarge` past `limit` (or a base too long to key elements by one word);
    ///   `MemoryLimitError` when the listed elements exceed the memory budget.
    public init(group: PermutationGroup, limit: Int) throws {
        let chain = group.chain
        let n = group.degree
        let order = try Self.order(chain, limit: limit)
        try MemoryBudget.require(
            ByteCount.product(order, ByteCount.sum(ByteCount.product(n, 4), 64)),
            for: "the \(order) elements of the group (conjugacy classes)",
            advice: "the character route lists the group; use a smaller group or one with smaller orbits")
        var power = 1
        for _ in chain.levels {
            let (next, overflow) = power.multipliedReportingOverflow(by: max(n, 1))
            guard !overflow else { throw PermutationError.tooLarge("a base of \(chain.levels.count) points") }
            power = next
        }
        let base = chain.levels.map(\.basePoint)
        let elements = Self.list(chain, degree: n, count: order)
        self.base = base
        self.elements = elements
        degree = n
        groupOrder = order
        var number = [Int: Int32](minimumCapacity: order)
        for e in 0..<order { number[Self.key(base: base, degree: n) { elements[e * n + $0] }] = Int32(e) }
        self.number = number
        // classes: orbits of x ↦ g⁻¹·x·g, whose image of a base point b is g(x(g⁻¹(b)))
        let generators = group.generators.map(\.storage)
        let inverses = generators.map(StabilizerChain.invert)
        var classOf = [Int32](repeating: -1, count: order)
        var sizes: [Int] = []
        var representatives: [[Int32]] = []
        for start in 0..<order where classOf[start] < 0 {
            let k = Int32(sizes.count)
            classOf[start] = k
            var queue = [start]
            var head = 0
            while head < queue.count {
                let x = queue[head] * n
                head += 1
                for (g, h) in zip(generators, inverses) {
                    let key = Self.key(base: base, degree: n) { g[Int(elements[x + Int(h[$0])])] }
                    let y = Int(number[key] ?? 0)
                    if classOf[y] < 0 {
                        classOf[y] = k
                        queue.append(y)
                    }
                }
            }
            sizes.append(queue.count)
            representatives.append(Array(elements[(start * n)..<(start * n + n)]))
        }
        classOfElement = classOf
        self.sizes = sizes
        self.representatives = representatives
        orders = representatives.map { Int(exactly: Permutation(unchecked: $0).order) ?? 0 }
        inverse = representatives.map { g in
            let inverse = StabilizerChain.invert(g)
            return Int(classOf[Int(number[Self.key(base: base, degree: n) { inverse[$0] }] ?? 0)])
        }
    }

    /// The number of classes (= the number of irreducible characters).
    public var count: Int { sizes.count }

    /// One element of each class (the identity's first).
    public var representativePermutations: [Permutation] { representatives.map { Permutation(unchecked: $0) } }

    /// The class of g_k^e for each class k (the e-th power map).
    public func powerMap(_ e: Int) -> [Int] {
        representatives.map { g in
            var result = StabilizerChain.identity(degree)
            var square = g
            var e = e
            while e > 0 {
                if e & 1 == 1 { result = StabilizerChain.compose(result, square) }
                square = StabilizerChain.compose(square, square)
                e >>= 1
            }
            return classOf(result)
        }
    }

    /// The number of points of `points` (0-based) fixed by g_k, for each class k.
    public func fixedPoints(among points: [Int]) -> [Int] {
        representatives.map { g in points.reduce(0) { $0 + (Int(g[$1]) == $1 ? 1 : 0) } }
    }

    /// For each class i and each k, Σ over y ∈ C_i of weight[class(y·g_k)] (row i, column k), unreduced: with
    /// weight = the indicator of class j, the entry (i*, k) is the class multiplication coefficient
    /// c_{ijk} = #{(x, y) ∈ C_i × C_j : xy = g_k} (MATH.md §8.2). O(r·|G|·b); the sums stay below |G|·max weight.
    public func classProducts(weights: [UInt]) -> [[UInt]] {
        let n = degree
        var table = [[UInt]](repeating: [UInt](repeating: 0, count: count), count: count)
        for (k, z) in representatives.enumerated() {
            for y in 0..<groupOrder {
                let key = Self.key(base: base, degree: n) { z[Int(elements[y * n + $0])] }
                let i = Int(classOfElement[y])
                table[i][k] += weights[Int(classOfElement[Int(number[key] ?? 0)])]
            }
        }
        return table
    }

    /// The subgroup ⟨generators⟩ of G as element numbers (its class counts follow from `classOf(element:)`), or nil
    /// when it has more than `limit` elements: listed breadth first, a product y·s found from its base images
    /// alone (b lookups, not n). The generators must lie in G.
    public func subgroup(generatedBy generators: [Permutation], limit: Int) -> [Int]? {
        let n = degree
        let images = generators.map(\.storage)
        var inSubgroup = Set<Int>([0])
        var queue = [0]
        var head = 0
        while head < queue.count {
            let y = queue[head] * n
            head += 1
            for s in images {
                let key = Self.key(base: base, degree: n) { s[Int(elements[y + $0])] }
                let z = Int(number[key] ?? 0)
                if inSubgroup.insert(z).inserted {
                    guard inSubgroup.count <= limit else { return nil }
                    queue.append(z)
                }
            }
        }
        return queue
    }

    /// The element numbered `e` (0 ≤ e < |G|; 0 is the identity).
    public func element(_ e: Int) -> Permutation {
        Permutation(unchecked: Array(elements[(e * degree)..<((e + 1) * degree)]))
    }

    /// The class of the element numbered `e`.
    public func classOf(element e: Int) -> Int { Int(classOfElement[e]) }

    /// The class of an element g of G (the answer for a permutation outside G is meaningless).
    public func classOf(_ g: Permutation) -> Int { classOf(g.storage) }

    /// The class of an element of G (0-based images).
    func classOf(_ g: [Int32]) -> Int {
        Int(classOfElement[Int(number[Self.key(base: base, degree: degree) { g[$0] }] ?? 0)])
    }

    /// |G| from the chain, refused past `limit`.
    static func order(_ chain: StabilizerChain, limit: Int) throws -> Int {
        var count = 1
        for level in chain.levels {
            let (product, overflow) = count.multipliedReportingOverflow(by: level.orbit.count)
            guard !overflow, product <= limit else {
                throw PermutationError.tooLarge("a group of order \(chain.order) (conjugacy classes by listing)")
            }
            count = product
        }
        return count
    }

    /// The elements as rows of one flat array (products of transversal elements, the identity first).
    static func list(_ chain: StabilizerChain, degree n: Int, count: Int) -> [Int32] {
        var list = [Int32](repeating: 0, count: count * n)
        for i in 0..<n { list[i] = Int32(i) }
        var filled = 1
        for level in chain.levels.reversed() {
            let size = level.transversal.count
            // row e·size + t = (row e)·u_t, written from the last row down so no row is overwritten unread
            for e in stride(from: filled - 1, through: 0, by: -1) {
                let source = Array(list[(e * n)..<(e * n + n)])
                for (t, u) in level.transversal.enumerated() {
                    let row = (e * size + t) * n
                    for i in 0..<n { list[row + i] = u[Int(source[i])] }
                }
            }
            filled *= size
        }
        return list
    }

    /// The key Σ_i g(b_i)·nⁱ of an element g given by its images of the base points.
    @inline(__always)
    static func key(base: [Int], degree n: Int, image: (Int) -> Int32) -> Int {
        var key = 0
        var scale = 1
        for b in base {
            key += Int(image(b)) * scale
            scale *= n
        }
        return key
    }
}
