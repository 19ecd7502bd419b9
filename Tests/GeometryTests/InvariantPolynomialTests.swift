import EqgeomTestSupport
import Foundation
import Testing

@testable import Algebra
@testable import Geometry

/// Invariant polynomials against Molien's formula (Oracles/make_invariant_oracles.py, sympy), against the orbit
/// sums of a permutation group, and against known invariants of SO(3).
@Suite struct InvariantPolynomialTests {
    struct Case: Decodable {
        let name: String
        let group: [[[String]]]
        let dimensions: [Int]
    }

    @Test func molienSeries() throws {
        let url = packageRoot().appendingPathComponent("Tests/GeometryTests/Oracles/invariants.json")
        for c in try JSONDecoder().decode([Case].self, from: Data(contentsOf: url)) {
            let generators = c.group.map { rationalMatrix($0) }
            let rho = try MatrixRepresentation(dimension: generators[0].rows, groupGenerators: generators)
            for (k, expected) in c.dimensions.enumerated() {
                #expect(try InvariantPolynomials(rho, degree: k).dimension == expected, "\(c.name), degree \(k)")
            }
        }
    }

    /// C(d+k−1, k) against the monomials listed, and Pascal's rule; past the degree limit the refusal comes at
    /// once (one variable has one monomial of every degree, which once ran for minutes at degree 10⁹).
    @Test func monomialCountsAndTheDegreeLimit() throws {
        for d in 0...6 {
            for k in 0...8 {
                #expect(InvariantPolynomials.monomialCount(d, k) == InvariantPolynomials.exponents(d, k).count)
                if d >= 1 && k >= 1 {
                    let pascal =
                        InvariantPolynomials.monomialCount(d - 1, k) + InvariantPolynomials.monomialCount(d, k - 1)
                    #expect(InvariantPolynomials.monomialCount(d, k) == pascal, "d \(d) k \(k)")
                }
            }
        }
        #expect(InvariantPolynomials.monomialCount(1, 1_000_000_000) == 1)
        #expect(InvariantPolynomials.monomialCount(200, 200) == Int.max)
        let one = try MatrixRepresentation(dimension: 1, groupGenerators: [rationalMatrix([["1"]])])
        #expect(throws: GeometryError.self) { try InvariantPolynomials(one, degree: 1_000_000_000) }
        #expect(try InvariantPolynomials(one, degree: 256).dimension == 1)
    }

    /// Orbit sums (permutations) and the exact nullspace (the same permutations as matrices) agree.
    @Test func orbitSumsEqualTheNullspace() throws {
        var rng = SeededGenerator(seed: 94)
        for _ in 0..<testIterations(10) {
            let n = Int.random(in: 1...4, using: &rng)
            let generators = try (0..<2).map { _ in try Permutation(images: Array(1...n).shuffled(using: &rng)) }
            let permutations = try MatrixRepresentation(permutations: generators, degree: n)
            let matrices = try MatrixRepresentation(
                dimension: n, groupGenerators: (0..<2).map { permutations.groupGenerator($0) })
            for k in 0...3 {
                let a = try InvariantPolynomials(permutations, degree: k)
                let b = try InvariantPolynomials(matrices, degree: k)
                #expect(a.basis == b.basis, "\(generators), degree \(k)")
            }
        }
    }

    @Test func rotationInvariantsOfSO3() throws {
        let so3 = try MatrixRepresentation(
            dimension: 3, groupGenerators: [],
            lieGenerators: try ["[[0,0,0],[0,0,-1],[0,1,0]]", "[[0,0,1],[0,0,0],[-1,0,0]]"].map {
                try RationalMatrix(parsing: $0)
            })
        #expect(try InvariantPolynomials(so3, degree: 2).polynomials == ["x1^2 + x2^2 + x3^2"])
        #expect(try InvariantPolynomials(so3, degree: 3).dimension == 0)
        #expect(
            try InvariantPolynomials(so3, degree: 4).polynomials == [
                "x1^4 + 2*x1^2*x2^2 + 2*x1^2*x3^2 + x2^4 + 2*x2^2*x3^2 + x3^4"
            ])
        // 0c: a generic matrix has no invariant polynomial of degree ≥ 1
        let generic = try MatrixRepresentation(
            dimension: 3, groupGenerators: [try RationalMatrix(parsing: "[[2,1,0],[1,3,1],[0,1,5]]")])
        for k in 1...4 { #expect(try InvariantPolynomials(generic, degree: k).dimension == 0) }
    }
}
