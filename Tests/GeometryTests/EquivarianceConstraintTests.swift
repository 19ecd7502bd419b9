import EqgeomTestSupport
import Foundation
import Testing

@testable import Algebra
@testable import Geometry

/// The exact equivariance constraint against sympy (Oracles/make_emlp_oracles.py: representations built with
/// sympy's Kronecker products, EMLP's C_{h,A} with inverses stacked densely, nullspace in RREF), against
/// `layer`'s orbit counts, and against the generic-generator facts of MATH.md §9.2.
@Suite struct EquivarianceConstraintTests {
    /// The permutation whose matrix is `m` (P[g(j), j] = 1), or nil.
    static func permutation(of m: RationalMatrix) -> Permutation? {
        let images = (0..<m.columns).map { j in (0..<m.rows).first { m[$0, j] == Rational(1) }.map { $0 + 1 } ?? 0 }
        guard let p = try? Permutation(images: images) else { return nil }
        let rep = try? MatrixRepresentation(permutations: [p], degree: m.rows)
        return rep?.groupGenerator(0) == m ? p : nil
    }

    @Test func sympyOracles() throws {
        let cases = try EMLPOracle.all()
        #expect(cases.count >= 12)
        for c in cases {
            let group = c.group.map(rationalMatrix)
            let lie = c.lie.map(rationalMatrix)
            let d = (group.first ?? lie.first)?.rows ?? 0
            var representations = [try MatrixRepresentation(dimension: d, groupGenerators: group, lieGenerators: lie)]
            let permutations = group.compactMap(Self.permutation)
            if lie.isEmpty && permutations.count == group.count {
                representations.append(try MatrixRepresentation(permutations: permutations, degree: d))
            }
            for rho in representations {
                let space = try EquivarianceConstraint(
                    input: try rho.tensorPower(c.inPower), output: try rho.tensorPower(c.outPower)
                ).solve()
                #expect(space.dimension == c.dimension, "\(c.name), \(space.method)")
                let flat = space.basis().map { m in (0..<m.rows).flatMap { i in (0..<m.columns).map { m[i, $0] } } }
                let expected = c.basis.map { $0.map { Rational($0) ?? Rational(-99) } }
                #expect(flat == expected, "\(c.name), \(space.method)")
            }
        }
    }

