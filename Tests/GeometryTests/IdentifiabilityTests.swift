import EqgeomTestSupport
import Testing

@testable import Algebra
@testable import Geometry

/// Commutant, bicommutant and generated algebra against hand-derived values (MATH.md §9.2) and,
/// for finite groups, against the span of all group elements (enumerated by closure, no algebra code).
@Suite struct IdentifiabilityTests {
    static func matrix(_ text: String) throws -> RationalMatrix { try RationalMatrix(parsing: text) }

    /// The dimension of span{ρ(g) : g ∈ G}, G enumerated from its generators by closure.
    static func groupAlgebraDimension(_ generators: [RationalMatrix]) -> Int {
        let d = generators[0].rows
        var elements = [RationalMatrix.identity(d)]
        var index = 0
        while index < elements.count {
            for g in generators {
                let h = g * elements[index]
                if !elements.contains(h) { elements.append(h) }
            }
            index += 1
        }
        var stacked = RationalMatrix(rows: elements.count, columns: d * d)
        for (r, m) in elements.enumerated() { for e in 0..<(d * d) { stacked[r, e] = m[e / d, e % d] } }
        return stacked.rank
    }

    @Test func handDerivedCases() throws {
        // upper triangular (not semisimple): C = scalars, C' = M_2, ⟨ρ⟩ = upper triangular
        let upper = try MatrixRepresentation(
            dimension: 2, groupGenerators: [try Self.matrix("[[1,1],[0,1]]"), try Self.matrix("[[1,0],[0,2]]")])
        let u = try Identifiability(upper)
        #expect(u.commutant.dimension == 1 && u.bicommutantDimension == 4 && u.generatedAlgebraDimension == 3)
        #expect(!u.doubleCommutantHolds)
        // a Jordan block: not semisimple, yet C = C' = ⟨ρ⟩ = span{I, N}
        let jordan = try MatrixRepresentation(dimension: 2, groupGenerators: [try Self.matrix("[[1,1],[0,1]]")])
        let j = try Identifiability(jordan)
        #expect(j.commutant.dimension == 2 && j.bicommutantDimension == 2 && j.doubleCommutantHolds)
        // S2 swapping two coordinates (0f): C = R[G] = {[[a,b],[b,a]]}
        let swap = try MatrixRepresentation(dimension: 2, groupGenerators: [try Self.matrix("[[0,1],[1,0]]")])
        let s = try Identifiability(swap)
        #expect(s.commutant.dimension == 2 && s.generatedAlgebraDimension == 2 && s.doubleCommutantHolds)
        // so(3) on R^3: C = scalars, its associative envelope is all of M_3
        let so3 = try MatrixRepresentation(
            dimension: 3, groupGenerators: [],
            lieGenerators: [
                try Self.matrix("[[0,0,0],[0,0,-1],[0,1,0]]"), try Self.matrix("[[0,0,1],[0,0,0],[-1,0,0]]"),
            ])
        let o = try Identifiability(so3)
        #expect(o.commutant.dimension == 1 && o.bicommutantDimension == 9 && o.generatedAlgebraDimension == 9)
    }

    /// Finite permutation groups (A4, regular C4, D4 on 3×3) and random ones: the generated algebra is the span
    /// of the group's elements and equals the bicommutant (ℚ[G] is semisimple).
    @Test func finiteGroupsSatisfyTheDoubleCommutantTheorem() throws {
        var rng = SeededGenerator(seed: 93)
        var cases: [[Permutation]] = [
            [try Permutation(parsing: "(1 2 3)", degree: 4), try Permutation(parsing: "(1 2)(3 4)")],
            [try Permutation(parsing: "(1 2 3 4)")],
            [try Permutation(parsing: "(1 3 9 7)(2 6 8 4)"), try Permutation(parsing: "(1 3)(4 6)(7 9)")],
        ]
        for _ in 0..<testIterations(6) {
            let n = Int.random(in: 2...6, using: &rng)
            cases.append(try (0..<2).map { _ in try Permutation(images: Array(1...n).shuffled(using: &rng)) })
        }
        for generators in cases {
            let n = generators.map(\.degree).max() ?? 1
            let rho = try MatrixRepresentation(permutations: generators, degree: n)
            let id = try Identifiability(rho)
            let expected = Self.groupAlgebraDimension((0..<generators.count).map { rho.groupGenerator($0) })
            #expect(id.generatedAlgebraDimension == expected, "\(generators)")
            #expect(id.doubleCommutantHolds, "\(generators)")
        }
    }

    /// The modular spinning with its exact closure check gives the basis of the exact spinning (the same reduced
    /// echelon form) on random rational matrices, random permutation matrices and non-semisimple cases; a
    /// generator whose denominator the prime divides falls back to the exact path.
    @Test func modularSpinningEqualsExactSpinning() throws {
        var rng = SeededGenerator(seed: 94)
        var cases: [[RationalMatrix]] = []
        for _ in 0..<testIterations(12) {
            let d = Int.random(in: 1...5, using: &rng)
            let count = Int.random(in: 1...2, using: &rng)
            cases.append(
                (0..<count).map { _ in
                    var m = RationalMatrix(rows: d, columns: d)
                    for i in 0..<d {
                        for j in 0..<d where Int.random(in: 0..<3, using: &rng) == 0 {
                            m[i, j] = Rational(Int.random(in: -3...3, using: &rng), Int.random(in: 1...4, using: &rng))
                        }
                    }
                    return m
                })
            let n = Int.random(in: 2...7, using: &rng)
            let rho = try MatrixRepresentation(
                permutations: [try Permutation(images: Array(1...n).shuffled(using: &rng))], degree: n)
            cases.append([rho.groupGenerator(0)])
        }
        cases.append([try Self.matrix("[[1,1],[0,1]]"), try Self.matrix("[[1,0],[0,2]]")])
        for generators in cases {
            let d = generators[0].rows
            let fast = try #require(GeneratedAlgebra.modular(generators, dimension: d))
            let exact = GeneratedAlgebra.exact(generators, dimension: d)
            #expect(fast == exact, "\(generators)")
            // with the dimension known as a bound, the kept words themselves: independent and spanning the same
            let words = try #require(GeneratedAlgebra.modular(generators, dimension: d, atMost: exact.count))
            var stacked = RationalMatrix(rows: words.count + exact.count, columns: d * d)
            for (r, m) in (words + exact).enumerated() { for e in 0..<(d * d) { stacked[r, e] = m[e / d, e % d] } }
            #expect(words.count == exact.count && stacked.rank == exact.count, "\(generators)")
        }
        let tiny = try Self.matrix("[[1,1/2147483647],[0,1]]")
        #expect(GeneratedAlgebra.modular([tiny], dimension: 2) == nil)
        #expect(GeneratedAlgebra.basis(generatedBy: [tiny], dimension: 2).count == 2)
    }
}
