/// A base and strong generating set of a permutation group, built by the deterministic
/// Schreier–Sims algorithm (Holt, Eick, O'Brien, *Handbook of Computational Group Theory*, §4.4.2).
///
/// Level i stores the base point β_i, the strong generators fixing β_0..β_{i−1}, the orbit of β_i
/// under them, and for each orbit point p a transversal element u_p with β_i^{u_p} = p. Permutations
/// are 0-based image arrays; `a·b` applies a then b. Not API.
struct StabilizerChain: Sendable {
    typealias Perm = [Int32]

    struct Level: Sendable {
        var basePoint: Int
        var generators: [Perm] = []
        var orbit: [Int32] = []
        var transversal: [Perm] = []  // aligned with orbit
        var inverseTransversal: [Perm] = []  // aligned with orbit
        var position: [Int32]  // point → index in orbit, or −1
        var checked = Set<Int>()  // Schreier pairs (orbit index, generator index) known to sift

        init(basePoint: Int, degree: Int) {
            self.basePoint = basePoint
            position = [Int32](repeating: -1, count: degree)
            orbit = [Int32(basePoint)]
            transversal = [StabilizerChain.identity(degree)]
            inverseTransversal = transversal
            position[basePoint] = 0
        }

        /// Adds a generator and extends the orbit by breadth-first search; old transversal elements stay.
        mutating func add(_ g: Perm) {
            generators.append(g)
            var k = 0
            while k < orbit.count {
                let p = Int(orbit[k])
                for s in generators {
                    let q = Int(s[p])
                    if position[q] < 0 {
                        position[q] = Int32(orbit.count)
                        orbit.append(Int32(q))
                        let u = StabilizerChain.compose(transversal[k], s)
                        transversal.append(u)
                        inverseTransversal.append(StabilizerChain.invert(u))
                    }
                }
                k += 1
            }
        }
    }

    let degree: Int
    private(set) var levels: [Level] = []

    static func identity(_ n: Int) -> Perm { (0..<Int32(n)).map { $0 } }
    static func compose(_ a: Perm, _ b: Perm) -> Perm { a.map { b[Int($0)] } }
    static func invert(_ a: Perm) -> Perm {
        var r = Perm(repeating: 0, count: a.count)
        for (i, v) in a.enumerated() { r[Int(v)] = Int32(i) }
        return r
    }
    static func isIdentity(_ a: Perm) -> Bool { a.indices.allSatisfy { a[$0] == Int32($0) } }
    static func firstMovedPoint(_ a: Perm) -> Int? { a.indices.first { a[$0] != Int32($0) } }

    init(generators: [Perm], degree: Int) {
        self.degree = degree
        let gens = generators.filter { !Self.isIdentity($0) }
        for g in gens where levels.allSatisfy({ g[$0.basePoint] == Int32($0.basePoint) }) {
            if let b = Self.firstMovedPoint(g) { levels.append(Level(basePoint: b, degree: degree)) }
        }
        for i in levels.indices {
            let fixed = levels[..<i].map(\.basePoint)
            for g in gens where fixed.allSatisfy({ g[$0] == Int32($0) }) { levels[i].add(g) }
        }
        var i = levels.count - 1
        while i >= 0 {
            if let (h, j) = nonSiftingSchreierGenerator(at: i) {
                if j == levels.count, let b = Self.firstMovedPoint(h) {
                    levels.append(Level(basePoint: b, degree: degree))
                }
                for l in (i + 1)...j { levels[l].add(h) }
                i = j
            } else {
                i -= 1
            }
        }
    }

    /// Sifts g from level `start`: returns the residue and the level where it left the chain
    /// (`levels.count` if it passed every level).
    func sift(_ g: Perm, from start: Int = 0) -> (residue: Perm, level: Int) {
        var h = g
        for j in start..<levels.count {
            let pos = Int(levels[j].position[Int(h[levels[j].basePoint])])
            if pos < 0 { return (h, j) }
            h = Self.compose(h, levels[j].inverseTransversal[pos])
        }
        return (h, levels.count)
    }

    /// The first Schreier generator u_p·s·u_{p^s}⁻¹ of level i that does not sift to the identity
    /// through the levels below, with the level where its residue stopped; records the pairs that sift.
    private mutating func nonSiftingSchreierGenerator(at i: Int) -> (Perm, Int)? {
        var k = 0
        while k < levels[i].orbit.count {
            for (si, s) in levels[i].generators.enumerated() {
                let key = k << 32 | si
                if levels[i].checked.contains(key) { continue }
                let level = levels[i]
                let p = Int(level.orbit[k])
                let q = Int(s[p])
                let schreier = Self.compose(
                    Self.compose(level.transversal[k], s), level.inverseTransversal[Int(level.position[q])])
                let (h, j) = sift(schreier, from: i + 1)
                if !Self.isIdentity(h) { return (h, j) }
                levels[i].checked.insert(key)
            }
            k += 1
        }
        return nil
    }

    /// Every element once, as u_{k−1}·…·u_1·u_0 over the transversals (GAP's order of products: apply the left
    /// factor first), the identity first; nil when there are more than `limit`.
    func elements(limit: Int) -> [Perm]? {
        var count = 1
        for level in levels {
            let (product, overflow) = count.multipliedReportingOverflow(by: level.orbit.count)
            guard !overflow, product <= limit else { return nil }
            count = product
        }
        var list = [Self.identity(degree)]
        for level in levels.reversed() {
            var next: [Perm] = []
            next.reserveCapacity(list.count * level.transversal.count)
            for e in list { for u in level.transversal { next.append(Self.compose(e, u)) } }
            list = next
        }
        return list
    }

    /// |G| = ∏ |orbit_i|.
    var order: BigInteger { levels.reduce(BigInteger(1)) { $0 * BigInteger($1.orbit.count) } }

    func contains(_ g: Perm) -> Bool { Self.isIdentity(sift(g).residue) }
}