    /// Permutation groups: orbitals, the matrix path (monomial cycles, then RREF) and a dense RREF of the
    /// stacked constraint give one basis, whose size is `layer`'s parameter count.
    @Test func orbitalsAgreeWithEliminationAndLayer() throws {
        var rng = SeededGenerator(seed: 91)
        for _ in 0..<testIterations(15) {
            let n = Int.random(in: 1...4, using: &rng)
            let generators = try (0..<Int.random(in: 1...2, using: &rng)).map { _ in
                try Permutation(images: Array(1...n).shuffled(using: &rng))
            }
            let (p, q) = (Int.random(in: 0...2, using: &rng), Int.random(in: 0...2, using: &rng))
            let permutationRep = try MatrixRepresentation(permutations: generators, degree: n)
            let matrixRep = try MatrixRepresentation(
                dimension: n, groupGenerators: (0..<generators.count).map { permutationRep.groupGenerator($0) },
                keepingMatrices: true)
            let orbitals = try EquivarianceConstraint(
                input: try permutationRep.tensorPower(p), output: try permutationRep.tensorPower(q)
            ).solve()
            let constraint = try EquivarianceConstraint(
                input: try matrixRep.tensorPower(p), output: try matrixRep.tensorPower(q))
            let elimination = try constraint.solve()
            let layer = try EquivariantLayer(
                group: try PermutationGroup(generators: generators, degree: n), inputPower: p, outputPower: q)
            #expect(orbitals.method == .orbitals && elimination.method == .exactRREF)
            #expect(orbitals.dimension == layer.parameterCount, "\(generators) \(p)→\(q)")
            #expect(orbitals.basis() == elimination.basis(), "\(generators) \(p)→\(q)")
            var stacked: RationalMatrix? = nil
            for i in 0..<generators.count {
                let c = try EquivarianceConstraint.denseConstraint(
                    a: constraint.output.groupGenerator(i), b: constraint.input.groupGenerator(i))
                stacked = stacked.map { Self.stack($0, c) } ?? c
            }
            if let stacked { #expect(stacked.nullspace.columns == orbitals.dimension) }
        }
    }

    static func stack(_ a: RationalMatrix, _ b: RationalMatrix) -> RationalMatrix {
        var m = RationalMatrix(rows: a.rows + b.rows, columns: a.columns)
        for i in 0..<a.rows { for j in 0..<a.columns where !a.isZero(i, j) { m[i, j] = a[i, j] } }
        for i in 0..<b.rows { for j in 0..<b.columns where !b.isZero(i, j) { m[a.rows + i, j] = b[i, j] } }
        return m
    }

    /// 0c/0d: a generic integer matrix commutes with a d-dimensional space (its polynomials), a generic pair
    /// only with the scalars.
    @Test func genericGenerators() throws {
        var rng = SeededGenerator(seed: 92)
        for d in 2...4 {
            let random = { () -> RationalMatrix in
                var m = RationalMatrix(rows: d, columns: d)
                for i in 0..<d { for j in 0..<d { m[i, j] = Rational(Int.random(in: -9...9, using: &rng)) } }
                m[0, 0] += Rational(100)  // invertible
                return m
            }
            let one = try MatrixRepresentation(dimension: d, groupGenerators: [random()])
            let two = try MatrixRepresentation(dimension: d, groupGenerators: [random(), random()])
            #expect(try EquivarianceConstraint(input: one, output: one).solve().dimension == d)
            #expect(try EquivarianceConstraint(input: two, output: two).solve().dimension == 1)
        }
    }

    /// The cyclic shortcut (commutant ℚ[A] from the powers of A) against the dense nullspace of A ⊗ I − I ⊗ Aᵀ,
    /// on random sparse integer matrices, cyclic or not (the derogatory ones take the dense path); every basis
    /// element commutes with A. All-ones 2×2 blocks on the diagonal (k of them, d = 2k) are diagonalisable with
    /// eigenvalues 2 and 0 of multiplicity k each: commutant dimension 2k².
    @Test func cyclicGeneratorsAgainstTheDenseSystem() throws {
        var rng = SeededGenerator(seed: 31)
        for trial in 0..<24 {
            let d = 2 + trial % 5
            var a = RationalMatrix(rows: d, columns: d)
            for i in 0..<d {
                for j in 0..<d where Int.random(in: 0..<3, using: &rng) == 0 {
                    a[i, j] = Rational(Int.random(in: -2...2, using: &rng))
                }
            }
            let rho = try MatrixRepresentation(dimension: d, groupGenerators: [], lieGenerators: [a])
            let space = try EquivarianceConstraint(input: rho, output: rho).solve()
            #expect(space.dimension == denseCommutantDimension([a], n: d), "\(a)")
            if EquivarianceConstraint.isCyclic(a) { #expect(space.dimension == d) }
            for w in space.basis() { #expect(a * w == w * a) }
        }
        for k in 1...3 {
            var blocks = RationalMatrix(rows: 2 * k, columns: 2 * k)
            for b in 0..<k { for i in 0..<2 { for j in 0..<2 { blocks[2 * b + i, 2 * b + j] = Rational(1) } } }
            #expect(!EquivarianceConstraint.isCyclic(blocks) || k == 1)
            let rho = try MatrixRepresentation(dimension: 2 * k, groupGenerators: [], lieGenerators: [blocks])
            #expect(try EquivarianceConstraint(input: rho, output: rho).solve().dimension == 2 * k * k)
        }
    }

    @Test func mismatchedRepresentationsAreRefused() throws {
        let a = try MatrixRepresentation(dimension: 2, groupGenerators: [RationalMatrix.identity(2)])
        let b = try MatrixRepresentation(dimension: 2, groupGenerators: [])
        #expect(throws: GeometryError.self) { try EquivarianceConstraint(input: a, output: b) }
        #expect(throws: GeometryError.self) {
            try MatrixRepresentation(dimension: 2, groupGenerators: [RationalMatrix(rows: 2, columns: 2)])
        }
        #expect(throws: GeometryError.self) {
            try MatrixRepresentation(dimension: 3, groupGenerators: [RationalMatrix.identity(2)])
        }
    }
}
