import Algebra
import Testing

@testable import Geometry

/// Semigroup convolutions (MATH.md §9.5) on worked examples and against a second method: commutation by dense
/// matrix products and every dimension by one dense exact nullspace of the stacked Kronecker system (the library
/// reads the maps and solves one generator at a time), on random transformation semigroups and their ideals.
@Suite struct SemigroupConvolutionTests {
    /// ℤ₆ under ·, S = {0, 2, 4}: C₀ = f ↦ f(0)·1, C₂ swaps 2 and 4, C₄ = I are independent; the maps commuting
    /// with them have row 0 = (c, 0, 0), rows summing to c and the swap symmetry: [[c,0,0],[a,b,e],[a,e,b]] with
    /// a + b + e = c, dimension 3. ℤ₄, S = {0, 2}: both C_s are f ↦ f(0)·1 (2·2 = 0), span 1; T acts by that map
    /// and the identity, commutant {[[c, 0], [a, c − a]]}, dimension 2.
    @Test func workedExamples() throws {
        let six = try SemigroupConvolution(try FiniteSemigroup.multiplicative(modulo: 6), ideal: [0, 2, 4])
        #expect(six.commutes && six.convolutionDimension == 3 && six.commutantDimension == 3)
        #expect(six.idealCommutantDimension == 3 && six.convolutionsAreTheCommutant)
        let four = try SemigroupConvolution(try FiniteSemigroup.multiplicative(modulo: 4), ideal: [0, 2])
        #expect(four.commutes && four.convolutionDimension == 1 && four.commutantDimension == 2)
        #expect(four.idealCommutantDimension == 2 && !four.convolutionsAreTheCommutant)
    }

    @Test func refusals() throws {
        #expect(throws: FiniteSemigroup.Refusal.self) { try FiniteSemigroup(table: [[1, 1], [0, 0]]) }  // a·b = a + 1
        #expect(throws: FiniteSemigroup.Refusal.self) { try FiniteSemigroup(table: [[0, 2], [0, 0]]) }
        #expect(throws: FiniteSemigroup.Refusal.self) { try FiniteSemigroup(table: [[0, 0]]) }
        let z6 = try FiniteSemigroup.multiplicative(modulo: 6)
        #expect(throws: FiniteSemigroup.Refusal.self) { try z6.requireRightIdeal([1]) }  // 1·2 = 2 ∉ S
        #expect(throws: FiniteSemigroup.Refusal.self) { try z6.requireRightIdeal([0, 0]) }
        #expect(throws: FiniteSemigroup.Refusal.self) { try z6.requireRightIdeal([6]) }
    }

    /// Random transformation semigroups (two maps of k points closed under composition, ab = b∘a) and the
    /// right ideals xT¹ = {x} ∪ xT.
    @Test func randomSemigroupsAgainstDenseAlgebra() throws {
        var rng = SplitMix(2026)
        var tested = 0
        for _ in 0..<12 {
            let k = 3
            var elements = (0..<2).map { _ in (0..<k).map { _ in Int(rng.next() % UInt64(k)) } }
            var grown = true
            while grown {
                grown = false
                for a in elements {
                    for b in elements {
                        let ab = a.map { b[$0] }
                        if !elements.contains(ab) {
                            elements.append(ab)
                            grown = true
                        }
                    }
                }
            }
            guard elements.count <= 20 else { continue }
            let table = elements.map { a in elements.map { b in elements.firstIndex(of: a.map { b[$0] })! } }
            let t = try FiniteSemigroup(table: table)
            let x = Int(rng.next() % UInt64(t.order))
            let ideal = [x] + Set((0..<t.order).map { t.product(x, $0) }).subtracting([x]).sorted()
            let c = try SemigroupConvolution(t, ideal: ideal)
            let n = ideal.count
            tested += 1
            for cs in c.convolutions { for r in c.rightActions { #expect(cs * r == r * cs) } }
            #expect(c.commutes)
            #expect(c.convolutionDimension == Self.spanDimension(c.convolutions, n: n))
            #expect(c.commutantDimension == denseCommutantDimension(c.rightActions, n: n))
            let own = ideal.map { c.rightActions[$0] }
            #expect(c.idealCommutantDimension == denseCommutantDimension(own, n: n))
            #expect(c.convolutionDimension <= c.commutantDimension)
        }
        #expect(tested >= 8)
    }

    static func spanDimension(_ ms: [RationalMatrix], n: Int) -> Int {
        var stacked = RationalMatrix(rows: ms.count, columns: n * n)
        for (k, m) in ms.enumerated() { for e in 0..<(n * n) { stacked[k, e] = m[e / n, e % n] } }
        return stacked.rowReduced.rank
    }
}
