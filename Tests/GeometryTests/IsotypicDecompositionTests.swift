import Foundation
import Testing
import Algebra
import EqgeomTestSupport

@testable import Geometry

/// The isotypic blocks of permutation representations against GAP's character tables, indicators and
/// permutation characters (Oracles/isotypic.g → isotypic.json), on 21 groups.
@Suite struct IsotypicDecompositionTests {
    struct Case: Decodable {
        let name: String
        let n: Int
        let generators: [[Int]]
        let blocks: [[Entry]]
        let orbitals: Int
    }

    enum Entry: Decodable {
        case text(String)
        case number(Int)
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { self = .text(s) } else { self = .number(try c.decode(Int.self)) }
        }
        var description: String {
            switch self {
            case .text(let s): return s
            case .number(let k): return "\(k)"
            }
        }
    }

    static func cases() throws -> [Case] {
        try JSONDecoder().decode([Case].self, from: oracleData("isotypic.json"))
    }

    @Test func blocksAgreeWithGAP() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 21)
        for c in cases {
            let group = try PermutationGroup(generators: c.generators.map { try Permutation(images: $0) }, degree: c.n)
            let d = try IsotypicDecomposition(group: group)
            let got = d.blocks.map { "\($0.type.rawValue) \($0.weight) \($0.multiplicity)" }.sorted()
            let expected = c.blocks.map { $0.map(\.description).joined(separator: " ") }.sorted()
            #expect(got == expected, "\(c.name)")
            #expect(d.orbitalCount == c.orbitals, "\(c.name)")
            #expect(d.blocks.first?.label == "R1.1" && d.blocks.first?.multiplicity == group.orbits.count, "\(c.name)")
        }
    }

    /// Maximal tuples by definition over (weight, multiplicity) pairs: (all, of weight exactly r).
    static func bruteForceCount(_ shapes: BlockShapes, rank r: Int) -> (Int, Int) {
        var tuples: [[Int]] = [[]]
        for m in shapes.multiplicities { tuples = tuples.flatMap { t in (0...m).map { t + [$0] } } }
        var all = 0
        var full = 0
        for t in tuples {
            let w = zip(shapes.weights, t).reduce(0) { $0 + $1.0 * $1.1 }
            guard w <= r else { continue }
            let maximal = t.indices.allSatisfy { t[$0] == shapes.multiplicities[$0] || w + shapes.weights[$0] > r }
            if maximal { all += 1 }
            if maximal && w == r { full += 1 }
        }
        return (all, full)
    }

    @Test func componentCountsAgreeWithBruteForceForEveryRank() throws {
        for c in try Self.cases() where c.n <= 64 {
            let group = try PermutationGroup(generators: c.generators.map { try Permutation(images: $0) }, degree: c.n)
            let shapes = try IsotypicDecomposition(group: group).shapes
            guard shapes.multiplicities.reduce(1, { $0 * ($1 + 1) }) <= 200_000 else { continue }
            let byRank = try shapes.componentCountsByRank()
            for r in 0...c.n {
                let (all, full) = Self.bruteForceCount(shapes, rank: r)
                let count = try shapes.componentCount(rank: r)
                #expect(count.all == BigInteger(all) && count.withRankR == BigInteger(full), "\(c.name) r=\(r)")
                #expect(byRank[r] == count, "\(c.name) r=\(r)")
            }
        }
    }

    @Test func countsOfGroupsMDWorkedExamples() throws {
        let cases = try Self.cases()
        func shapes(_ name: String) throws -> BlockShapes {
            let c = try #require(cases.first { $0.name == name })
            let g = try PermutationGroup(generators: c.generators.map { try Permutation(images: $0) }, degree: c.n)
            return try IsotypicDecomposition(group: g).shapes
        }
        // MATH.md §8.3: D4 on 28×28 at r = 99 has 2,253,800 components, all with a rank-99 matrix
        let d4 = try shapes("D4 on 28x28").componentCount(rank: 99)
        #expect(d4.all == BigInteger(2_253_800) && d4.withRankR == BigInteger(2_253_800))
        // A5 on 12 points, r = 7: (1,1,1,0) of weight 7 and (1,0,0,1) of weight 6 (slack 1)
        let a5 = try shapes("A5 on 12 points").componentCount(rank: 7)
        #expect(a5.all == BigInteger(2) && a5.withRankR == BigInteger(1))
        // SL(2,3) regular, r = 10: 10 components, 7 with a rank-10 matrix
        let sl = try shapes("SL(2,3) regular").componentCount(rank: 10)
        #expect(sl.all == BigInteger(10) && sl.withRankR == BigInteger(7))
        // S_n on n points, 2 ≤ r < n − 1: the single component (1, 0), containing no rank-r matrix
        let s10 = try shapes("S10 on 10").componentCount(rank: 5)
        #expect(s10.all == BigInteger(1) && s10.withRankR == BigInteger(0))
    }

    @Test func abelianClosedFormAgreesWithTheRationalEngine() throws {
        for c in try Self.cases() {
            let generators = try c.generators.map { try Permutation(images: $0) }
            guard AbelianCharacters.isAbelian(generators) else { continue }
            let group = try PermutationGroup(generators: generators, degree: c.n)
            let fast = try IsotypicDecomposition(group: group)
            let general = try IsotypicDecomposition(group: group, engine: .orbitalAlgebra)
            #expect(fast.blocks == general.blocks.map { $0 }, "\(c.name)")
            #expect(fast.orbitalCount == general.orbitalCount, "\(c.name)")
        }
    }

    /// The character route and the rational engine on every oracle group either can do in a test's time (the rational
    /// engine takes minutes on S6's regular action, the character route does not list S10), and on random groups
    /// against each other: the same blocks, labels and number of orbitals.
    @Test func characterRouteAgreesWithGAPAndTheRationalEngine() throws {
        for c in try Self.cases() {
            let group = try PermutationGroup(generators: c.generators.map { try Permutation(images: $0) }, degree: c.n)
            let expected = c.blocks.map { $0.map(\.description).joined(separator: " ") }.sorted()
            var engines: [IsotypicDecomposition.Engine] = []
            if group.order <= BigInteger(CharacterBlocks.maximumOrder) { engines.append(.characters) }
            if c.name != "S6 regular" { engines.append(.orbitalAlgebra) }
            var labelled: [[String]] = []
            for engine in engines {
                let d = try IsotypicDecomposition(group: group, engine: engine)
                #expect(d.blocks.map { "\($0.type.rawValue) \($0.weight) \($0.multiplicity)" }.sorted() == expected)
                #expect(d.orbitalCount == c.orbitals, "\(c.name) \(engine)")
                labelled.append(d.blocks.map { "\($0.label) \($0.type.rawValue) \($0.multiplicity)" })
            }
            #expect(Set(labelled).count <= 1, "\(c.name)")
        }
        var rng = SeededGenerator(seed: 8128)
        for _ in 0..<testIterations(25) {
            let n = rng.next(in: 3...8)
            let generators = try (0..<rng.next(in: 1...3)).map { _ -> Permutation in
                var images = Array(1...n)
                rng.shuffle(&images)
                return try Permutation(images: images)
            }
            let group = try PermutationGroup(generators: generators, degree: n)
            let a = try IsotypicDecomposition(group: group, engine: .characters)
            let b = try IsotypicDecomposition(group: group, engine: .orbitalAlgebra)
            #expect(a.blocks == b.blocks && a.orbitalCount == b.orbitalCount, "\(generators)")
        }
    }

    @Test func torusCountMatchesItsClosedForm() throws {
        // Z28×Z28 on 28×28: R1×1 (4 real characters) and C2×1 (390 pairs); at r = 99 the components with a
        // rank-99 matrix are 4·C(390,49) + 4·C(390,48), the deficient ones C(390,47) (MATH.md §8.3)
        let torus = try PermutationGroup(generators: [
            Permutation.shift(height: 28, width: 28, along: .x), Permutation.shift(height: 28, width: 28, along: .y),
        ])
        let d = try IsotypicDecomposition(group: torus)
        #expect(d.blocks.filter { $0.type == .real }.count == 4 && d.blocks.filter { $0.type == .complex }.count == 390)
        let count = try d.shapes.componentCount(rank: 99)
        let full = BigInteger(4) * BigInteger.binomial(390, 49) + BigInteger(4) * BigInteger.binomial(390, 48)
        #expect(count.withRankR == full && count.all == full + BigInteger.binomial(390, 47))
    }

    @Test func groupComponentsEnumerateRankAndMatchBruteForce() throws {
        for c in try Self.cases() where c.n <= 25 {
            let group = try PermutationGroup(generators: c.generators.map { try Permutation(images: $0) }, degree: c.n)
            let d = try IsotypicDecomposition(group: group)
            let shapes = d.shapes
            guard shapes.multiplicities.reduce(1, { $0 * ($1 + 1) }) <= 20_000 else { continue }
            for r in [1, c.n / 3, c.n / 2, c.n - 1] where r >= 0 && r <= c.n {
                let v = try EquivariantVariety(d, rank: r)
                let listed = Array(v.components)
                let (all, full) = Self.bruteForceCount(shapes, rank: r)
                #expect(listed.count == all && Set(listed).count == all, "\(c.name) r=\(r)")
                #expect(listed.prefix(full).allSatisfy { (try? v.component($0))?.containsRankR == true })
                let index = try v.index()
                for (i, t) in listed.enumerated() {
                    #expect(try index.tuple(at: BigInteger(i)) == t && index.index(of: t) == BigInteger(i))
                    let component = try v.component(t)
                    #expect(component.maximalRank <= r && component.dimension >= 0)
                }
            }
        }
    }

    @Test func quaternionicComponentInvariants() throws {
        // Q8 on two regular orbits: H4 with μ = 2; t = 1 is {x ∈ M_2(ℍ) : rank_ℍ x ≤ 1}: dimension
        // 4·1·(4 − 1) = 12, degree of its complexification M_{2, 4×4}: 20, ED degree C(2,1) = 2 (MATH.md §8.4)
        let c = try #require(try Self.cases().first { $0.name == "Q8 on two regular orbits" })
        let group = try PermutationGroup(generators: c.generators.map { try Permutation(images: $0) }, degree: c.n)
        let v = try EquivariantVariety(try IsotypicDecomposition(group: group), rank: 4)
        let h = try #require(v.blocks.firstIndex { $0.type == .quaternionic })
        var t = [Int](repeating: 0, count: v.blocks.count)
        t[h] = 1
        let component = try v.component(t)
        #expect(component.dimension == 12 && component.maximalRank == 4)
        #expect(try component.degree == BigInteger(20) && component.edDegree == BigInteger(2))
        #expect(component.singularLocus == [[Int](repeating: 0, count: v.blocks.count)])
        #expect(try v.parseTuple("\(v.blocks[h].label)=1") == t)
    }

    @Test func oneGeneratorGivesTheCyclicBlocks() throws {
        // ⟨σ⟩ through the group engines (closed form and rational) against the cyclic code's blocks
        var rng = SeededGenerator(seed: 909)
        for _ in 0..<testIterations(40) {
            let type = randomCycleType(using: &rng, maxDegree: 14)
            let sigma = try type.representative()
            let cyclic = BlockStructure(sigma).blocks.map { "\($0.type.rawValue) \($0.weight) \($0.multiplicity)" }
            let group = try PermutationGroup(generators: [sigma])
            for fast in [true, false] {
                let d = try IsotypicDecomposition(group: group, engine: fast ? .automatic : .orbitalAlgebra)
                let got = d.blocks.map { "\($0.type.rawValue) \($0.weight) \($0.multiplicity)" }
                #expect(got.sorted() == cyclic.sorted(), "\(type) fast=\(fast)")
            }
        }
    }

    @Test func smallestBlockDegreesAgreeWithMacaulay2() throws {
        // Oracles/group_degrees.m2: degrees from the real rank condition on the realified blocks
        let oracle = try JSONDecoder().decode([String: Int].self, from: oracleData("group_degrees.json"))
        let cases: [(String, DivisionAlgebra, Int)] = [
            ("H 2 1", .quaternionic, 4), ("C 2 1", .complex, 2), ("R 3 1", .real, 1),
        ]
        for (key, type, weight) in cases {
            let parts = key.split(separator: " ").compactMap { Int($0) }
            let block = IsotypicBlock(type: type, weight: weight, multiplicity: parts[0], label: "b")
            let component = EquivariantComponent(blocks: [block], tuple: [parts[1]], rank: weight * parts[1])
            #expect(try component.degree == BigInteger(oracle[key] ?? -1), "\(key)")
        }
    }

    @Test func labelsAreDistinctAndTheTrivialBlockComesFirst() throws {
        let q8 = try PermutationGroup(generators: [
            Permutation(cycles: "(1 2 4 6)(3 5 7 8)"), Permutation(cycles: "(1 3 4 7)(2 8 6 5)"),
        ])
        let d = try IsotypicDecomposition(group: q8)
        #expect(d.blocks.map(\.label) == ["R1.1", "R1.2", "R1.3", "R1.4", "H4.1"])
        #expect(Set(d.blocks.map(\.label)).count == d.blocks.count)
    }
}
