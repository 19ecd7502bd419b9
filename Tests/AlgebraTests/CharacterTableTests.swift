import Foundation
import Testing
import Algebra
import EqgeomTestSupport

/// Conjugacy classes and character tables modulo p (MATH.md §8.2, the character route) against brute force and
/// known tables: classes by conjugating every pair of elements, class multiplication coefficients by counting
/// products, the degrees of S4, Q8, A5 and SL(2,3) from the literature, and the column orthogonality relation
/// (the code checks only the row relation).
@Suite struct CharacterTableTests {
    /// The class partition of G by brute force: x ~ y iff y = g⁻¹xg for some g ∈ G.
    static func bruteForceClasses(_ elements: [Permutation]) -> [Int] {
        var sizes: [Int] = []
        var seen = Set<Permutation>()
        for x in elements where !seen.contains(x) {
            let orbit = Set(elements.map { g in g.inverse * x * g })
            seen.formUnion(orbit)
            sizes.append(orbit.count)
        }
        return sizes.sorted()
    }

    static func randomGroup(_ rng: inout SeededGenerator) throws -> PermutationGroup {
        let n = rng.next(in: 2...7)
        let count = rng.next(in: 1...3)
        let generators = try (0..<count).map { _ -> Permutation in
            var images = Array(1...n)
            rng.shuffle(&images)
            return try Permutation(images: images)
        }
        return try PermutationGroup(generators: generators, degree: n)
    }

    @Test func classesAgreeWithBruteForce() throws {
        var rng = SeededGenerator(seed: 2061)
        for _ in 0..<testIterations(30) {
            let group = try Self.randomGroup(&rng)
            let elements = try #require(group.elements(limit: 10_000))
            let classes = try ConjugacyClasses(group: group, limit: 10_000)
            #expect(classes.groupOrder == elements.count)
            #expect(classes.sizes.sorted() == Self.bruteForceClasses(elements), "\(group.generators)")
            let representatives = classes.representativePermutations
            #expect(representatives[0] == Permutation(identityOn: group.degree))
            for (k, g) in representatives.enumerated() {
                let inverse = representatives[classes.inverse[k]]
                #expect(elements.contains { h in h.inverse * g.inverse * h == inverse })
                #expect(g.order == BigInteger(classes.orders[k]))
            }
        }
    }

