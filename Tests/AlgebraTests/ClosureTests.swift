import EqgeomTestSupport
import Testing

@testable import Algebra

/// Wielandt's k-closure by backtrack search against brute force: every permutation of S_n tested on every
/// k-tuple orbit, the orbits found by closing the group's elements (no union-find, no search).
@Suite struct ClosureTests {
    /// All elements of ⟨generators⟩ (0-based images), by closure under composition.
    static func elements(_ generators: [[Int]], n: Int) -> Set<[Int]> {
        var seen: Set<[Int]> = [Array(0..<n)]
        var queue = [Array(0..<n)]
        while let g = queue.popLast() {
            for s in generators {
                let h = g.map { s[$0] }
                if seen.insert(h).inserted { queue.append(h) }
            }
        }
        return seen
    }

    /// All permutations of 0..<n.
    static func symmetric(_ n: Int) -> [[Int]] {
        guard n > 0 else { return [[]] }
        return symmetric(n - 1).flatMap { p in (0...p.count).map { i -> [Int] in Array(p[..<i]) + [n - 1] + p[i...] } }
    }

    /// The order of G^(k) by brute force: permutations π with π(t) ∈ G·t for every k-tuple t.
    static func bruteClosureOrder(_ generators: [[Int]], n: Int, k: Int) -> Int {
        let group = Array(elements(generators, n: n))
        var tuples: [[Int]] = [[]]
        for _ in 0..<k { tuples = tuples.flatMap { t in (0..<n).map { t + [$0] } } }
        let orbitOf: [[Int]: Set<[Int]>] = Dictionary(
            uniqueKeysWithValues: tuples.map { t in (t, Set(group.map { g in t.map { g[$0] } })) })
        return symmetric(n).filter { p in tuples.allSatisfy { t in orbitOf[t]?.contains(t.map { p[$0] }) == true } }
            .count
    }

    static func group(_ generators: [[Int]], n: Int) throws -> PermutationGroup {
        try PermutationGroup(generators: try generators.map { try Permutation(images: $0.map { $0 + 1 }) }, degree: n)
    }

    /// Named cases: A4 (2-closure S4, 3-closure A4), regular C4 (2-closed), C4 and D4 on 3×3 pixels.
    @Test func namedClosuresMatchBruteForce() throws {
        let rotate3 = [6, 3, 0, 7, 4, 1, 8, 5, 2]  // (i, j) ↦ (j, 2 − i) on a 3×3 grid
        let mirror3 = [2, 1, 0, 5, 4, 3, 8, 7, 6]
        let cases: [(String, [[Int]], Int, [Int: Int])] = [
            ("A4", [[1, 2, 0, 3], [1, 0, 3, 2]], 4, [1: 24, 2: 24, 3: 12]),
            ("regular C4", [[1, 2, 3, 0]], 4, [2: 4]),
            ("C4 on 3x3", [rotate3], 9, [:]),
            ("D4 on 3x3", [rotate3, mirror3], 9, [:]),
        ]
        for (name, generators, n, known) in cases {
            let g = try Self.group(generators, n: n)
            for k in 1...3 {
                let order = try g.closure(k: k).order
                if let expected = known[k] { #expect(order == BigInteger(expected), "\(name), k = \(k)") }
                if n <= 9 && !(n == 9 && k == 3) {
                    #expect(order == BigInteger(Self.bruteClosureOrder(generators, n: n, k: k)), "\(name), k = \(k)")
                }
            }
        }
    }

    /// Random groups on up to 6 points: the search's order equals brute force for k = 1, 2, 3, and G^(k)
    /// contains G.
    @Test func randomClosuresMatchBruteForce() throws {
        var rng = SeededGenerator(seed: 81)
        for _ in 0..<testIterations(25) {
            let n = Int.random(in: 2...6, using: &rng)
            let generators = (0..<Int.random(in: 1...2, using: &rng)).map { _ in Array(0..<n).shuffled(using: &rng) }
            let g = try Self.group(generators, n: n)
            for k in 1...3 {
                let closure = try g.closure(k: k)
                #expect(
                    closure.order == BigInteger(Self.bruteClosureOrder(generators, n: n, k: k)), "\(generators) k=\(k)")
                #expect(g.generators.allSatisfy { closure.contains($0) })
            }
        }
    }

    /// S_n's orbits on k-tuples are the set partitions of the k places into at most n blocks (Bell numbers for
    /// n ≥ k; counted here by brute force over all tuples), and groups with as many orbits get S_n as closure:
    /// PSL(2,7) on 8 points (2-transitive, 2-closure S_8), PGL(2,5) on 6 points (3-transitive, 3-closure S_6).
    @Test func kTransitiveGroupsCloseToTheSymmetricGroup() throws {
        for n in 1...5 {
            for k in 0...4 {
                var canonical = Set<[Int]>()
                var tuple = [Int](repeating: 0, count: k)
                for _ in 0..<(0..<k).reduce(1, { acc, _ in acc * n }) {
                    var first: [Int: Int] = [:]
                    canonical.insert(
                        tuple.map { x in
                            first[x]
                                ?? {
                                    first[x] = first.count
                                    return first.count - 1
                                }()
                        })
                    var t = k - 1
                    while t >= 0 {
                        tuple[t] += 1
                        if tuple[t] < n { break }
                        tuple[t] = 0
                        t -= 1
                    }
                }
                #expect(PermutationGroup.symmetricOrbitCount(degree: n, length: k) == canonical.count, "n=\(n) k=\(k)")
            }
        }
        // S_n with its order known: the stabiliser chain of the same generators agrees
        for n in 1...7 {
            let known = try NamedGroup(.symmetric, degree: n).group()
            let computed = try PermutationGroup(generators: known.generators, degree: n)
            #expect(known.order == computed.order && known.order == BigInteger.factorial(UInt(n)), "n = \(n)")
        }
        // PSL(2,7) on the projective line: x ↦ x + 1 and x ↦ −1/x (∞ = 8)
        let psl = try PermutationGroup(
            generators: [
                try Permutation(parsing: "(1 2 3 4 5 6 7)"), try Permutation(parsing: "(1 8)(2 7)(3 4)(5 6)"),
            ],
            degree: 8)
        #expect(try psl.closure(k: 2).order == BigInteger.factorial(8))
        #expect(try psl.closure(k: 3).order == psl.order)
        // PGL(2,5) on 6 points: x ↦ x + 1, x ↦ 2x, x ↦ −1/x (∞ = 6)
        let pgl = try PermutationGroup(
            generators: [
                try Permutation(parsing: "(1 2 3 4 5)"), try Permutation(parsing: "(2 3 5 4)"),
                try Permutation(parsing: "(1 6)(2 5)"),
            ], degree: 6)
        #expect(pgl.order == BigInteger(120))
        #expect(try pgl.closure(k: 3).order == BigInteger.factorial(6))
    }
}
