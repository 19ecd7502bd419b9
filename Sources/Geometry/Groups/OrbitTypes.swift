import Algebra

/// The orbits of a permutation group sorted into isomorphism types of transitive G-sets (MATH.md §8.2
/// step 2): isomorphic orbits carry isomorphic permutation representations, so only one orbit per type
/// enters the orbital algebra. Two orbits O ∋ p and O' are isomorphic iff some q ∈ O' admits the
/// G-map p ↦ q, s·x ↦ s·f(x), consistently; cheap invariants (size, fixed points of each generator) come
/// first.
struct OrbitTypes: Sendable {
    /// One orbit per type (0-based points, the first point is the base point).
    let representatives: [[Int]]
    /// How many orbits have each type.
    let counts: [Int]
    /// The type of each orbit (in the order given).
    let typeOf: [Int]

    init(orbits: [[Int]], generators: [[Int32]]) {
        var representatives: [[Int]] = []
        var signatures: [[Int]] = []
        var counts: [Int] = []
        var typeOf: [Int] = []
        for orbit in orbits {
            let signature = [orbit.count] + generators.map { g in orbit.filter { Int(g[$0]) == $0 }.count }
            let match = representatives.indices.first {
                signatures[$0] == signature && Self.isomorphic(representatives[$0], orbit, generators)
            }
            if let k = match {
                counts[k] += 1
                typeOf.append(k)
            } else {
                typeOf.append(representatives.count)
                representatives.append(orbit)
                signatures.append(signature)
                counts.append(1)
            }
        }
        self.representatives = representatives
        self.counts = counts
        self.typeOf = typeOf
    }

    /// Whether the transitive G-sets `a` and `b` are isomorphic.
    static func isomorphic(_ a: [Int], _ b: [Int], _ generators: [[Int32]]) -> Bool {
        guard a.count == b.count, let p = a.first else { return a.count == b.count }
        return b.contains { q in extends(p, to: q, size: a.count, generators) }
    }

    /// Whether p ↦ q extends to a G-map on p's orbit (then it is an isomorphism onto q's orbit).
    static func extends(_ p: Int, to q: Int, size: Int, _ generators: [[Int32]]) -> Bool {
        var image: [Int: Int] = [p: q]
        image.reserveCapacity(size)
        var queue = [p]
        var head = 0
        while head < queue.count {
            let x = queue[head]
            head += 1
            guard let fx = image[x] else { return false }
            for g in generators {
                let y = Int(g[x])
                let fy = Int(g[fx])
                if let known = image[y] {
                    if known != fy { return false }
                } else {
                    image[y] = fy
                    queue.append(y)
                }
            }
        }
        return true
    }
}