    @Test func classProductsCountProducts() throws {
        var rng = SeededGenerator(seed: 2062)
        var tried = 0
        while tried < testIterations(10) {
            let group = try Self.randomGroup(&rng)
            guard let elements = group.elements(limit: 720) else { continue }
            tried += 1
            let classes = try ConjugacyClasses(group: group, limit: 720)
            let r = classes.count
            let representatives = classes.representativePermutations
            // the class of each element, from the conjugates of each representative
            var classOf: [Permutation: Int] = [:]
            for (k, z) in representatives.enumerated() { for g in elements { classOf[g.inverse * z * g] = k } }
            #expect(classOf.count == elements.count)
            // c_ijk = #{(x, y) ∈ C_i × C_j : xy = g_k}, counted over x with y = x⁻¹g_k
            var count = [Int](repeating: 0, count: r * r * r)
            for (k, z) in representatives.enumerated() {
                for x in elements {
                    let (i, j) = (classOf[x] ?? -1, classOf[x.inverse * z] ?? -1)
                    count[(i * r + j) * r + k] += 1
                }
            }
            for j in 0..<r {
                let table = classes.classProducts(weights: (0..<r).map { UInt($0 == j ? 1 : 0) })
                for i in 0..<r {
                    for k in 0..<r {
                        #expect(
                            table[classes.inverse[i]][k] == UInt(count[(i * r + j) * r + k]), "i=\(i) j=\(j) k=\(k)")
                    }
                }
            }
        }
    }

    @Test func degreesOfKnownGroups() throws {
        let cases: [(String, [String], Int, [Int])] = [
            ("S4", ["(1 2)", "(1 2 3 4)"], 4, [1, 1, 2, 3, 3]),
            ("Q8", ["(1 2 4 6)(3 5 7 8)", "(1 3 4 7)(2 8 6 5)"], 8, [1, 1, 1, 1, 2]),
            ("A5", ["(1 2 3)", "(1 2 3 4 5)"], 5, [1, 3, 3, 4, 5]),
            ("SL(2,3)", ["(3 4 5)(6 8 7)", "(1 6 2 3)(4 7 8 5)"], 8, [1, 1, 1, 2, 2, 2, 3]),
            ("C7", ["(1 2 3 4 5 6 7)"], 7, [1, 1, 1, 1, 1, 1, 1]),
        ]
        for (name, generators, n, degrees) in cases {
            let group = try PermutationGroup(
                generators: generators.map { try Permutation(cycles: $0, degree: n) }, degree: n)
            let table = try ModularCharacterTable(classes: try ConjugacyClasses(group: group, limit: 1_000))
            #expect(table.degrees.sorted() == degrees, "\(name)")
        }
    }

    @Test func columnOrthogonalityAndIndicators() throws {
        var rng = SeededGenerator(seed: 2063)
        for _ in 0..<testIterations(30) {
            let group = try Self.randomGroup(&rng)
            let classes = try ConjugacyClasses(group: group, limit: 10_000)
            let table = try ModularCharacterTable(classes: classes)
            let p = table.prime
            // Σ_χ χ(g_k)·χ(g_l⁻¹) = δ_kl·|G|/|C_k|
            for k in 0..<classes.count {
                for l in 0..<classes.count {
                    let sum = table.values.reduce(UInt(0)) { ($0 + $1[k] * $1[classes.inverse[l]] % p) % p }
                    let expected = k == l ? UInt(classes.groupOrder / classes.sizes[k]) % p : 0
                    #expect(sum == expected, "\(group.generators) k=\(k) l=\(l)")
                }
            }
            // the permutation character's multiplicities: Σ_χ ⟨π, χ⟩·χ(1) = n and Σ ⟨π, χ⟩² = #orbitals (Burnside)
            let pi = classes.fixedPoints(among: Array(0..<group.degree))
            let m = (0..<table.count).map { table.innerProduct(pi, character: $0) }
            #expect(zip(m, table.degrees).reduce(0) { $0 + $1.0 * $1.1 } == group.degree)
            let orbitals = try group.orbitsOnTuples(length: 2).count
            #expect(m.reduce(0) { $0 + $1 * $1 } == orbitals)
            // ν(χ) = ±1 exactly for real-valued χ
            for chi in 0..<table.count {
                let nu = table.indicators[chi]
                #expect([-1, 0, 1].contains(nu))
                #expect((nu != 0) == (table.conjugate(chi) == chi))
            }
        }
    }

    @Test func boundedOrderAgreesWithTheStabiliserChain() throws {
        var rng = SeededGenerator(seed: 2064)
        for _ in 0..<testIterations(40) {
            let group = try Self.randomGroup(&rng)
            let order = try #require(Int(exactly: group.order))
            let limit = rng.next(in: 1...200)
            #expect(group.order(ifAtMost: limit) == (order <= limit ? order : nil), "\(group.generators) \(limit)")
        }
        let s1000 = try PermutationGroup(generators: [
            Permutation(cycles: "(1 2)", degree: 1000), Permutation(images: (1...1000).map { $0 % 1000 + 1 }),
        ])
        #expect(s1000.order(ifAtMost: 1 << 21) == nil)
    }

    @Test func quaternionGroupHasAQuaternionicCharacter() throws {
        let q8 = try PermutationGroup(generators: [
            Permutation(cycles: "(1 2 4 6)(3 5 7 8)"), Permutation(cycles: "(1 3 4 7)(2 8 6 5)"),
        ])
        let table = try ModularCharacterTable(classes: try ConjugacyClasses(group: q8, limit: 100))
        let two = try #require(table.degrees.firstIndex(of: 2))
        #expect(table.indicators[two] == -1)
        #expect(throws: PermutationError.self) { try ConjugacyClasses(group: q8, limit: 7) }
    }
}
